/**
 * Small-count suppression for aggregate tables (SPEC §2 and §3.9: networks and the public see aggregates
 * only, small counts suppressed). Pure functions, no I/O.
 *
 * The rule, for a table whose rows are organisations and whose columns are counts of people, with one
 * total per column:
 *  1. Primary suppression: a cell of 1 to 4 (SMALL_MAX) is not shown; it reads "fewer than 5". Zero is
 *     shown: it describes nobody.
 *  2. A column total of 1 to 4 is suppressed the same way.
 *  3. Secondary suppression: a column total is hidden too when, together with the cells that are shown,
 *     it would let a reader work out a suppressed cell. With k suppressed cells in the column, their sum is
 *     r = total − (shown cells), and each lies in 1..4. One cell is then determined exactly when k = 1
 *     (r is that cell), r = k (every cell is 1) or r = 4k (every cell is 4). In every other case each
 *     suppressed cell can still take at least two values (move one unit between two cells), so the total
 *     is shown.
 * Rows carry no totals (a row mixes people with other measures), so no rule is needed across a row.
 * Known limit: a viewer who sees two tables whose rows differ by one organisation (two overlapping
 * networks) could subtract their totals; see README.md.
 */

/** Counts from 1 up to this are suppressed. */
export const SMALL_MAX = 4;
/** "fewer than THRESHOLD" is how a suppressed count reads. */
export const THRESHOLD = SMALL_MAX + 1;

export type Suppression = 'none' | 'small' | 'secondary';

/** A count as it may be shown: the value, or null with the reason it is hidden. */
export type ShownCount = { value: number; suppression: 'none' } | { value: null; suppression: 'small' | 'secondary' };

export const isSmall = (n: number) => n >= 1 && n <= SMALL_MAX;

const shown = (value: number): ShownCount => ({ value, suppression: 'none' });
const hidden = (suppression: 'small' | 'secondary'): ShownCount => ({ value: null, suppression });

/** Whether the sum r of k suppressed cells (each 1..SMALL_MAX) pins down any one of them. */
export function revealsSuppressedCell(k: number, r: number): boolean {
  if (k === 0) return false;
  return k === 1 || r === k || r === SMALL_MAX * k;
}

/**
 * Applies the rule above to a table of non-negative integer counts (rows × columns). Returns the cells and
 * one total per column, each either shown or hidden with its reason.
 */
export function suppressSmallCounts(table: readonly (readonly number[])[], columnCount = table[0]?.length ?? 0): { rows: ShownCount[][]; totals: ShownCount[] } {
  for (const row of table) {
    if (row.length !== columnCount) throw new Error('suppressSmallCounts: every row needs the same number of columns');
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new Error('suppressSmallCounts: counts are non-negative integers');
  }
  const rows = table.map((row) => row.map((n) => (isSmall(n) ? hidden('small') : shown(n))));
  const totals: ShownCount[] = [];
  for (let c = 0; c < columnCount; c++) {
    let total = 0;
    let suppressedCount = 0;
    let suppressedSum = 0;
    for (const row of table) {
      const n = row[c]!;
      total += n;
      if (isSmall(n)) {
        suppressedCount++;
        suppressedSum += n;
      }
    }
    if (isSmall(total)) totals.push(hidden('small'));
    else if (revealsSuppressedCell(suppressedCount, suppressedSum)) totals.push(hidden('secondary'));
    else totals.push(shown(total));
  }
  return { rows, totals };
}

/**
 * A figure that is not a count of people but is made by a group of people (hours the volunteers of an
 * organisation recorded): the value, and how many people made it.
 */
export interface GroupFigure {
  value: number;
  group: number;
}

/** A figure as it may be shown (hours, a median): the value, or null with the reason it is hidden. */
export type ShownFigure = { value: number; suppression: 'none' } | { value: null; suppression: 'small' | 'secondary' };

/**
 * Suppression of a figure made by a group of people (hours of volunteers), one cell per organisation and a
 * column total (the sum):
 *  1. A cell made by 1 to 4 people is hidden (`small`): 6 hours of an organisation where one volunteer met
 *     their mentee are that volunteer's hours. A cell made by nobody is 0 and shown.
 *  2. The total is hidden (`small`) when all of it was made by 1 to 4 people.
 *  3. The total is hidden (`secondary`) when exactly one cell is hidden: total minus the shown cells would be
 *     that cell. With two or more hidden cells it is shown: their values are not bounded (hours of 1 to 4
 *     people can be anything), so their sum does not pin down any one of them — unlike counts of 1 to 4.
 */
export function suppressByGroupSize(cells: readonly GroupFigure[]): { rows: ShownFigure[]; total: ShownFigure } {
  for (const c of cells) {
    if (!Number.isInteger(c.group) || c.group < 0) throw new Error('suppressByGroupSize: group sizes are non-negative integers');
    if (!(c.value >= 0)) throw new Error('suppressByGroupSize: values are non-negative');
  }
  const rows = cells.map((c): ShownFigure => (isSmall(c.group) ? { value: null, suppression: 'small' } : { value: c.value, suppression: 'none' }));
  const group = cells.reduce((s, c) => s + c.group, 0);
  const hiddenCells = cells.filter((c) => isSmall(c.group)).length;
  const sum = cells.reduce((s, c) => s + c.value, 0);
  const total: ShownFigure = isSmall(group) ? { value: null, suppression: 'small' } : hiddenCells === 1 ? { value: null, suppression: 'secondary' } : { value: sum, suppression: 'none' };
  return { rows, total };
}

/** A median as it may be shown: null with `none` when nobody is in the group (there is no median). */
export type ShownMedian = { value: number | null; suppression: 'none' } | { value: null; suppression: 'small' };

/**
 * A median of a group of people (days waiting): hidden (`small`) when the group has 1 to 4 people, since a
 * median of one person is that person's value; no median (null) for an empty group.
 * A median needs no secondary suppression: it is not a sum, so the shown medians of the organisations and the
 * median of the whole network (taken over all its people, not a median of medians) cannot be combined to work
 * out a hidden one. The network median rests on the whole network's group and is hidden when that group is small
 * (which is the case whenever a single organisation with a hidden median is the only one with people).
 */
export function suppressMedian(median: number | null, group: number): ShownMedian {
  if (!Number.isInteger(group) || group < 0) throw new Error('suppressMedian: group sizes are non-negative integers');
  if (group === 0 || median === null) return { value: null, suppression: 'none' };
  return isSmall(group) ? { value: null, suppression: 'small' } : { value: median, suppression: 'none' };
}

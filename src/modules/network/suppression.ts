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

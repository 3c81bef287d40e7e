import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SMALL_MAX, suppressByGroupSize, suppressMedian, suppressSmallCounts, THRESHOLD, type ShownCount, type ShownFigure } from './suppression.js';

const v = (c: ShownCount) => (c.suppression === 'none' ? c.value : c.suppression);

describe('suppressSmallCounts', () => {
  it('hides every count from 1 to 4, shows 0 and 5 and more', () => {
    const { rows } = suppressSmallCounts([[0, 1, 2, 3, 4, 5, 6, 1234]]);
    assert.deepEqual(rows[0]!.map(v), [0, 'small', 'small', 'small', 'small', 5, 6, 1234]);
    assert.equal(THRESHOLD, 5);
  });

  it('shows column totals when no cell is suppressed', () => {
    const { totals } = suppressSmallCounts([
      [10, 0],
      [7, 20],
    ]);
    assert.deepEqual(totals.map(v), [17, 20]);
  });

  it('hides a total when exactly one cell of its column is suppressed (it would be total minus the rest)', () => {
    const { rows, totals } = suppressSmallCounts([
      [10, 12],
      [3, 8],
      [9, 30],
    ]);
    assert.deepEqual(rows.map((r) => r.map(v)), [
      [10, 12],
      ['small', 8],
      [9, 30],
    ]);
    assert.deepEqual(totals.map(v), ['secondary', 50]);
  });

  it('hides a total when the suppressed cells must all be 1 or all be 4', () => {
    assert.deepEqual(suppressSmallCounts([[1], [1], [10]]).totals.map(v), ['secondary'], '1 + 1: both are 1');
    assert.deepEqual(suppressSmallCounts([[4], [4], [10]]).totals.map(v), ['secondary'], '4 + 4: both are 4');
    assert.deepEqual(suppressSmallCounts([[2], [3], [10]]).totals.map(v), [15], '2 + 3 could be 1 + 4, 2 + 3, 3 + 2, 4 + 1');
  });

  it('hides a small total as "fewer than 5"', () => {
    assert.deepEqual(suppressSmallCounts([[1], [0], [2]]).totals.map(v), ['small']);
    assert.deepEqual(suppressSmallCounts([]).totals, []);
  });

  it('refuses malformed tables', () => {
    assert.throws(() => suppressSmallCounts([[1, 2], [3]]));
    assert.throws(() => suppressSmallCounts([[-1]]));
    assert.throws(() => suppressSmallCounts([[1.5]]));
  });

  it('never lets the shown cells and totals pin down a suppressed cell (every table)', () => {
    // For each column with a shown total: enumerate every assignment of 1..4 to its suppressed cells that
    // matches the published total; each suppressed cell must still have at least two possible values.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((cols) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 })),
        (table) => {
          const { rows, totals } = suppressSmallCounts(table);
          for (let c = 0; c < totals.length; c++) {
            const total = totals[c]!;
            if (total.suppression !== 'none') continue;
            const hiddenRows = rows.map((r, i) => (r[c]!.suppression === 'none' ? -1 : i)).filter((i) => i >= 0);
            if (hiddenRows.length === 0) continue;
            const visibleSum = rows.reduce((s, r) => s + (r[c]!.suppression === 'none' ? (r[c]!.value ?? 0) : 0), 0);
            const residual = total.value - visibleSum;
            const possible = hiddenRows.map(() => new Set<number>());
            const walk = (k: number, chosen: number[]) => {
              if (k === hiddenRows.length) {
                if (chosen.reduce((a, b) => a + b, 0) === residual) chosen.forEach((x, i) => possible[i]!.add(x));
                return;
              }
              for (let x = 1; x <= SMALL_MAX; x++) walk(k + 1, [...chosen, x]);
            };
            walk(0, []);
            for (const values of possible) if (values.size < 2) return false;
          }
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves every shown value equal to the input', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(50), { minLength: 2, maxLength: 2 }), { minLength: 0, maxLength: 5 }), (table) => {
        const { rows, totals } = suppressSmallCounts(table, 2);
        rows.forEach((r, i) => r.forEach((cell, c) => cell.suppression === 'none' && assert.equal(cell.value, table[i]![c])));
        totals.forEach((cell, c) => cell.suppression === 'none' && assert.equal(cell.value, table.reduce((s, r) => s + r[c]!, 0)));
      }),
    );
  });
});

describe('suppressByGroupSize (hours of volunteers)', () => {
  const f = (c: ShownFigure) => (c.suppression === 'none' ? c.value : c.suppression);
  it('hides a figure made by 1 to 4 people, shows one made by 0 or 5 and more', () => {
    const { rows } = suppressByGroupSize([
      { value: 0, group: 0 },
      { value: 12.5, group: 1 },
      { value: 40, group: 4 },
      { value: 7.5, group: 5 },
    ]);
    assert.deepEqual(rows.map(f), [0, 'small', 'small', 7.5]);
  });

  it('hides the total when exactly one cell is hidden, shows it with two or more (their values are not bounded)', () => {
    assert.equal(f(suppressByGroupSize([{ value: 10, group: 2 }, { value: 30, group: 6 }]).total), 'secondary');
    assert.equal(f(suppressByGroupSize([{ value: 10, group: 2 }, { value: 5, group: 3 }, { value: 30, group: 6 }]).total), 45);
    assert.equal(f(suppressByGroupSize([{ value: 10, group: 2 }, { value: 0, group: 0 }]).total), 'small', 'a total made by 2 people');
    assert.equal(f(suppressByGroupSize([]).total), 0);
  });

  it('never lets the total and the shown cells give back a hidden cell (random tables)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.integer({ min: 0, max: 1000 }), group: fc.integer({ min: 0, max: 8 }) }), { maxLength: 8 }), (cells) => {
        const { rows, total } = suppressByGroupSize(cells);
        const hidden = rows.filter((r) => r.suppression !== 'none').length;
        if (total.suppression === 'none') assert.ok(hidden !== 1);
      }),
    );
  });
});

describe('suppressMedian', () => {
  it('shows no median for nobody, hides one over 1 to 4 people, shows one over 5 or more', () => {
    assert.deepEqual(suppressMedian(null, 0), { value: null, suppression: 'none' });
    assert.deepEqual(suppressMedian(9, 1), { value: null, suppression: 'small' });
    assert.deepEqual(suppressMedian(5, 4), { value: null, suppression: 'small' });
    assert.deepEqual(suppressMedian(7, 6), { value: 7, suppression: 'none' });
  });
});

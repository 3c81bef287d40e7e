import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offeredYears, periodOf, periodValue } from './period.js';

describe('periodOf', () => {
  // 23:30 UTC on 31 December 2025 is already 1 January 2026 in Warsaw.
  const newYearInWarsaw = new Date('2025-12-31T23:30:00Z');
  const summer = new Date('2026-07-15T10:00:00Z');

  it('defaults to the last 12 months up to today in Warsaw', () => {
    assert.deepEqual(periodOf(undefined, summer), { choice: 'last-12-months', year: null, from: '2025-07-16', to: '2026-07-15', reportingDate: '2026-07-15' });
    assert.deepEqual(periodOf(undefined, newYearInWarsaw), { choice: 'last-12-months', year: null, from: '2025-01-02', to: '2026-01-01', reportingDate: '2026-01-01' });
  });

  it('takes this year from 1 January to today, in Warsaw’s calendar', () => {
    assert.deepEqual(periodOf('this-year', newYearInWarsaw), { choice: 'this-year', year: 2026, from: '2026-01-01', to: '2026-01-01', reportingDate: '2026-01-01' });
  });

  it('takes a chosen year whole, counting active pairs on its last day or today if it has not ended', () => {
    assert.deepEqual(periodOf('2025', summer), { choice: 'year', year: 2025, from: '2025-01-01', to: '2025-12-31', reportingDate: '2025-12-31' });
    assert.equal(periodOf('2026', summer).reportingDate, '2026-07-15');
    assert.equal(periodValue(periodOf('2025', summer)), '2025');
    assert.equal(periodValue(periodOf(undefined, summer)), 'last-12-months');
  });

  it('offers the five years before this one', () => {
    assert.deepEqual(offeredYears(newYearInWarsaw), [2025, 2024, 2023, 2022, 2021]);
  });
});

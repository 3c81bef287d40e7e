import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, calendarDaysBetween, daysSince, instantDaysBefore, startOfDayIn, todayIn, utcToZoned } from './time-zone.js';
import { instantDaysAgo, localDaysAgo } from '../testing/clock.js';

const at = (iso: string) => new Date(iso);
const DAY_MS = 86_400_000;

/**
 * The hours where a day count taken in UTC, or in 24-hour steps, goes wrong in Warsaw: just before and after local
 * midnight (23:00 UTC in winter, 22:00 UTC in summer), just before and after UTC midnight, and the mornings of both
 * clock changes of 2026 (29 March, 25 October).
 */
const DANGEROUS = [
  '2026-12-07T22:30:00Z', // 23:30 in Warsaw: the hour batch.test.ts failed in
  '2026-12-07T22:59:59Z',
  '2026-12-07T23:00:00Z', // Warsaw midnight, winter
  '2026-12-07T23:30:00Z',
  '2026-12-08T00:00:00Z', // UTC midnight
  '2026-12-08T00:30:00Z',
  '2026-07-15T21:30:00Z',
  '2026-07-15T22:00:00Z', // Warsaw midnight, summer
  '2026-07-15T22:30:00Z',
  '2026-07-16T00:00:00Z',
  '2026-03-28T23:30:00Z', // 00:30 on the night the clocks go forward
  '2026-03-29T00:59:00Z',
  '2026-03-29T01:00:00Z', // 02:00 → 03:00
  '2026-03-29T22:30:00Z',
  '2026-10-24T22:30:00Z', // 00:30 on the night the clocks go back
  '2026-10-25T00:30:00Z', // 02:30, the first time
  '2026-10-25T01:30:00Z', // 02:30, the second time
  '2026-10-25T23:30:00Z',
].map(at);

describe('calendar days in the organisation\'s zone', () => {
  it('the cause of the nightly failure: 120 × 24 h before 22:30 UTC on 7 December is already the next day in Warsaw', () => {
    const now = at('2026-12-07T22:30:00Z');
    const old = new Date(now.getTime() - 120 * DAY_MS); // what matching/test-helpers.ts used to seed
    assert.equal(utcToZoned(old).time, '00:30', 'in summer time, one hour later on the wall clock');
    assert.equal(daysSince(old, now), 119, 'so the page rightly said 119 days');
    assert.equal(daysSince(instantDaysAgo(120, { now }), now), 120, 'the test clock counts calendar days');
    assert.equal(localDaysAgo(120, { now }), '2026-08-09');
  });

  it('"N days ago" is N calendar days at every dangerous hour, for short and long waits', () => {
    for (const now of DANGEROUS) {
      for (const n of [0, 1, 2, 7, 30, 120, 200, 365, 1000]) {
        const then = instantDaysBefore(now, n);
        assert.equal(daysSince(then, now), n, `${n} days before ${now.toISOString()}`);
        assert.equal(utcToZoned(then).date, addDays(todayIn(undefined, now), -n));
        assert.ok(then.getTime() <= now.getTime(), 'never in the future');
        assert.equal(localDaysAgo(n, { now }), utcToZoned(then).date);
      }
    }
  });

  it('counts dates, not 24-hour periods', () => {
    // 20 minutes apart, same UTC date, across Warsaw midnight: one day.
    assert.equal(daysSince(at('2026-12-07T22:50:00Z'), at('2026-12-07T23:10:00Z')), 1);
    // An hour apart across UTC midnight, the same day in Warsaw: none.
    assert.equal(daysSince(at('2026-12-07T23:30:00Z'), at('2026-12-08T00:30:00Z')), 0);
    // Summer: Warsaw midnight is 22:00 UTC.
    assert.equal(daysSince(at('2026-07-15T21:59:00Z'), at('2026-07-15T22:01:00Z')), 1);
    // Noon to noon across the spring change is 23 hours and one day.
    assert.equal(daysSince(at('2026-03-28T11:00:00Z'), at('2026-03-29T10:00:00Z')), 1);
    // 00:30 to 23:30 on the day the clocks go back is 24 hours and no day.
    assert.equal(daysSince(at('2026-10-24T22:30:00Z'), at('2026-10-25T22:30:00Z')), 0);
    assert.equal(calendarDaysBetween(at('2026-10-25T22:30:00Z'), at('2026-10-24T22:30:00Z')), 0);
    assert.equal(calendarDaysBetween(at('2026-12-08T12:00:00Z'), at('2026-12-01T12:00:00Z')), -7);
    assert.equal(daysSince(at('2026-12-08T12:00:00Z'), at('2026-12-01T12:00:00Z')), 0, 'never negative');
    // Another zone counts on its own calendar.
    assert.equal(daysSince(at('2026-12-07T22:50:00Z'), at('2026-12-07T23:10:00Z'), 'Europe/London'), 0);
    assert.equal(daysSince(at('2026-12-07T23:50:00Z'), at('2026-12-08T00:10:00Z'), 'Europe/London'), 1);
  });

  it('the first instant of a day, on ordinary days and on both clock changes', () => {
    assert.equal(startOfDayIn('2026-12-08').toISOString(), '2026-12-07T23:00:00.000Z');
    assert.equal(startOfDayIn('2026-07-16').toISOString(), '2026-07-15T22:00:00.000Z');
    assert.equal(startOfDayIn('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal(startOfDayIn('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal(startOfDayIn('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z');
    assert.equal(startOfDayIn('2026-10-26').toISOString(), '2026-10-25T23:00:00.000Z');
  });

  const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });
  const zone = fc.constantFrom('Europe/Warsaw', 'Europe/London', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Auckland');

  it('property: instantDaysBefore(now, n) is n calendar days before now, never after it, in any zone', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 2000 }), zone, (now, n, tz) => {
        const then = instantDaysBefore(now, n, tz);
        return then.getTime() <= now.getTime() && daysSince(then, now, tz) === n && calendarDaysBetween(then, now, tz) === n;
      }),
    );
  });

  it('property: day counts add up (a→b plus b→c is a→c) and agree with the dates in the zone', () => {
    fc.assert(
      fc.property(instant, instant, instant, zone, (a, b, c, tz) => {
        assert.equal(calendarDaysBetween(a, b, tz) + calendarDaysBetween(b, c, tz), calendarDaysBetween(a, c, tz));
        assert.equal(addDays(utcToZoned(a, tz).date, calendarDaysBetween(a, b, tz)), utcToZoned(b, tz).date);
      }),
    );
  });

  it('property: a day starts at startOfDayIn, and the minute before it is the day before', () => {
    fc.assert(
      fc.property(instant, zone, (i, tz) => {
        const date = utcToZoned(i, tz).date;
        const start = startOfDayIn(date, tz);
        assert.ok(start.getTime() <= i.getTime());
        assert.equal(utcToZoned(start, tz).date, date);
        assert.equal(utcToZoned(new Date(start.getTime() - 60_000), tz).date, addDays(date, -1));
      }),
    );
  });
});

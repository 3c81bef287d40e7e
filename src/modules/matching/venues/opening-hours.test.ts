import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zonedToUtc } from '../../../core/i18n/time-zone.js';
import { formatDayHours, outsideHours, parseDayHours, weekdayIndex, weeklyHoursOf, type WeeklyHours } from './opening-hours.js';

const closedWeek = (): WeeklyHours => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
const at = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Warsaw')!;

describe('parseDayHours', () => {
  it('reads one or more intervals in the usual spellings, sorted; empty is closed', () => {
    assert.deepEqual(parseDayHours('15:00-18:00, 9-13'), { intervals: [{ from: '09:00', to: '13:00' }, { from: '15:00', to: '18:00' }] });
    assert.deepEqual(parseDayHours(' 8.30 – 20 '), { intervals: [{ from: '08:30', to: '20:00' }] });
    assert.deepEqual(parseDayHours('10:00-24:00'), { intervals: [{ from: '10:00', to: '24:00' }] });
    assert.deepEqual(parseDayHours('٩-١٣، ١٥-١٨'), { intervals: [{ from: '09:00', to: '13:00' }, { from: '15:00', to: '18:00' }] });
    assert.deepEqual(parseDayHours('9-13; 13-17'), { intervals: [{ from: '09:00', to: '13:00' }, { from: '13:00', to: '17:00' }] }, 'touching is not overlapping');
    assert.deepEqual(parseDayHours('   '), { intervals: [] });
  });

  it('names the problem: a bad time, an end not after its start, overlapping intervals', () => {
    for (const bad of ['9', 'from 9 to 13', '25-26', '9:60-13', '24:30-25', '9-13,', 'closed'])
      assert.deepEqual(parseDayHours(bad), { problem: 'matching.settings.validation.hoursFormat' }, bad);
    assert.deepEqual(parseDayHours('13-9'), { problem: 'matching.settings.validation.hoursOrder' });
    assert.deepEqual(parseDayHours('9-9'), { problem: 'matching.settings.validation.hoursOrder' });
    assert.deepEqual(parseDayHours('9-13, 12-18'), { problem: 'matching.settings.validation.hoursOverlap' });
  });

  it('shows the intervals again as typed back into the form', () => {
    assert.equal(formatDayHours([{ from: '09:00', to: '13:00' }, { from: '15:00', to: '18:00' }]), '09:00–13:00, 15:00–18:00');
    assert.equal(formatDayHours([]), '');
  });
});

describe('weeklyHoursOf and weekdayIndex', () => {
  it('a week with no day open is "unknown" (null); Monday is 0', () => {
    assert.equal(weeklyHoursOf(closedWeek()), null);
    assert.notEqual(weeklyHoursOf({ ...closedWeek(), sat: [{ from: '10:00', to: '14:00' }] }), null);
    assert.equal(weekdayIndex('2024-01-01'), 0);
    assert.equal(weekdayIndex('2026-03-29'), 6);
  });
});

describe('outsideHours', () => {
  const week: WeeklyHours = { ...closedWeek(), mon: [{ from: '09:00', to: '13:00' }, { from: '15:00', to: '18:00' }], sun: [{ from: '00:00', to: '03:00' }] };

  it('fits inside one interval, with its length; not across the break, not on a closed day; unknown hours always fit', () => {
    assert.equal(outsideHours(week, at('2026-06-01', '09:00'), 60, 'Europe/Warsaw'), null);
    assert.equal(outsideHours(week, at('2026-06-01', '17:00'), 60, 'Europe/Warsaw'), null);
    assert.deepEqual(outsideHours(week, at('2026-06-01', '12:30'), 60, 'Europe/Warsaw'), { date: '2026-06-01', weekday: 0, intervals: week.mon, start: '12:30', end: '13:30' });
    assert.equal(outsideHours(week, at('2026-06-01', '08:45'), 30, 'Europe/Warsaw')?.end, '09:15');
    assert.deepEqual(outsideHours(week, at('2026-06-02', '10:00'), 60, 'Europe/Warsaw')?.intervals, []);
    assert.equal(outsideHours(null, at('2026-06-02', '03:00'), 60, 'Europe/Warsaw'), null);
  });

  it('counts real minutes across the clock changes: the spring Sunday loses an hour, the autumn one repeats it', () => {
    // 29 March 2026: 01:30 + 60 min is 03:30 on the wall (02:00–03:00 does not exist), after the 03:00 closing.
    assert.equal(outsideHours(week, at('2026-03-29', '01:30'), 60, 'Europe/Warsaw')?.end, '03:30');
    assert.equal(outsideHours(week, at('2026-03-29', '01:00'), 60, 'Europe/Warsaw'), null, '01:00 + 60 min = 03:00 on the wall');
    // 25 October 2026: 01:30 + 120 min is the second 02:30, still before 03:00.
    assert.equal(outsideHours(week, at('2026-10-25', '01:30'), 120, 'Europe/Warsaw'), null);
    assert.equal(outsideHours(week, at('2026-10-25', '01:30'), 180, 'Europe/Warsaw')?.end, '03:30');
    // The same hours in New York, whose clocks change on other Sundays.
    assert.equal(outsideHours(week, zonedToUtc('2026-03-08', '01:30', 'America/New_York')!, 60, 'America/New_York')?.end, '03:30');
    assert.equal(outsideHours(week, zonedToUtc('2026-03-29', '01:30', 'America/New_York')!, 60, 'America/New_York'), null);
  });
});

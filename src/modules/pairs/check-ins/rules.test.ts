import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../../../core/i18n/time-zone.js';
import { DEFAULT_FOLLOW_UP, followUpInput, followUpOf } from './follow-up.js';
import { daysOverdue, daysQuiet, isOverdue, isQuiet, nextCheckInDue } from './rules.js';

const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const settings = fc.record({ firstCheckInDays: fc.integer({ min: 1, max: 365 }), everyDays: fc.integer({ min: 1, max: 365 }), quietAfterDays: fc.integer({ min: 1, max: 365 }) });
const offset = fc.integer({ min: 0, max: 800 });
const status = fc.constantFrom('active', 'paused', 'closed');

describe('check-in schedule', () => {
  it('examples: 14 days after the first meeting, then every 30 days after the latest check-in', () => {
    const match = { status: 'active', startedOn: '2026-03-01' };
    assert.equal(nextCheckInDue(match, [], null, DEFAULT_FOLLOW_UP), '2026-03-15', 'no meeting yet: from the start');
    assert.equal(nextCheckInDue(match, [], '2026-03-10', DEFAULT_FOLLOW_UP), '2026-03-24');
    assert.equal(nextCheckInDue(match, [{ heldOn: '2026-04-20' }, { heldOn: '2026-03-20' }], '2026-03-10', DEFAULT_FOLLOW_UP), '2026-05-20');
    assert.equal(isOverdue(match, [], '2026-03-10', DEFAULT_FOLLOW_UP, '2026-03-24'), false, 'the due day is still in time');
    assert.equal(daysOverdue(match, [], '2026-03-10', DEFAULT_FOLLOW_UP, '2026-03-27'), 3);
    assert.equal(nextCheckInDue({ ...match, status: 'paused' }, [], null, DEFAULT_FOLLOW_UP), null);
    // Across the October clock change the count stays in calendar days.
    assert.equal(daysOverdue({ status: 'active', startedOn: '2026-10-01' }, [], null, DEFAULT_FOLLOW_UP, '2026-10-30'), 15);
  });

  it('property: a check-in on its due day is never overdue until the next interval has passed', () => {
    fc.assert(
      fc.property(day, settings, fc.option(offset, { nil: null }), offset, (startedOn, s, meetingAfter, after) => {
        const match = { status: 'active', startedOn };
        const firstMeeting = meetingAfter === null ? null : addDays(startedOn, meetingAfter);
        const due = nextCheckInDue(match, [], firstMeeting, s)!;
        const checkIns = [{ heldOn: due }];
        const today = addDays(due, Math.min(after, s.everyDays));
        assert.equal(isOverdue(match, checkIns, firstMeeting, s, today), false);
        assert.equal(isOverdue(match, checkIns, firstMeeting, s, addDays(due, s.everyDays + 1)), true);
      }),
    );
  });

  it('property: an active pair is overdue exactly when today is after the due day, by the days in between', () => {
    fc.assert(
      fc.property(day, settings, fc.array(offset, { maxLength: 4 }), offset, (startedOn, s, checkInOffsets, todayOffset) => {
        const match = { status: 'active', startedOn };
        const checkIns = checkInOffsets.map((o) => ({ heldOn: addDays(startedOn, o) }));
        const today = addDays(startedOn, todayOffset);
        const due = nextCheckInDue(match, checkIns, null, s)!;
        assert.equal(isOverdue(match, checkIns, null, s, today), today > due);
        if (today > due) assert.equal(addDays(due, daysOverdue(match, checkIns, null, s, today)), today);
      }),
    );
  });

  it('property: a later check-in never makes the next one due earlier', () => {
    fc.assert(
      fc.property(day, settings, fc.array(offset, { maxLength: 4 }), offset, (startedOn, s, offsets, extra) => {
        const match = { status: 'active', startedOn };
        const checkIns = offsets.map((o) => ({ heldOn: addDays(startedOn, o) }));
        const before = nextCheckInDue(match, checkIns, null, s)!;
        const latest = checkIns.reduce((a, c) => (c.heldOn > a ? c.heldOn : a), startedOn);
        const after = nextCheckInDue(match, [...checkIns, { heldOn: addDays(latest, extra) }], null, s)!;
        assert.ok(after >= before || checkIns.length === 0, `${after} >= ${before}`);
      }),
    );
  });
});

describe('quiet pairs', () => {
  it('examples', () => {
    const match = { status: 'active', startedOn: '2026-01-01' };
    assert.equal(isQuiet(null, match, DEFAULT_FOLLOW_UP, '2026-01-22'), false, '21 days: not yet');
    assert.equal(isQuiet(null, match, DEFAULT_FOLLOW_UP, '2026-01-23'), true);
    assert.equal(isQuiet('2026-02-01', match, DEFAULT_FOLLOW_UP, '2026-02-20'), false);
    assert.equal(daysQuiet('2026-02-01', '2026-01-01', '2026-03-01'), 28);
    assert.equal(isQuiet(null, { ...match, status: 'closed' }, DEFAULT_FOLLOW_UP, '2027-01-01'), false);
  });

  it('property: a pair with a meeting within quietAfterDays is never quiet', () => {
    fc.assert(
      fc.property(day, settings, offset, fc.integer({ min: 0, max: 365 }), (startedOn, s, meetingAfter, since) => {
        const lastMeeting = addDays(startedOn, meetingAfter);
        const today = addDays(lastMeeting, since % (s.quietAfterDays + 1));
        assert.equal(isQuiet(lastMeeting, { status: 'active', startedOn }, s, today), false);
      }),
    );
  });

  it('property: an active pair is quiet exactly when more than quietAfterDays passed since its last meeting or start', () => {
    fc.assert(
      fc.property(day, settings, fc.option(offset, { nil: null }), offset, (startedOn, s, meetingAfter, todayAfter) => {
        const lastMeeting = meetingAfter === null ? null : addDays(startedOn, meetingAfter);
        const today = addDays(lastMeeting ?? startedOn, todayAfter);
        assert.equal(isQuiet(lastMeeting, { status: 'active', startedOn }, s, today), todayAfter > s.quietAfterDays);
      }),
    );
  });

  it('property: paused and closed pairs are never overdue and never quiet', () => {
    fc.assert(
      fc.property(day, settings, status.filter((x) => x !== 'active'), fc.option(offset, { nil: null }), fc.array(offset, { maxLength: 3 }), offset, (startedOn, s, st, meetingAfter, offsets, todayAfter) => {
        const match = { status: st, startedOn };
        const meeting = meetingAfter === null ? null : addDays(startedOn, meetingAfter);
        const today = addDays(startedOn, todayAfter);
        assert.equal(isOverdue(match, offsets.map((o) => ({ heldOn: addDays(startedOn, o) })), meeting, s, today), false);
        assert.equal(isQuiet(meeting, match, s, today), false);
      }),
    );
  });
});

describe('follow-up settings', () => {
  it('stored values fill in missing or unusable keys with the defaults', () => {
    assert.deepEqual(followUpOf({}), DEFAULT_FOLLOW_UP);
    assert.deepEqual(followUpOf({ everyDays: 45, quietAfterDays: 0, firstCheckInDays: 'x' }), { firstCheckInDays: 14, everyDays: 45, quietAfterDays: 21 });
  });

  it('the form accepts whole days 1–365 only', () => {
    assert.deepEqual(followUpInput.parse({ firstCheckInDays: ' 7 ', everyDays: '30', quietAfterDays: 21 }), { firstCheckInDays: 7, everyDays: 30, quietAfterDays: 21 });
    for (const bad of ['0', '366', '2.5', '-3', 'dużo', '']) assert.equal(followUpInput.safeParse({ firstCheckInDays: bad, everyDays: '30', quietAfterDays: '21' }).success, false, bad);
  });
});

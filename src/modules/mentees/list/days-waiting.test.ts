import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantDaysBefore } from '../../../core/i18n/time-zone.js';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import type { MenteeRow } from '../mentees.repository.js';
import { daysWaiting } from './list.service.js';

const row = (status: string, waitingSince: Date | null, createdAt = waitingSince ?? new Date('2026-01-01T12:00:00Z')) => ({ status, waitingSince, createdAt }) as MenteeRow;

describe('days waiting on the mentee list, with a fixed clock', () => {
  it('counts calendar days in the organisation\'s zone, as the matching pages do (not 24-hour periods)', () => {
    // Put on the list at 23:50 in Warsaw; looked at twenty minutes later, after Warsaw midnight but before UTC midnight.
    assert.equal(daysWaiting(row('waiting', new Date('2026-12-07T22:50:00Z')), clockAt(new Date('2026-12-07T23:10:00Z'))), 1);
    // Looked at an hour later across UTC midnight, still the same day in Warsaw.
    assert.equal(daysWaiting(row('waiting', new Date('2026-12-07T23:30:00Z')), clockAt(new Date('2026-12-08T00:30:00Z'))), 0);
    // A request counts from when it was sent.
    assert.equal(daysWaiting(row('requested', null, new Date('2026-07-15T21:30:00Z')), clockAt(new Date('2026-07-15T22:30:00Z'))), 1);
    // In London the same two instants are on one day.
    assert.equal(daysWaiting(row('waiting', new Date('2026-12-07T22:50:00Z')), clockAt(new Date('2026-12-07T23:10:00Z'), 'Europe/London')), 0);
    assert.equal(daysWaiting(row('closed', new Date('2026-12-01T12:00:00Z')), clockAt(new Date('2026-12-07T12:00:00Z'))), null);
  });

  it('120 days at every hour around both midnights and both clock changes', () => {
    for (const iso of ['2026-12-07T22:30:00Z', '2026-12-07T23:30:00Z', '2026-12-08T00:30:00Z', '2026-07-15T21:30:00Z', '2026-07-15T22:30:00Z', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      const now = new Date(iso);
      assert.equal(daysWaiting(row('waiting', instantDaysBefore(now, 120)), clockAt(now)), 120, iso);
    }
  });
});

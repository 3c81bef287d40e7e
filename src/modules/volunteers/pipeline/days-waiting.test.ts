import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import type { VolunteerRow } from '../volunteers.repository.js';
import { presentSummary } from './pipeline.service.js';

const volunteer = (stageChangedAt: Date, birthDate: string | null = null) =>
  ({ id: 'v', givenName: 'A', familyName: 'B', email: null, phone: null, stage: 'applied', version: 1, appliedAt: stageChangedAt, stageChangedAt, languages: [], district: null, activities: [], duplicateOf: null, birthDate, guardianConfirmedAt: null }) as unknown as VolunteerRow;

describe('days in a stage and the age on the volunteer list, with a fixed clock', () => {
  it('counts calendar days in the organisation\'s zone', () => {
    // Moved at 23:50 in Warsaw, seen at 00:10: one day (the UTC date and 24-hour periods both said 0).
    assert.equal(presentSummary(volunteer(new Date('2026-12-07T22:50:00Z')), clockAt(new Date('2026-12-07T23:10:00Z'))).daysWaiting, 1);
    // Across the October clock change, 25 hours inside one Warsaw day are 0 days.
    assert.equal(presentSummary(volunteer(new Date('2026-10-24T22:30:00Z')), clockAt(new Date('2026-10-25T22:30:00Z'))).daysWaiting, 0);
    // Across the March change, 23 hours from noon to noon are 1 day.
    assert.equal(presentSummary(volunteer(new Date('2026-03-28T11:00:00Z')), clockAt(new Date('2026-03-29T10:00:00Z'))).daysWaiting, 1);
  });

  it('turns 18 at midnight in the organisation\'s zone, not at midnight UTC', () => {
    const v = volunteer(new Date('2026-12-01T12:00:00Z'), '2008-12-08');
    assert.equal(presentSummary(v, clockAt(new Date('2026-12-07T22:30:00Z'))).awaitingGuardian, true, '23:30 on the 7th in Warsaw: still 17');
    assert.equal(presentSummary(v, clockAt(new Date('2026-12-07T23:30:00Z'))).awaitingGuardian, false, '00:30 on the 8th in Warsaw: 18, though still the 7th in UTC');
  });
});

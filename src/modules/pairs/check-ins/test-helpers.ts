import { withSystem } from '../../../core/db/tx.js';
import { type Locale } from '../../../core/i18n/index.js';
import { addDays, todayIn, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { checkIns, meetings } from '../pairs.table.js';
import type { World } from '../../../core/testing/world.js';
import { activeVolunteer, createMatch, matchedMentee } from '../../matching/testing.js';

/** Test-only helpers of pairs/check-ins: two organisations (Warsaw time) on a fresh app (core's world), pairs inserted directly. */
export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { fieldError, flashOn } from '../../../core/testing/html.js';
export { createAccount, createProgramme, signedIn, world, useWorld, type SmtpWorld, type World } from '../../../core/testing/world.js';

/** Today in the organisation's zone (Europe/Warsaw), shifted by `days`. */
export const day = (days = 0, now = new Date()) => addDays(todayIn('Europe/Warsaw', now), days);

let n = 0;
export interface PairSeed {
  organisationId?: string;
  coordinatorUserId?: string | null;
  /** Days before today (organisation's zone) when the match started, at noon. */
  startedDaysAgo?: number;
  status?: 'active' | 'paused' | 'closed';
  programmeId?: string | null;
  volunteer?: { givenName?: string; familyName?: string; email?: string | null; locale?: Locale };
  mentee?: { givenName?: string; familyName?: string };
  caseStaffUserId?: string;
}

/** A volunteer, a mentee and their match, inserted directly (matching made it). */
export async function createPair(w: World, s: PairSeed = {}) {
  n += 1;
  const organisationId = s.organisationId ?? w.org.id;
  const v = { givenName: 'Zofia', familyName: `Wiśniewska${n}`, email: `volunteer${n}@example.org` as string | null, locale: 'pl' as Locale, ...s.volunteer };
  const m = { givenName: 'Олена', familyName: `Коваленко${n}`, ...s.mentee };
  const vol = await activeVolunteer(w, { organisationId, givenName: v.givenName, familyName: v.familyName, email: v.email, locale: v.locale });
  const men = await matchedMentee(w, { organisationId, givenName: m.givenName, familyName: m.familyName, email: null, caseStaff: s.caseStaffUserId ? [s.caseStaffUserId] : [] });
  const startedAt = zonedToUtc(day(-(s.startedDaysAgo ?? 60)), '12:00', 'Europe/Warsaw')!;
  const match = await createMatch(w, men.id, vol.id, { organisationId, status: s.status ?? 'active', coordinatorUserId: s.coordinatorUserId ?? null, programmeId: s.programmeId ?? null, startedAt });
  return { id: match.id, volunteerId: vol.id, menteeId: men.id, volunteer: v, mentee: m };
}

export async function addMeeting(w: World, pair: { id: string; volunteerId: string }, meetingDate: string, organisationId = w.org.id) {
  await withSystem(w.db, (tx) => tx.insert(meetings).values({ organisationId, matchId: pair.id, volunteerId: pair.volunteerId, loggedByUserId: pair.volunteerId, meetingDate, minutes: 60, activity: 'conversation' }));
}

export async function addCheckIn(w: World, matchId: string, side: 'volunteer' | 'mentee', heldOn: string, recordedByUserId: string) {
  await withSystem(w.db, (tx) => tx.insert(checkIns).values({ organisationId: w.org.id, matchId, side, heldOn, rating: 4, howItGoes: 'Dobrze', recordedByUserId }));
}

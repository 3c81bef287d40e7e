import assert from 'node:assert/strict';
import { withSystem } from '../../../core/db/tx.js';
import { type Locale } from '../../../core/i18n/index.js';
import { addDays, todayIn, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { checkIns, meetings } from '../pairs.table.js';
import { apiUser, tokenFor, type World } from '../../../core/testing/world.js';
import type { Role } from '../../../core/tenancy/tenancy.table.js';
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

/** A coordinator with a bearer token for the JSON API, following a new pair (`seed` as for createPair). */
export async function followedPair(w: World, seed: PairSeed = {}) {
  const coordinator = await apiUser(w, ['coordinator']);
  const pair = await createPair(w, { coordinatorUserId: coordinator.user.userId, ...seed });
  return { ...coordinator, pair };
}

/**
 * The security answers of an API operation on a pair (`send` calls it for a match with a token): another
 * organisation's pair 404, a pair the caller (staff with `role`) does not follow 403, no token 401. Returns the pair
 * and the caller's token, for checks of what was (not) written.
 */
export async function assertFollowersOnly(w: World, send: (matchId: string, token: string | null) => Promise<{ statusCode: number }>, role: Role = 'coordinator') {
  const { pair } = await followedPair(w);
  const foreign = await createPair(w, { organisationId: w.other.id });
  const token = await tokenFor(w, [role]);
  assert.equal((await send(foreign.id, token)).statusCode, 404, 'another organisation’s pair');
  assert.equal((await send(pair.id, token)).statusCode, 403, 'a pair the caller does not follow');
  assert.equal((await send(pair.id, null)).statusCode, 401, 'no token');
  return { pair, foreign, token };
}

import { withSystem } from '../../../core/db/tx.js';
import { foldForSearch, type Locale } from '../../../core/i18n/index.js';
import { people, programmes } from '../../../core/tenancy/tenancy.table.js';
import { matches } from '../../matching/matching.table.js';
import { menteeCaseStaff, mentees } from '../../mentees/mentees.table.js';
import { volunteers } from '../../volunteers/volunteers.table.js';
import { addDays, todayIn, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { checkIns, meetings } from '../pairs.table.js';
import type { World } from '../../../core/testing/world.js';

/** Test-only helpers of pairs/check-ins: two organisations (Warsaw time) on a fresh app (core's world), pairs inserted directly. */
export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { fieldError, flashOn } from '../../../core/testing/html.js';
export { createAccount, signedIn, world, type SmtpWorld, type World } from '../../../core/testing/world.js';

/** Today in the organisation's zone (Europe/Warsaw), shifted by `days`. */
export const day = (days = 0, now = new Date()) => addDays(todayIn('Europe/Warsaw', now), days);

let n = 0;
async function person(w: World, organisationId: string, givenName: string, familyName: string, email: string | null, locale: string) {
  const [p] = await withSystem(w.db, (tx) => tx.insert(people).values({ organisationId, givenName, familyName, email, locale, searchText: foldForSearch(`${givenName} ${familyName}`) }).returning({ id: people.id }));
  return p!.id;
}

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
  const vPerson = await person(w, organisationId, v.givenName, v.familyName, v.email, v.locale);
  const mPerson = await person(w, organisationId, m.givenName, m.familyName, null, 'uk');
  return withSystem(w.db, async (tx) => {
    const [vol] = await tx.insert(volunteers).values({ organisationId, personId: vPerson, stage: 'active', locale: v.locale }).returning({ id: volunteers.id });
    const [men] = await tx.insert(mentees).values({ organisationId, personId: mPerson, status: 'matched', locale: 'uk', needs: ['language_practice'] }).returning({ id: mentees.id });
    if (s.caseStaffUserId) await tx.insert(menteeCaseStaff).values({ organisationId, menteeId: men!.id, userId: s.caseStaffUserId });
    const startedAt = zonedToUtc(day(-(s.startedDaysAgo ?? 60)), '12:00', 'Europe/Warsaw')!;
    const [match] = await tx
      .insert(matches)
      .values({ organisationId, volunteerId: vol!.id, menteeId: men!.id, status: s.status ?? 'active', coordinatorUserId: s.coordinatorUserId ?? null, programmeId: s.programmeId ?? null, startedAt })
      .returning({ id: matches.id });
    return { id: match!.id, volunteerId: vol!.id, menteeId: men!.id, volunteer: v, mentee: m };
  });
}

export async function addMeeting(w: World, pair: { id: string; volunteerId: string }, meetingDate: string, organisationId = w.org.id) {
  await withSystem(w.db, (tx) => tx.insert(meetings).values({ organisationId, matchId: pair.id, volunteerId: pair.volunteerId, loggedByUserId: pair.volunteerId, meetingDate, minutes: 60, activity: 'conversation' }));
}

export async function addCheckIn(w: World, matchId: string, side: 'volunteer' | 'mentee', heldOn: string, recordedByUserId: string) {
  await withSystem(w.db, (tx) => tx.insert(checkIns).values({ organisationId: w.org.id, matchId, side, heldOn, rating: 4, howItGoes: 'Dobrze', recordedByUserId }));
}

export async function createProgramme(w: World, name: string, followUp: Record<string, number> = {}, organisationId = w.org.id) {
  const [p] = await withSystem(w.db, (tx) => tx.insert(programmes).values({ organisationId, name, followUp }).returning());
  return p!;
}

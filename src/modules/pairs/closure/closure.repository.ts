import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { joinPairPeople, matches, menteePerson, volunteerPerson } from '../../matching/index.js';
import { menteeEvents, mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { checkIns } from '../pairs.table.js';

/** The SQL of ending a pair; every function takes the organisation (row-level security backs it up). */

/** A match with what ending it needs: both people's names, the volunteer's address and language, the mentee's status. */
export async function findMatchToClose(tx: Tx, organisationId: string, matchId: string, lock = false) {
  if (lock) await tx.select({ id: matches.id }).from(matches).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId))).for('update');
  const query = tx
    .select({
      id: matches.id,
      status: matches.status,
      version: matches.version,
      startedAt: matches.startedAt,
      menteeId: matches.menteeId,
      volunteerId: matches.volunteerId,
      volunteer: { givenName: volunteerPerson.givenName, familyName: volunteerPerson.familyName, email: volunteerPerson.email, locale: volunteers.locale },
      mentee: { givenName: menteePerson.givenName, familyName: menteePerson.familyName, status: mentees.status, waitingSince: mentees.waitingSince },
    })
    .from(matches)
    .$dynamic();
  const [row] = await joinPairPeople(query, matches).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId)));
  return row;
}
export type MatchToClose = NonNullable<Awaited<ReturnType<typeof findMatchToClose>>>;

/** Ends the match if it still has the version the user saw; undefined when someone changed it meanwhile. */
export async function closeMatchRow(tx: Tx, organisationId: string, matchId: string, version: number, v: { endReason: string; endedAt: Date }) {
  const [row] = await tx
    .update(matches)
    .set({ status: 'closed', endReason: v.endReason, endedAt: v.endedAt, version: sql`${matches.version} + 1` })
    .where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId), eq(matches.version, version), inArray(matches.status, ['active', 'paused'])))
    .returning({ id: matches.id });
  return row;
}

/** Locks the mentee row (two pairs of one person ending at once must see each other) and reads their status. */
export async function lockMentee(tx: Tx, organisationId: string, menteeId: string) {
  const [row] = await tx
    .select({ status: mentees.status, waitingSince: mentees.waitingSince })
    .from(mentees)
    .where(and(eq(mentees.organisationId, organisationId), eq(mentees.id, menteeId)))
    .for('update');
  return row!;
}

/** Whether the mentee still has a running (active or paused) match other than `exceptMatchId`. */
export async function hasOtherCurrentMatch(tx: Tx, organisationId: string, menteeId: string, exceptMatchId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: matches.id })
    .from(matches)
    .where(and(eq(matches.organisationId, organisationId), eq(matches.menteeId, menteeId), ne(matches.id, exceptMatchId), inArray(matches.status, ['active', 'paused'])))
    .limit(1);
  return Boolean(row);
}

/** A new status for the mentee; `waitingSince` only when given (it is kept otherwise). */
export async function setMenteeStatus(tx: Tx, organisationId: string, menteeId: string, v: { status: (typeof mentees.$inferSelect)['status']; statusReason: string | null; waitingSince?: Date; at: Date }) {
  await tx
    .update(mentees)
    .set({ status: v.status, statusReason: v.statusReason, ...(v.waitingSince ? { waitingSince: v.waitingSince } : {}), version: sql`${mentees.version} + 1`, updatedAt: v.at })
    .where(and(eq(mentees.organisationId, organisationId), eq(mentees.id, menteeId)));
}

export async function insertMenteeEvent(tx: Tx, organisationId: string, e: Omit<typeof menteeEvents.$inferInsert, 'organisationId'>) {
  await tx.insert(menteeEvents).values({ organisationId, ...e });
}

export async function insertClosingCheckIn(tx: Tx, organisationId: string, c: { matchId: string; side: 'volunteer' | 'mentee'; heldOn: string; rating: number | null; notes: string | null; recordedByUserId: string }) {
  const [row] = await tx
    .insert(checkIns)
    .values({ organisationId, matchId: c.matchId, side: c.side, kind: 'closing', heldOn: c.heldOn, rating: c.rating, notes: c.notes, recordedByUserId: c.recordedByUserId })
    .returning({ id: checkIns.id });
  return row!.id;
}

import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../../core/auth/auth.table.js';
import type { Tx } from '../../../core/db/tx.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';
import { joinPairPeople, matches, menteePerson, volunteerPerson } from '../../matching/index.js';
import { mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { checkIns } from '../pairs.table.js';

export type CheckInRow = typeof checkIns.$inferSelect;

/** A pair as the follow-up pages show it: both names, status, start and who follows it. */
export interface PairRow {
  id: string;
  status: (typeof matches.$inferSelect)['status'];
  startedAt: Date;
  coordinatorUserId: string | null;
  programmeId: string | null;
  volunteer: { id: string; givenName: string; familyName: string };
  mentee: { id: string; givenName: string; familyName: string };
}

const pairColumns = {
  id: matches.id,
  status: matches.status,
  startedAt: matches.startedAt,
  coordinatorUserId: matches.coordinatorUserId,
  programmeId: matches.programmeId,
  volunteerId: volunteers.id,
  vGiven: volunteerPerson.givenName,
  vFamily: volunteerPerson.familyName,
  menteeId: mentees.id,
  mGiven: menteePerson.givenName,
  mFamily: menteePerson.familyName,
};

type PairSelect = { id: string; status: PairRow['status']; startedAt: Date; coordinatorUserId: string | null; programmeId: string | null; volunteerId: string; vGiven: string; vFamily: string; menteeId: string; mGiven: string; mFamily: string };

const toPair = (r: PairSelect): PairRow => ({
  id: r.id,
  status: r.status,
  startedAt: r.startedAt,
  coordinatorUserId: r.coordinatorUserId,
  programmeId: r.programmeId,
  volunteer: { id: r.volunteerId, givenName: r.vGiven, familyName: r.vFamily },
  mentee: { id: r.menteeId, givenName: r.mGiven, familyName: r.mFamily },
});

export async function findPair(tx: Tx, organisationId: string, matchId: string): Promise<PairRow | undefined> {
  const [row] = await joinPairPeople(tx.select(pairColumns).from(matches).$dynamic(), matches).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId)));
  return row ? toPair(row) : undefined;
}

/** The pair's check-ins, newest first, with the name of whoever recorded each. */
export async function findCheckIns(tx: Tx, organisationId: string, matchId: string): Promise<(CheckInRow & { recordedBy: string | null })[]> {
  const rows = await tx
    .select({ c: checkIns, recordedBy: users.displayName })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.recordedByUserId))
    .where(and(eq(checkIns.organisationId, organisationId), eq(checkIns.matchId, matchId)))
    .orderBy(desc(checkIns.heldOn), desc(checkIns.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r.c, recordedBy: r.recordedBy }));
}

export async function insertCheckIn(tx: Tx, organisationId: string, values: Omit<typeof checkIns.$inferInsert, 'organisationId' | 'id' | 'createdAt'>): Promise<CheckInRow> {
  const [row] = await tx.insert(checkIns).values({ ...values, organisationId }).returning();
  return row!;
}

/** What the follow-up rules need of an active pair: its dates and its programme's settings. */
export interface FollowUpFacts extends PairRow {
  followUp: Record<string, unknown> | null;
  firstMeeting: string | null;
  lastMeeting: string | null;
  lastCheckIn: { volunteer: string | null; mentee: string | null };
}

/**
 * Every active pair of the organisation (or only `matchIds`) with its first and last meeting day and the last
 * check-in day with each side. Dates come back as text (YYYY-MM-DD): they are calendar days, never instants.
 */
export async function findFollowUpFacts(tx: Tx, organisationId: string, matchIds: readonly string[] | null): Promise<FollowUpFacts[]> {
  if (matchIds !== null && matchIds.length === 0) return [];
  const query = tx
    .select({
      ...pairColumns,
      followUp: programmes.followUp,
      firstMeeting: sql<string | null>`(select min(mt.meeting_date)::text from meetings mt where mt.match_id = ${matches.id})`,
      lastMeeting: sql<string | null>`(select max(mt.meeting_date)::text from meetings mt where mt.match_id = ${matches.id})`,
      lastVolunteer: sql<string | null>`(select max(c.held_on)::text from check_ins c where c.match_id = ${matches.id} and c.side = 'volunteer')`,
      lastMentee: sql<string | null>`(select max(c.held_on)::text from check_ins c where c.match_id = ${matches.id} and c.side = 'mentee')`,
    })
    .from(matches)
    .$dynamic();
  const rows = await joinPairPeople(query, matches)
    .leftJoin(programmes, eq(programmes.id, matches.programmeId))
    .where(and(eq(matches.organisationId, organisationId), eq(matches.status, 'active'), ...(matchIds ? [inArray(matches.id, [...matchIds])] : [])))
    .limit(20_000);
  return rows.map((r) => ({
    ...toPair(r),
    followUp: r.followUp,
    firstMeeting: r.firstMeeting,
    lastMeeting: r.lastMeeting,
    lastCheckIn: { volunteer: r.lastVolunteer, mentee: r.lastMentee },
  }));
}

export type ProgrammeFollowUpRow = { id: string; name: string; active: boolean; followUp: Record<string, number> };
const programmeColumns = { id: programmes.id, name: programmes.name, active: programmes.active, followUp: programmes.followUp };

export function findProgrammes(tx: Tx, organisationId: string): Promise<ProgrammeFollowUpRow[]> {
  return tx.select(programmeColumns).from(programmes).where(eq(programmes.organisationId, organisationId)).limit(2_000);
}

export async function findProgramme(tx: Tx, organisationId: string, id: string, lock = false): Promise<ProgrammeFollowUpRow | undefined> {
  const query = tx.select(programmeColumns).from(programmes).where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function saveFollowUp(tx: Tx, organisationId: string, id: string, followUp: Record<string, number>): Promise<void> {
  await tx.update(programmes).set({ followUp }).where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)));
}

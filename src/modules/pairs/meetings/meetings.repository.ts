import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../core/db/tx.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { joinPairPeople, matches, menteePerson, volunteerPerson } from '../../matching/index.js';
import { mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { concernActions, concerns, meetingComments, meetings } from '../pairs.table.js';

/** All SQL of the meeting log (the hour sums live in hours.ts); every function takes the organisation id. */

const pairColumns = {
  id: matches.id,
  status: matches.status,
  startedAt: matches.startedAt,
  programmeId: matches.programmeId,
  coordinatorUserId: matches.coordinatorUserId,
  menteeId: matches.menteeId,
  volunteerId: matches.volunteerId,
  menteeGivenName: menteePerson.givenName,
  menteeFamilyName: menteePerson.familyName,
  volunteerGivenName: volunteerPerson.givenName,
  volunteerFamilyName: volunteerPerson.familyName,
};
export type PairRow = {
  id: string;
  status: (typeof matches.$inferSelect)['status'];
  startedAt: Date;
  programmeId: string | null;
  coordinatorUserId: string | null;
  menteeId: string;
  volunteerId: string;
  menteeGivenName: string;
  menteeFamilyName: string;
  volunteerGivenName: string;
  volunteerFamilyName: string;
};

function pairQuery(tx: Tx) {
  return joinPairPeople(tx.select(pairColumns).from(matches).$dynamic(), matches);
}

export async function findPair(tx: Tx, organisationId: string, matchId: string): Promise<PairRow | undefined> {
  const [row] = await pairQuery(tx).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId)));
  return row;
}

/** The volunteer's active pairs, oldest first (the order the select on the log form shows them in). */
export async function activePairsOfVolunteer(tx: Tx, organisationId: string, volunteerId: string): Promise<PairRow[]> {
  return pairQuery(tx)
    .where(and(eq(matches.organisationId, organisationId), eq(matches.volunteerId, volunteerId), eq(matches.status, 'active')))
    .orderBy(asc(matches.startedAt));
}

/** Pairs by id (`null`: every pair of the organisation), active first, then paused, then closed. */
export async function pairsByIds(tx: Tx, organisationId: string, ids: readonly string[] | null): Promise<PairRow[]> {
  if (ids && ids.length === 0) return [];
  return pairQuery(tx)
    .where(and(eq(matches.organisationId, organisationId), ids ? inArray(matches.id, [...ids]) : undefined))
    .orderBy(sql`case ${matches.status} when 'active' then 0 when 'paused' then 1 else 2 end`, desc(matches.startedAt));
}

export type MeetingRow = typeof meetings.$inferSelect & { menteeGivenName: string };

const meetingColumns = { ...getTableColumns(meetings), menteeGivenName: menteePerson.givenName };

function meetingQuery(tx: Tx) {
  return tx
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(matches, eq(matches.id, meetings.matchId))
    .innerJoin(mentees, eq(mentees.id, matches.menteeId))
    .innerJoin(menteePerson, eq(menteePerson.id, mentees.personId));
}

/** Newest first (by the day of the meeting, then by when it was logged). */
export async function meetingsOf(tx: Tx, organisationId: string, by: { volunteerId: string } | { matchId: string }, limit = 200): Promise<MeetingRow[]> {
  return meetingQuery(tx)
    .where(and(eq(meetings.organisationId, organisationId), 'volunteerId' in by ? eq(meetings.volunteerId, by.volunteerId) : eq(meetings.matchId, by.matchId)))
    .orderBy(desc(meetings.meetingDate), desc(meetings.createdAt))
    .limit(limit);
}

export async function findMeeting(tx: Tx, organisationId: string, meetingId: string) {
  const [row] = await tx.select().from(meetings).where(and(eq(meetings.organisationId, organisationId), eq(meetings.id, meetingId)));
  return row;
}

export async function insertMeeting(tx: Tx, values: typeof meetings.$inferInsert) {
  const [row] = await tx.insert(meetings).values(values).returning();
  return row!;
}

export interface CommentRow {
  id: string;
  meetingId: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
}

/** The staff comments under some meetings, oldest first, with the author's name as the organisation knows them. */
export async function commentsOf(tx: Tx, organisationId: string, meetingIds: readonly string[]): Promise<CommentRow[]> {
  if (meetingIds.length === 0) return [];
  return tx
    .select({
      id: meetingComments.id,
      meetingId: meetingComments.meetingId,
      body: meetingComments.body,
      createdAt: meetingComments.createdAt,
      authorName: sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${meetingComments.organisationId} and p.user_id = ${meetingComments.authorUserId} limit 1)`,
    })
    .from(meetingComments)
    .where(and(eq(meetingComments.organisationId, organisationId), inArray(meetingComments.meetingId, [...meetingIds])))
    .orderBy(asc(meetingComments.createdAt));
}

export async function insertComment(tx: Tx, values: typeof meetingComments.$inferInsert) {
  const [row] = await tx.insert(meetingComments).values(values).returning({ id: meetingComments.id });
  return row!;
}

/** A concern raised from a meeting log, with its first action (the status it starts in), in the caller's transaction. */
export async function insertConcernFromMeeting(tx: Tx, values: typeof concerns.$inferInsert): Promise<string> {
  const [row] = await tx.insert(concerns).values(values).returning({ id: concerns.id });
  await tx.insert(concernActions).values({ organisationId: values.organisationId, concernId: row!.id, byUserId: values.raisedByUserId, kind: 'status', text: '', detail: { from: null, to: 'open' } });
  return row!.id;
}

/** A volunteer with their name and language, for the hours certificate. */
export async function findVolunteerPerson(tx: Tx, organisationId: string, volunteerId: string) {
  const [row] = await tx
    .select({ id: volunteers.id, personId: volunteers.personId, locale: volunteers.locale, givenName: people.givenName, familyName: people.familyName })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, volunteerId)));
  return row;
}


/**
 * The first day a volunteer met their pair or attended supervision (its date in `timeZone`), or null: where an
 * hours certificate without a start date begins.
 */
export async function firstActivityDate(tx: Tx, organisationId: string, volunteer: { id: string; personId: string }, timeZone: string): Promise<string | null> {
  const [row] = rowsOf<{ first: string | null }>(
    await tx.execute(sql`
      select least(
        (select min(meeting_date) from meetings where organisation_id = ${organisationId} and volunteer_id = ${volunteer.id}),
        (select min((s.starts_at at time zone ${timeZone})::date) from supervision_attendees a join supervision_sessions s on s.id = a.session_id
          where a.organisation_id = ${organisationId} and a.person_id = ${volunteer.personId} and a.attended)
      )::text as first`),
  );
  return row?.first ?? null;
}

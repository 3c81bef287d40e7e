import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { memberships, people } from '../../../core/tenancy/tenancy.table.js';
import { volunteers } from '../../volunteers/index.js';
import { supervisionAttendees, supervisionSessions } from '../pairs.table.js';
import type { Audience } from './supervision.schemas.js';

/** All SQL of group supervision; every query names the organisation (row-level security backs it up). */

export interface SessionValues {
  audience: Audience;
  startsAt: Date;
  minutes: number;
  place: string | null;
  onlineLink: string | null;
  facilitator: string;
  topics: string;
}

export async function insertSession(tx: Tx, organisationId: string, createdByUserId: string, v: SessionValues): Promise<string> {
  const [row] = await tx.insert(supervisionSessions).values({ organisationId, createdByUserId, ...v }).returning({ id: supervisionSessions.id });
  return row!.id;
}

export async function updateSession(tx: Tx, organisationId: string, id: string, set: Partial<SessionValues & { record: string | null }>): Promise<void> {
  await tx.update(supervisionSessions).set(set).where(and(eq(supervisionSessions.organisationId, organisationId), eq(supervisionSessions.id, id)));
}

export async function findSession(tx: Tx, organisationId: string, id: string, lock = false) {
  const query = tx.select().from(supervisionSessions).where(and(eq(supervisionSessions.organisationId, organisationId), eq(supervisionSessions.id, id)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

// The session's id written out: in a select list drizzle leaves a column of a one-table query unqualified ("id"),
// which inside this subquery would be the attendee row's own id, and the count always 0.
const attended = sql<number>`(select count(*)::int from supervision_attendees a where a.session_id = supervision_sessions.id and a.attended)`;

/** Upcoming sessions (from `now`, soonest first) or past ones (latest first), with how many attended. */
export async function listSessions(tx: Tx, organisationId: string, when: 'upcoming' | 'past', now: Date) {
  return tx
    .select({ id: supervisionSessions.id, audience: supervisionSessions.audience, startsAt: supervisionSessions.startsAt, minutes: supervisionSessions.minutes, place: supervisionSessions.place, onlineLink: supervisionSessions.onlineLink, facilitator: supervisionSessions.facilitator, hasRecord: sql<boolean>`${supervisionSessions.record} is not null`, attended })
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.organisationId, organisationId), when === 'upcoming' ? gte(supervisionSessions.startsAt, now) : lt(supervisionSessions.startsAt, now)))
    .orderBy(when === 'upcoming' ? asc(supervisionSessions.startsAt) : desc(supervisionSessions.startsAt))
    .limit(200);
}
export type SessionListRow = Awaited<ReturnType<typeof listSessions>>[number];

/**
 * Who may be ticked as present: the organisation's active volunteers for a volunteers' session, its staff
 * (coordinators, social workers, administrators) for a coordinators' one — plus whoever is already recorded, so a
 * volunteer who has since left is not dropped from a past session.
 */
export async function attendeeOptions(tx: Tx, organisationId: string, audience: string, sessionId?: string) {
  const eligible =
    audience === 'volunteers'
      ? sql`exists (select 1 from ${volunteers} v where v.person_id = ${people.id} and v.organisation_id = ${organisationId} and v.stage = 'active')`
      : sql`exists (select 1 from ${memberships} m where m.person_id = ${people.id} and m.organisation_id = ${organisationId} and m.role in ('coordinator', 'social_worker', 'administrator'))`;
  const recorded = sessionId ? sql`exists (select 1 from supervision_attendees a where a.person_id = ${people.id} and a.session_id = ${sessionId})` : sql`false`;
  return tx
    .select({ personId: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), sql`(${eligible} or ${recorded})`));
}

export async function findAttendees(tx: Tx, organisationId: string, sessionId: string): Promise<string[]> {
  const rows = await tx
    .select({ personId: supervisionAttendees.personId })
    .from(supervisionAttendees)
    .where(and(eq(supervisionAttendees.organisationId, organisationId), eq(supervisionAttendees.sessionId, sessionId), eq(supervisionAttendees.attended, true)));
  return rows.map((r) => r.personId);
}

/** Sets who attended: the ticked people are present, anyone recorded before and not ticked now is removed. */
export async function replaceAttendees(tx: Tx, organisationId: string, sessionId: string, personIds: string[]): Promise<void> {
  await tx
    .delete(supervisionAttendees)
    .where(and(eq(supervisionAttendees.organisationId, organisationId), eq(supervisionAttendees.sessionId, sessionId), personIds.length ? sql`not ${inArray(supervisionAttendees.personId, personIds)}` : undefined));
  if (personIds.length === 0) return;
  await tx
    .insert(supervisionAttendees)
    .values(personIds.map((personId) => ({ organisationId, sessionId, personId, attended: true })))
    .onConflictDoUpdate({ target: [supervisionAttendees.sessionId, supervisionAttendees.personId], set: { attended: true } });
}

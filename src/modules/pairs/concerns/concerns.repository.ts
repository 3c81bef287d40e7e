import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rowsOf, type Tx } from '../../../core/db/tx.js';
import { users } from '../../../core/auth/auth.table.js';
import { memberships, people } from '../../../core/tenancy/tenancy.table.js';
import { matches } from '../../matching/index.js';
import { menteeCaseStaff } from '../../mentees/index.js';
import { concernActions, concerns, covers } from '../pairs.table.js';
import type { ConcernStatus, ListQuery, Severity } from './concerns.schemas.js';

/** All SQL of concerns. Every query names the organisation; row-level security (concerns_case_staff) backs it up. */

const STAFF_ROLES = ['administrator', 'coordinator', 'social_worker'] as const;

/** "Given Family" of a staff member in this organisation, by the user id in `column`. */
const userName = (organisationId: string, column: AnyPgColumn) =>
  sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${organisationId} and p.user_id = ${column} limit 1)`;
const volunteerName = (part: 'full' | 'given', column: AnyPgColumn) =>
  sql<string | null>`(select ${part === 'full' ? sql`p.given_name || ' ' || p.family_name` : sql`p.given_name`} from volunteers v join people p on p.id = v.person_id where v.id = ${column})`;
const menteeName = (part: 'full' | 'given', column: AnyPgColumn) =>
  sql<string | null>`(select ${part === 'full' ? sql`p.given_name || ' ' || p.family_name` : sql`p.given_name`} from mentees m join people p on p.id = m.person_id where m.id = ${column})`;

/**
 * The concerns a staff member is on the case of — the same rule as the database policy, written out so that a
 * query never relies on row-level security alone: raised it, assigned to it, follows the pair today (coordinator,
 * cover or the mentee's case staff: `followed`), or on the mentee's case staff.
 */
export function visibleTo(userId: string, followed: string[]): SQL {
  return or(
    eq(concerns.raisedByUserId, userId),
    eq(concerns.assignedToUserId, userId),
    followed.length ? inArray(concerns.matchId, followed) : sql`false`,
    sql`exists (select 1 from mentee_case_staff s where s.mentee_id = ${concerns.menteeId} and s.user_id = ${userId})`,
  )!;
}

/** Active and paused pairs with both names, optionally only some ids or one volunteer's; oldest first. */
export async function findPairs(tx: Tx, organisationId: string, filter: { ids?: string[]; volunteerId?: string }) {
  if (filter.ids && filter.ids.length === 0) return [];
  return tx
    .select({
      id: matches.id,
      volunteerId: matches.volunteerId,
      menteeId: matches.menteeId,
      coordinatorUserId: matches.coordinatorUserId,
      volunteerName: volunteerName('full', matches.volunteerId),
      menteeName: menteeName('full', matches.menteeId),
      menteeGiven: menteeName('given', matches.menteeId),
    })
    .from(matches)
    .where(
      and(
        eq(matches.organisationId, organisationId),
        inArray(matches.status, ['active', 'paused']),
        filter.ids ? inArray(matches.id, filter.ids) : undefined,
        filter.volunteerId ? eq(matches.volunteerId, filter.volunteerId) : undefined,
      ),
    )
    .orderBy(asc(matches.startedAt), asc(matches.id));
}
export type PairOption = Awaited<ReturnType<typeof findPairs>>[number];

export async function insertConcern(tx: Tx, organisationId: string, values: { matchId: string; menteeId: string; volunteerId: string; raisedByUserId: string; raisedAs: string; severity: Severity; summary: string; description: string }) {
  const [row] = await tx.insert(concerns).values({ organisationId, ...values }).returning({ id: concerns.id });
  return row!.id;
}

/** Kinds of history entries; `escalated` carries {from, to, automatic?, hours?}, its text the staff member's reason. */
export type ActionKind = 'note' | 'action' | 'assigned' | 'status' | 'acknowledged' | 'escalated';

/** One history entry; `byUserId` null for what the system did (the automatic escalation). */
export async function insertAction(tx: Tx, organisationId: string, values: { concernId: string; byUserId: string | null; kind: ActionKind; text?: string; detail?: Record<string, unknown>; at?: Date }) {
  await tx.insert(concernActions).values({ organisationId, concernId: values.concernId, byUserId: values.byUserId, kind: values.kind, text: values.text ?? '', detail: values.detail ?? {}, ...(values.at ? { at: values.at } : {}) });
}

const listColumns = (organisationId: string) => ({
  id: concerns.id,
  matchId: concerns.matchId,
  severity: concerns.severity,
  status: concerns.status,
  summary: concerns.summary,
  createdAt: concerns.createdAt,
  volunteerName: volunteerName('full', concerns.volunteerId),
  menteeName: menteeName('full', concerns.menteeId),
  assigneeName: userName(organisationId, concerns.assignedToUserId),
});

/** Oldest open first: open, in progress, resolved, closed; within each, oldest first. */
const statusOrder = sql`case ${concerns.status} when 'open' then 0 when 'in_progress' then 1 when 'resolved' then 2 else 3 end`;

export async function listConcerns(tx: Tx, organisationId: string, userId: string, followed: string[], q: ListQuery) {
  return tx
    .select(listColumns(organisationId))
    .from(concerns)
    .where(and(eq(concerns.organisationId, organisationId), visibleTo(userId, followed), q.status ? eq(concerns.status, q.status) : undefined, q.severity ? eq(concerns.severity, q.severity) : undefined))
    .orderBy(statusOrder, asc(concerns.createdAt), asc(concerns.id))
    .limit(500);
}
export type ConcernListRow = Awaited<ReturnType<typeof listConcerns>>[number];

/** One concern the user is on the case of, with names; `lock` for a change. */
export async function findConcern(tx: Tx, organisationId: string, userId: string, followed: string[], id: string, lock = false) {
  const query = tx
    .select({
      ...listColumns(organisationId),
      menteeId: concerns.menteeId,
      volunteerId: concerns.volunteerId,
      description: concerns.description,
      raisedByUserId: concerns.raisedByUserId,
      raisedAs: concerns.raisedAs,
      assignedToUserId: concerns.assignedToUserId,
      resolution: concerns.resolution,
      version: concerns.version,
      resolvedAt: concerns.resolvedAt,
      closedAt: concerns.closedAt,
      raisedByName: userName(organisationId, concerns.raisedByUserId),
      acknowledgedAt: concerns.acknowledgedAt,
      acknowledgedByName: userName(organisationId, concerns.acknowledgedByUserId),
      escalatedAt: concerns.escalatedAt,
      severitySince: concerns.severitySince,
    })
    .from(concerns)
    .where(and(eq(concerns.organisationId, organisationId), eq(concerns.id, id), visibleTo(userId, followed)));
  const [row] = await (lock ? query.for('update', { of: concerns }) : query);
  return row;
}
export type ConcernRow = NonNullable<Awaited<ReturnType<typeof findConcern>>>;

/** Whether the user is on the case other than by being the assignee (so reassigning it away keeps their access). */
export async function onCaseBesidesAssignment(tx: Tx, organisationId: string, userId: string, followed: string[], id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: concerns.id })
    .from(concerns)
    .where(
      and(
        eq(concerns.organisationId, organisationId),
        eq(concerns.id, id),
        or(
          eq(concerns.raisedByUserId, userId),
          followed.length ? inArray(concerns.matchId, followed) : sql`false`,
          sql`exists (select 1 from mentee_case_staff s where s.mentee_id = ${concerns.menteeId} and s.user_id = ${userId})`,
        ),
      ),
    );
  return Boolean(row);
}

export async function findActions(tx: Tx, organisationId: string, concernId: string) {
  return tx
    .select({
      id: concernActions.id,
      at: concernActions.at,
      kind: concernActions.kind,
      text: concernActions.text,
      detail: concernActions.detail,
      byName: userName(organisationId, concernActions.byUserId),
      // The staff member an `assigned` action names.
      subjectName: sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${organisationId} and p.user_id = nullif(${concernActions.detail}->>'userId', '')::uuid limit 1)`,
    })
    .from(concernActions)
    .where(and(eq(concernActions.organisationId, organisationId), eq(concernActions.concernId, concernId)))
    .orderBy(asc(concernActions.at), asc(concernActions.id));
}
export type ActionRow = Awaited<ReturnType<typeof findActions>>[number];

/** The organisation's staff with an account (who a concern may be assigned to), by name. */
export async function findStaff(tx: Tx, organisationId: string) {
  return tx
    .selectDistinct({ userId: people.userId, givenName: people.givenName, familyName: people.familyName })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, [...STAFF_ROLES]), eq(users.disabled, false)));
}

/** Changes the concern if it still has the version the user saw; undefined when someone else changed it first. */
export async function updateConcern(
  tx: Tx,
  organisationId: string,
  id: string,
  version: number,
  set: Partial<{ status: ConcernStatus; assignedToUserId: string; resolution: string | null; resolvedAt: Date | null; closedAt: Date | null; severity: Severity; severitySince: Date }>,
) {
  const [row] = await tx
    .update(concerns)
    .set({ ...set, version: sql`${concerns.version} + 1` })
    .where(and(eq(concerns.organisationId, organisationId), eq(concerns.id, id), eq(concerns.version, version)))
    .returning({ id: concerns.id });
  return row;
}

/** The concerns a volunteer raised, newest first: what they may know about them is the status. */
export async function findRaisedBy(tx: Tx, organisationId: string, userId: string) {
  return tx
    .select({ id: concerns.id, summary: concerns.summary, severity: concerns.severity, status: concerns.status, createdAt: concerns.createdAt, menteeGiven: menteeName('given', concerns.menteeId) })
    .from(concerns)
    .where(and(eq(concerns.organisationId, organisationId), eq(concerns.raisedByUserId, userId)))
    .orderBy(sql`${concerns.createdAt} desc`, asc(concerns.id))
    .limit(200);
}

// --- Notification --------------------------------------------------------------------------------

/** The organisation and raiser of a concern, read by the job (which carries only the id). */
export async function concernOwner(tx: Tx, concernId: string) {
  const [row] = await tx.select({ organisationId: concerns.organisationId, raisedByUserId: concerns.raisedByUserId }).from(concerns).where(eq(concerns.id, concernId));
  return row;
}

/** What the notification needs, under a lock so two runs cannot both send. */
export async function lockForNotice(tx: Tx, organisationId: string, concernId: string) {
  const [row] = await tx
    .select({ id: concerns.id, severity: concerns.severity, matchId: concerns.matchId, menteeId: concerns.menteeId, raisedByUserId: concerns.raisedByUserId, volunteerGiven: volunteerName('given', concerns.volunteerId), menteeGiven: menteeName('given', concerns.menteeId) })
    .from(concerns)
    .where(and(eq(concerns.organisationId, organisationId), eq(concerns.id, concernId)))
    .for('update', { of: concerns });
  return row;
}

/** Whether the notification of a concern went out (its audit entry is the record). */
export async function noticeSent(tx: Tx, organisationId: string, concernId: string): Promise<boolean> {
  return rowsOf(await tx.execute(sql`select 1 from audit_log where organisation_id = ${organisationId} and action = 'concern.notify' and entity_id = ${concernId} limit 1`)).length > 0;
}

/** The pair's coordinator — or, while they are away, their cover instead (the low and medium notice). */
export async function pairLeads(tx: Tx, organisationId: string, matchId: string, today: string): Promise<string[]> {
  const [m] = await tx.select({ coordinator: matches.coordinatorUserId }).from(matches).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId)));
  if (!m?.coordinator) return [];
  const away = await tx
    .select({ cover: covers.coverUserId })
    .from(covers)
    .where(and(eq(covers.organisationId, organisationId), eq(covers.absentUserId, m.coordinator), sql`${today}::date between ${covers.startsOn} and ${covers.endsOn}`));
  return away.length ? [...new Set(away.map((a) => a.cover))] : [m.coordinator];
}

export async function caseStaffOf(tx: Tx, organisationId: string, menteeId: string): Promise<string[]> {
  const rows = await tx.select({ userId: menteeCaseStaff.userId }).from(menteeCaseStaff).where(and(eq(menteeCaseStaff.organisationId, organisationId), eq(menteeCaseStaff.menteeId, menteeId)));
  return rows.map((r) => r.userId);
}

export async function administrators(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ userId: users.id })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'administrator'), eq(users.disabled, false)));
  return rows.map((r) => r.userId);
}

/** E-mail addresses and languages of active accounts among `userIds`. */
export async function mailboxes(tx: Tx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx.select({ userId: users.id, email: users.email, locale: users.locale }).from(users).where(and(inArray(users.id, userIds), eq(users.disabled, false)));
}


// --- Acknowledgement and escalation --------------------------------------------------------------

/** Records "I have seen this / taking it" unless someone already did; undefined when it was acknowledged before. */
export async function acknowledge(tx: Tx, organisationId: string, id: string, userId: string, at: Date) {
  const [row] = await tx
    .update(concerns)
    .set({ acknowledgedAt: at, acknowledgedByUserId: userId })
    .where(and(eq(concerns.organisationId, organisationId), eq(concerns.id, id), isNull(concerns.acknowledgedAt)))
    .returning({ id: concerns.id });
  return row;
}

/**
 * The condition under which a concern escalates by itself at `now`: high or safeguarding, still open or in progress,
 * nobody acknowledged it, not escalated automatically before, and its severity older than the limit (`hours`).
 */
function overdue(now: Date, hours: Record<'high' | 'safeguarding', number>): SQL {
  const before = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  return and(
    isNull(concerns.escalatedAt),
    isNull(concerns.acknowledgedAt),
    inArray(concerns.status, ['open', 'in_progress']),
    or(
      and(eq(concerns.severity, 'high'), sql`${concerns.severitySince} <= ${before(hours.high)}::timestamptz`),
      and(eq(concerns.severity, 'safeguarding'), sql`${concerns.severitySince} <= ${before(hours.safeguarding)}::timestamptz`),
    ),
  )!;
}

/** Concerns due to escalate by themselves, across organisations (the job's one system read: ids, organisation, raiser). */
export async function findOverdue(tx: Tx, now: Date, hours: Record<'high' | 'safeguarding', number>) {
  return tx
    .select({ id: concerns.id, organisationId: concerns.organisationId, raisedByUserId: concerns.raisedByUserId })
    .from(concerns)
    .where(overdue(now, hours))
    .orderBy(asc(concerns.severitySince))
    .limit(500);
}

/**
 * Marks one concern escalated if it is still overdue: a conditional update, so of two instances running the job at
 * once only one gets the row back (the other waits for the row lock, re-checks `escalated_at is null` and gets none).
 */
export async function claimEscalation(tx: Tx, organisationId: string, id: string, now: Date, hours: Record<'high' | 'safeguarding', number>) {
  const [row] = await tx
    .update(concerns)
    .set({ escalatedAt: now })
    .where(and(eq(concerns.organisationId, organisationId), eq(concerns.id, id), overdue(now, hours)))
    .returning({ severity: concerns.severity });
  return row;
}

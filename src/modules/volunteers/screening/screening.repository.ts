import { and, asc, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { users } from '../../../core/auth/auth.table.js';
import type { Tx } from '../../../core/db/tx.js';
import { memberships, people } from '../../../core/tenancy/tenancy.table.js';
import { insuranceRecords, interviews, safeguardingChecks, volunteerEvents, volunteerSettings } from '../volunteers.table.js';
import type { SafeguardingKind } from './requirements.js';

/** All SQL of interviews, safeguarding checks and insurance; every function takes the organisation id. */

export type InterviewRow = typeof interviews.$inferSelect;
export type CheckRow = typeof safeguardingChecks.$inferSelect;
export type InsuranceRow = typeof insuranceRecords.$inferSelect;

/** The organisation's renewal period and reminder lead time (60 months and 30 days without a settings row). */
export async function getScreeningSettings(tx: Tx, organisationId: string): Promise<{ renewalMonths: number; reminderDays: number }> {
  const [row] = await tx.select().from(volunteerSettings).where(eq(volunteerSettings.organisationId, organisationId));
  return { renewalMonths: row?.safeguardingRenewalMonths ?? 60, reminderDays: row?.reminderDays ?? 30 };
}

// --- Interviews --------------------------------------------------------------------------------

export async function listInterviews(tx: Tx, organisationId: string, volunteerId: string): Promise<InterviewRow[]> {
  return tx
    .select()
    .from(interviews)
    .where(and(eq(interviews.organisationId, organisationId), eq(interviews.volunteerId, volunteerId)))
    .orderBy(asc(interviews.startsAt));
}

/** One interview; with `lock`, the row stays locked until the transaction ends (two coordinators, one wins). */
export async function findInterview(tx: Tx, organisationId: string, id: string, lock = false): Promise<InterviewRow | undefined> {
  const q = tx.select().from(interviews).where(and(eq(interviews.organisationId, organisationId), eq(interviews.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function insertInterview(
  tx: Tx,
  organisationId: string,
  v: { volunteerId: string; startsAt: Date; minutes: number; place: string; status: 'offered' | 'scheduled'; interviewerUserId: string; icsUid: string },
): Promise<InterviewRow> {
  const [row] = await tx.insert(interviews).values({ organisationId, ...v }).returning();
  return row!;
}

/** Changes an interview only if it still has one of `fromStatuses`; undefined means someone else changed it first. */
export async function updateInterview(
  tx: Tx,
  organisationId: string,
  id: string,
  fromStatuses: readonly string[],
  set: Partial<Pick<InterviewRow, 'status' | 'startsAt' | 'minutes' | 'place' | 'notes' | 'recommendation' | 'interviewerUserId'>>,
): Promise<InterviewRow | undefined> {
  const [row] = await tx
    .update(interviews)
    .set(set)
    .where(and(eq(interviews.organisationId, organisationId), eq(interviews.id, id), inArray(interviews.status, [...fromStatuses])))
    .returning();
  return row;
}

/** Cancels the volunteer's other offered slots once one is chosen; returns them. */
export async function cancelOtherOffers(tx: Tx, organisationId: string, volunteerId: string, keepId: string): Promise<InterviewRow[]> {
  return tx
    .update(interviews)
    .set({ status: 'cancelled' })
    .where(and(eq(interviews.organisationId, organisationId), eq(interviews.volunteerId, volunteerId), eq(interviews.status, 'offered'), ne(interviews.id, keepId)))
    .returning();
}

/**
 * The iCalendar SEQUENCE last sent for an interview. There is no column for it: every invitation,
 * update and cancellation is a timeline event carrying `{ interviewId, sequence }`.
 */
export async function lastSequence(tx: Tx, organisationId: string, interviewId: string): Promise<number | null> {
  const [row] = await tx
    .select({ n: sql<number | null>`max((${volunteerEvents.detail}->>'sequence')::int)` })
    .from(volunteerEvents)
    .where(and(eq(volunteerEvents.organisationId, organisationId), sql`${volunteerEvents.detail}->>'interviewId' = ${interviewId}`));
  return row?.n === null || row?.n === undefined ? null : Number(row.n);
}

// --- Safeguarding ------------------------------------------------------------------------------

export async function listChecks(tx: Tx, organisationId: string, volunteerId: string): Promise<CheckRow[]> {
  return tx
    .select()
    .from(safeguardingChecks)
    .where(and(eq(safeguardingChecks.organisationId, organisationId), eq(safeguardingChecks.volunteerId, volunteerId)))
    .orderBy(desc(safeguardingChecks.seenOn), desc(safeguardingChecks.createdAt));
}

export async function insertCheck(tx: Tx, organisationId: string, v: { volunteerId: string; kind: SafeguardingKind; seenOn: string; renewBy: string; seenByUserId: string }): Promise<CheckRow> {
  const [row] = await tx.insert(safeguardingChecks).values({ organisationId, ...v }).returning();
  return row!;
}

export async function findCheck(tx: Tx, organisationId: string, id: string, lock = false): Promise<CheckRow | undefined> {
  const q = tx.select().from(safeguardingChecks).where(and(eq(safeguardingChecks.organisationId, organisationId), eq(safeguardingChecks.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

/** The organisation that owns a check: the reminder job knows only the check's id (read as the system). */
export async function organisationOfCheck(tx: Tx, checkId: string): Promise<string | undefined> {
  const [row] = await tx.select({ organisationId: safeguardingChecks.organisationId }).from(safeguardingChecks).where(eq(safeguardingChecks.id, checkId));
  return row?.organisationId;
}

/** A later check of the same kind replaced this one (renewed): its reminder is no longer needed. */
export async function renewedSince(tx: Tx, organisationId: string, check: CheckRow): Promise<boolean> {
  const [row] = await tx
    .select({ id: safeguardingChecks.id })
    .from(safeguardingChecks)
    .where(
      and(
        eq(safeguardingChecks.organisationId, organisationId),
        eq(safeguardingChecks.volunteerId, check.volunteerId),
        eq(safeguardingChecks.kind, check.kind),
        gt(safeguardingChecks.renewBy, check.renewBy),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Whether the reminder of a check was already sent (a timeline event marks it, in the same transaction as the mails). */
export async function reminderSent(tx: Tx, organisationId: string, checkId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: volunteerEvents.id })
    .from(volunteerEvents)
    .where(and(eq(volunteerEvents.organisationId, organisationId), eq(volunteerEvents.kind, 'safeguarding'), sql`${volunteerEvents.detail}->>'checkId' = ${checkId}`, sql`${volunteerEvents.detail}->>'action' = 'reminder_sent'`))
    .limit(1);
  return Boolean(row);
}

/** The coordinators of an organisation with an account: e-mail and the account's language. */
export async function coordinators(tx: Tx, organisationId: string): Promise<{ email: string; locale: string | null }[]> {
  return tx
    .selectDistinct({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'coordinator'), eq(users.disabled, false)));
}

// --- Insurance ---------------------------------------------------------------------------------

export async function listInsurance(tx: Tx, organisationId: string, volunteerId: string): Promise<InsuranceRow[]> {
  return tx
    .select()
    .from(insuranceRecords)
    .where(and(eq(insuranceRecords.organisationId, organisationId), eq(insuranceRecords.volunteerId, volunteerId)))
    .orderBy(desc(insuranceRecords.validFrom));
}

export async function insertInsurance(tx: Tx, organisationId: string, v: { volunteerId: string; insurer: string; policyNumber: string; validFrom: string; validTo: string }): Promise<InsuranceRow> {
  const [row] = await tx.insert(insuranceRecords).values({ organisationId, ...v }).returning();
  return row!;
}

/** Display names of staff accounts (who saw a check, who interviews), visible to the organisation. */
export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

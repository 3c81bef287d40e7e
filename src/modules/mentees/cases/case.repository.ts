import { and, asc, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { menteeCaseStaff, menteeConsents, menteeEvents, menteeNotes } from '../mentees.table.js';

/**
 * The SQL of the case page: staff, notes, timeline and consents of one mentee; always by organisation. Its current
 * matches come from matching through the `currentMatchesOfMentee` slot (current-matches.ts).
 */

/** A staff member's name in this organisation, by the user id in `column`. */
const nameOfUser = (organisationId: string, column: ReturnType<typeof sql.raw>) =>
  sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${organisationId} and p.user_id = ${column} limit 1)`;

export async function findCaseStaff(tx: Tx, organisationId: string, menteeId: string) {
  const rows = await tx
    .select({ userId: menteeCaseStaff.userId, addedAt: menteeCaseStaff.addedAt, name: nameOfUser(organisationId, sql.raw('"mentee_case_staff"."user_id"')) })
    .from(menteeCaseStaff)
    .where(and(eq(menteeCaseStaff.organisationId, organisationId), eq(menteeCaseStaff.menteeId, menteeId)))
    .orderBy(asc(menteeCaseStaff.addedAt), asc(menteeCaseStaff.id));
  return rows;
}
export type CaseStaffRow = Awaited<ReturnType<typeof findCaseStaff>>[number];

export async function isCaseStaff(tx: Tx, organisationId: string, menteeId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: menteeCaseStaff.id })
    .from(menteeCaseStaff)
    .where(and(eq(menteeCaseStaff.organisationId, organisationId), eq(menteeCaseStaff.menteeId, menteeId), eq(menteeCaseStaff.userId, userId)));
  return Boolean(row);
}

export async function removeCaseStaff(tx: Tx, organisationId: string, menteeId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(menteeCaseStaff)
    .where(and(eq(menteeCaseStaff.organisationId, organisationId), eq(menteeCaseStaff.menteeId, menteeId), eq(menteeCaseStaff.userId, userId)))
    .returning({ id: menteeCaseStaff.id });
  return rows.length === 1;
}

/**
 * The case notes, newest first. Row-level security returns them only when the transaction's user is on the case's
 * staff; callers check that too, so the page can say why there are none.
 */
export async function findNotes(tx: Tx, organisationId: string, menteeId: string) {
  return tx
    .select({ ...getTableColumns(menteeNotes), authorName: nameOfUser(organisationId, sql.raw('"mentee_notes"."author_user_id"')) })
    .from(menteeNotes)
    .where(and(eq(menteeNotes.organisationId, organisationId), eq(menteeNotes.menteeId, menteeId)))
    .orderBy(desc(menteeNotes.createdAt), desc(menteeNotes.id))
    .limit(500);
}
export type NoteRow = Awaited<ReturnType<typeof findNotes>>[number];

export async function insertNote(tx: Tx, organisationId: string, menteeId: string, authorUserId: string, body: string): Promise<string> {
  const [row] = await tx.insert(menteeNotes).values({ organisationId, menteeId, authorUserId, body }).returning({ id: menteeNotes.id });
  return row!.id;
}

/** The case's timeline, newest first, with the name of the staff member who acted. */
export async function findEvents(tx: Tx, organisationId: string, menteeId: string) {
  return tx
    .select({
      ...getTableColumns(menteeEvents),
      actorName: nameOfUser(organisationId, sql.raw('"mentee_events"."actor_user_id"')),
      // The staff member a `staff` event is about.
      subjectName: nameOfUser(organisationId, sql.raw(`nullif("mentee_events"."detail"->>'userId', '')::uuid`)),
    })
    .from(menteeEvents)
    .where(and(eq(menteeEvents.organisationId, organisationId), eq(menteeEvents.menteeId, menteeId)))
    .orderBy(desc(menteeEvents.at), desc(menteeEvents.id))
    .limit(500);
}
export type EventRow = Awaited<ReturnType<typeof findEvents>>[number];

/** The `created` event: it carries what the request form said beyond the profile (a carer filling it in, a stated age). */
export async function findCreatedEvent(tx: Tx, organisationId: string, menteeId: string) {
  const [row] = await tx
    .select()
    .from(menteeEvents)
    .where(and(eq(menteeEvents.organisationId, organisationId), eq(menteeEvents.menteeId, menteeId), eq(menteeEvents.kind, 'created')))
    .orderBy(asc(menteeEvents.at))
    .limit(1);
  return row;
}

/** A consent of this mentee not yet withdrawn, locked for the withdrawal. */
export async function lockOpenConsent(tx: Tx, organisationId: string, menteeId: string, consentId: string) {
  const [row] = await tx
    .select()
    .from(menteeConsents)
    .where(and(eq(menteeConsents.organisationId, organisationId), eq(menteeConsents.menteeId, menteeId), eq(menteeConsents.id, consentId), isNull(menteeConsents.withdrawnAt)))
    .for('update');
  return row;
}

export async function markConsentWithdrawn(tx: Tx, organisationId: string, consentId: string, at: Date): Promise<void> {
  await tx
    .update(menteeConsents)
    .set({ withdrawnAt: at })
    .where(and(eq(menteeConsents.organisationId, organisationId), eq(menteeConsents.id, consentId)));
}

import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { memberships, people } from '../../core/tenancy/tenancy.table.js';
import { menteeCaseStaff, menteeConsents, menteeEvents, mentees } from './mentees.table.js';
import { personSearchConditions, possibleDuplicateOf } from '../../core/tenancy/people-search.js';
import { insertPersonRecord, updatePersonRecord } from '../../core/tenancy/person-record.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { Purpose, Status, SupportBasis } from './mentees.schemas.js';

/** The SQL of mentee records shared by the parts of the module; every function takes the organisation id (RLS backs it up). */

/** A mentee with their person record (its `locale` as `personLocale`) and the social worker's name. */
export type MenteeRow = typeof mentees.$inferSelect &
  Omit<PersonValues, 'locale'> & {
    personLocale: string;
    socialWorkerName: string | null;
  };

/** The responsible social worker's name, as their person record in this organisation has it. */
const socialWorkerName = sql<string | null>`(select sw.given_name || ' ' || sw.family_name from people sw where sw.organisation_id = "mentees"."organisation_id" and sw.user_id = "mentees"."social_worker_user_id" limit 1)`;

const withPerson = {
  ...getTableColumns(mentees),
  givenName: people.givenName,
  familyName: people.familyName,
  email: people.email,
  phone: people.phone,
  birthDate: people.birthDate,
  gender: people.gender,
  personLocale: people.locale,
  socialWorkerName,
};

function menteeQuery(tx: Tx) {
  return tx.select(withPerson).from(mentees).innerJoin(people, eq(people.id, mentees.personId));
}

export async function findMenteeById(tx: Tx, organisationId: string, id: string): Promise<MenteeRow | undefined> {
  const [row] = await menteeQuery(tx).where(and(eq(mentees.organisationId, organisationId), eq(mentees.id, id)));
  return row;
}

/** Reads a mentee and locks the row until the transaction ends, so a concurrent change waits and then sees the new version. */
export async function lockMentee(tx: Tx, organisationId: string, id: string): Promise<MenteeRow | undefined> {
  const [row] = await menteeQuery(tx)
    .where(and(eq(mentees.organisationId, organisationId), eq(mentees.id, id)))
    .for('update', { of: mentees });
  return row;
}

export interface MenteeFilter {
  statuses?: readonly string[];
  q?: string;
  programmeId?: string;
  need?: string;
}

/** Mentees matching the filters (district is matched by the service, folded), at most 20 000; sorted by the service. */
export async function findMentees(tx: Tx, organisationId: string, f: MenteeFilter): Promise<MenteeRow[]> {
  const conditions: SQL[] = [eq(mentees.organisationId, organisationId)];
  if (f.statuses) conditions.push(sql`${mentees.status} in (${sql.join(f.statuses.map((s) => sql`${s}`), sql`, `)})`);
  conditions.push(...personSearchConditions([people.searchText], f.q));
  if (f.programmeId) conditions.push(eq(mentees.programmeId, f.programmeId));
  if (f.need) conditions.push(sql`${f.need} = any(${mentees.needs})`);
  return menteeQuery(tx)
    .where(and(...conditions))
    .limit(20_000);
}

/** Number of mentees per status, for the tabs. */
export async function countByStatus(tx: Tx, organisationId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ status: mentees.status, n: sql<number>`count(*)::int` })
    .from(mentees)
    .where(eq(mentees.organisationId, organisationId))
    .groupBy(mentees.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export interface PersonValues {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  gender: string | null;
  locale: Locale;
}

/** The person record and their `mentee` role in the organisation. */
export async function insertPerson(tx: Tx, organisationId: string, p: PersonValues): Promise<string> {
  const personId = await insertPersonRecord(tx, organisationId, p);
  await tx.insert(memberships).values({ organisationId, personId, role: 'mentee' }).onConflictDoNothing();
  return personId;
}

export async function updatePerson(tx: Tx, organisationId: string, personId: string, p: PersonValues, at: Date): Promise<void> {
  await updatePersonRecord(tx, organisationId, personId, p, at);
}

/**
 * The first earlier mentee of the organisation a new request or intake may duplicate (`possibleDuplicateOf`): call it
 * before inserting the new person, so they do not find themselves.
 */
export async function findFirstPossibleDuplicate(tx: Tx, organisationId: string, p: PersonValues): Promise<string | undefined> {
  const condition = possibleDuplicateOf(p);
  if (!condition) return undefined;
  const [row] = await tx
    .select({ id: mentees.id })
    .from(mentees)
    .innerJoin(people, eq(people.id, mentees.personId))
    .where(and(eq(mentees.organisationId, organisationId), condition))
    .orderBy(asc(mentees.createdAt), asc(mentees.id))
    .limit(1);
  return row?.id;
}

export type MenteeValues = Omit<typeof mentees.$inferInsert, 'id' | 'organisationId' | 'version' | 'updatedAt'>;

export async function insertMentee(tx: Tx, organisationId: string, values: MenteeValues): Promise<string> {
  const [row] = await tx
    .insert(mentees)
    .values({ organisationId, ...values })
    .returning({ id: mentees.id });
  return row!.id;
}

/**
 * Changes a locked mentee if it still has `version`, raising the version; returns the new version, or undefined
 * when it changed meanwhile (the lock makes that impossible, but the condition keeps the write honest).
 */
export async function updateMentee(tx: Tx, organisationId: string, id: string, version: number, set: Partial<MenteeValues>, at: Date): Promise<number | undefined> {
  const [row] = await tx
    .update(mentees)
    .set({ ...set, version: sql`${mentees.version} + 1`, updatedAt: at })
    .where(and(eq(mentees.organisationId, organisationId), eq(mentees.id, id), eq(mentees.version, version)))
    .returning({ version: mentees.version });
  return row?.version;
}

export async function insertConsents(tx: Tx, organisationId: string, menteeId: string, rows: { purpose: Purpose; lawfulBasis: SupportBasis; text: string; givenAt?: Date }[]): Promise<void> {
  if (rows.length) await tx.insert(menteeConsents).values(rows.map((r) => ({ organisationId, menteeId, ...r })));
}

export async function findConsents(tx: Tx, organisationId: string, menteeId: string) {
  return tx
    .select()
    .from(menteeConsents)
    .where(and(eq(menteeConsents.organisationId, organisationId), eq(menteeConsents.menteeId, menteeId)))
    .orderBy(asc(menteeConsents.givenAt), asc(menteeConsents.id));
}
export type ConsentRow = Awaited<ReturnType<typeof findConsents>>[number];

/** Puts users on the case's staff (those already on it stay as they are). */
export async function addCaseStaff(tx: Tx, organisationId: string, menteeId: string, userIds: string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length) await tx.insert(menteeCaseStaff).values(unique.map((userId) => ({ organisationId, menteeId, userId }))).onConflictDoNothing();
}

/** Appends to the case's timeline. */
export async function addEvent(
  tx: Tx,
  organisationId: string,
  e: { menteeId: string; actorUserId: string | null; kind: string; fromStatus?: Status | null; toStatus?: Status | null; detail?: Record<string, unknown>; at?: Date },
): Promise<void> {
  // A field left out takes the column's default (no status, an empty detail, now).
  await tx.insert(menteeEvents).values({ organisationId, ...e });
}

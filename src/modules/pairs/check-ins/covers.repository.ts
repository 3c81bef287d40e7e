import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../../core/auth/auth.table.js';
import type { Tx } from '../../../core/db/tx.js';
import { memberships, people } from '../../../core/tenancy/tenancy.table.js';
import { covers } from '../pairs.table.js';

/** Roles whose members can follow pairs, be away and cover for a colleague. */
export const FOLLOWING_ROLES = ['administrator', 'coordinator', 'social_worker'] as const;

export type CoverRow = typeof covers.$inferSelect & { absentName: string | null; coverName: string | null };

const absent = alias(users, 'absent_user');
const cover = alias(users, 'cover_user');

/** Covers running or to come (soonest first), or those already over (latest first, at most 50). */
export async function findCovers(tx: Tx, organisationId: string, today: string, which: 'current' | 'past'): Promise<CoverRow[]> {
  const rows = await tx
    .select({ c: covers, absentName: absent.displayName, coverName: cover.displayName })
    .from(covers)
    .leftJoin(absent, eq(absent.id, covers.absentUserId))
    .leftJoin(cover, eq(cover.id, covers.coverUserId))
    .where(and(eq(covers.organisationId, organisationId), which === 'current' ? gte(covers.endsOn, today) : lt(covers.endsOn, today)))
    .orderBy(...(which === 'current' ? [asc(covers.startsOn), asc(covers.endsOn)] : [desc(covers.endsOn)]))
    .limit(which === 'current' ? 500 : 50);
  return rows.map((r) => ({ ...r.c, absentName: r.absentName, coverName: r.coverName }));
}

export async function insertCover(tx: Tx, organisationId: string, values: Omit<typeof covers.$inferInsert, 'organisationId' | 'id' | 'createdAt'>) {
  const [row] = await tx.insert(covers).values({ ...values, organisationId }).returning();
  return row!;
}

/** The staff accounts of the organisation who can follow pairs (administrators, coordinators, social workers). */
export async function findStaff(tx: Tx, organisationId: string): Promise<{ userId: string; name: string }[]> {
  const rows = await tx
    .selectDistinct({ userId: people.userId, name: users.displayName })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(people.organisationId, organisationId), isNotNull(people.userId), inArray(memberships.role, [...FOLLOWING_ROLES]), eq(users.disabled, false)))
    .limit(5_000);
  return rows.map((r) => ({ userId: r.userId!, name: r.name }));
}

/** Accounts by id with their address and language (for the digests). */
export async function findUsers(tx: Tx, ids: readonly string[]): Promise<{ id: string; email: string; locale: string | null; name: string; disabled: boolean }[]> {
  if (ids.length === 0) return [];
  return tx.select({ id: users.id, email: users.email, locale: users.locale, name: users.displayName, disabled: users.disabled }).from(users).where(inArray(users.id, [...ids]));
}

/** Whether two covers of the same absent person overlap (a second cover for the same days is refused). */
export async function overlappingCover(tx: Tx, organisationId: string, absentUserId: string, startsOn: string, endsOn: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: covers.id })
    .from(covers)
    .where(and(eq(covers.organisationId, organisationId), eq(covers.absentUserId, absentUserId), sql`${covers.startsOn} <= ${endsOn}::date and ${covers.endsOn} >= ${startsOn}::date`))
    .limit(1);
  return Boolean(row);
}

import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { memberships, people, type Role } from '../../core/tenancy/tenancy.table.js';
import type { PersonInput } from './people.schemas.js';
import { personSearchConditions, personSearchText } from '../../core/tenancy/people-search.js';

export type PersonRow = typeof people.$inferSelect & { roles: Role[] };

// Qualified by hand: in a one-table select Drizzle renders ${people.id} as a bare "id", which inside this
// subquery would mean memberships.id.
const rolesOf = sql<Role[]>`coalesce((select array_agg(m.role order by m.role) from memberships m where m.person_id = "people"."id"), '{}')`;

const searchText = personSearchText;

/**
 * People of one organisation matching a folded search and a role. Sorting and paging happen in the service
 * with the viewer's collation (PostgreSQL's collations differ between PGlite and the server).
 */
export async function findPeople(tx: Tx, organisationId: string, filter: { q?: string; role?: Role }): Promise<PersonRow[]> {
  const conditions = [eq(people.organisationId, organisationId)];
  conditions.push(...personSearchConditions([people.searchText], filter.q));
  if (filter.role) conditions.push(sql`exists (select 1 from memberships m where m.person_id = ${people.id} and m.role = ${filter.role})`);
  return tx.select({ ...tableColumns, roles: rolesOf }).from(people).where(and(...conditions)).limit(20_000);
}

const tableColumns = {
  id: people.id,
  organisationId: people.organisationId,
  givenName: people.givenName,
  familyName: people.familyName,
  email: people.email,
  phone: people.phone,
  birthDate: people.birthDate,
  gender: people.gender,
  locale: people.locale,
  searchText: people.searchText,
  userId: people.userId,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

export async function findPersonById(tx: Tx, organisationId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx
    .select({ ...tableColumns, roles: rolesOf })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

/** The columns the person form writes (an absent optional field is stored as NULL), with the search text. */
const personValues = (input: PersonInput) => ({
  givenName: input.givenName,
  familyName: input.familyName,
  email: input.email ?? null,
  phone: input.phone ?? null,
  birthDate: input.birthDate ?? null,
  locale: input.locale,
  searchText: searchText(input),
});

export async function insertPerson(tx: Tx, organisationId: string, input: PersonInput): Promise<string> {
  const [row] = await tx
    .insert(people)
    .values({ organisationId, ...personValues(input) })
    .returning({ id: people.id });
  return row!.id;
}

export async function updatePerson(tx: Tx, organisationId: string, id: string, merged: PersonInput): Promise<void> {
  await tx
    .update(people)
    .set({ ...personValues(merged), updatedAt: new Date() })
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
}

export async function addRole(tx: Tx, organisationId: string, personId: string, role: Role): Promise<void> {
  await tx.insert(memberships).values({ organisationId, personId, role }).onConflictDoNothing();
}

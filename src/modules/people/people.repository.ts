import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { memberships, people, type Role } from '../../core/tenancy/tenancy.table.js';
import type { PersonInput } from './people.schemas.js';
import { personSearchConditions } from '../../core/tenancy/people-search.js';
import { insertPersonRecord, personFields, updatePersonRecord } from '../../core/tenancy/person-record.js';

export type PersonRow = typeof people.$inferSelect & { roles: Role[] };

// Qualified by hand: in a one-table select Drizzle renders ${people.id} as a bare "id", which inside this
// subquery would mean memberships.id.
const rolesOf = sql<Role[]>`coalesce((select array_agg(m.role order by m.role) from memberships m where m.person_id = "people"."id"), '{}')`;

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

const tableColumns = getTableColumns(people);

export async function findPersonById(tx: Tx, organisationId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx
    .select({ ...tableColumns, roles: rolesOf })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

export async function insertPerson(tx: Tx, organisationId: string, input: PersonInput): Promise<string> {
  return insertPersonRecord(tx, organisationId, personFields(input, input.locale));
}

export async function updatePerson(tx: Tx, organisationId: string, id: string, merged: PersonInput): Promise<void> {
  await updatePersonRecord(tx, organisationId, id, personFields(merged, merged.locale), new Date());
}

export async function addRole(tx: Tx, organisationId: string, personId: string, role: Role): Promise<void> {
  await tx.insert(memberships).values({ organisationId, personId, role }).onConflictDoNothing();
}

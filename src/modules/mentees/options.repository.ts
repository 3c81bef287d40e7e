import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { memberships, organisations, people, programmes, type Role } from '../../core/tenancy/tenancy.table.js';
import type { DistrictChoice } from '../../core/tenancy/district-choice.js';
import { districts } from '../../core/tenancy/districts.table.js';

/** The organisation's own lists a mentee's profile chooses from (tenant transaction, filtered by organisation). */

export interface Option {
  value: string;
  label: string;
}

export async function findProgrammes(tx: Tx, organisationId: string, activeOnly: boolean): Promise<(Option & { active: boolean })[]> {
  const rows = await tx
    .select({ value: programmes.id, label: programmes.name, active: programmes.active })
    .from(programmes)
    .where(and(eq(programmes.organisationId, organisationId), ...(activeOnly ? [eq(programmes.active, true)] : [])))
    .orderBy(asc(programmes.name));
  return rows;
}

/** The names of the organisation's districts (empty when it keeps no list: the district is free text then). */
export async function findDistrictNames(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.select({ name: districts.name }).from(districts).where(eq(districts.organisationId, organisationId)).orderBy(asc(districts.name));
  return rows.map((r) => r.name);
}

/** The district list and whether the organisation lets a form type a place outside it ("other"). */
export async function findDistrictChoice(tx: Tx, organisationId: string): Promise<DistrictChoice> {
  const [org] = await tx.select({ otherAllowed: organisations.districtOtherAllowed }).from(organisations).where(eq(organisations.id, organisationId));
  return { names: await findDistrictNames(tx, organisationId), otherAllowed: org?.otherAllowed ?? false };
}

/** Staff members with an account holding one of `roles` (value = user id, label = name). */
export async function findStaff(tx: Tx, organisationId: string, roles: readonly Role[]): Promise<Option[]> {
  const rows = await tx
    .selectDistinct({ value: people.userId, given: people.givenName, family: people.familyName })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(eq(people.organisationId, organisationId), isNotNull(people.userId), inArray(memberships.role, [...roles])));
  return rows.map((r) => ({ value: r.value!, label: `${r.given} ${r.family}` }));
}

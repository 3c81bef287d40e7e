import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { people, programmes } from '../../../core/tenancy/tenancy.table.js';
import { volunteers } from '../../volunteers/index.js';

/** Lookups of names for the hours report (the sums themselves come from hours.ts); always one organisation. */

export async function programmesOf(tx: Tx, organisationId: string): Promise<{ id: string; name: string; active: boolean }[]> {
  return tx.select({ id: programmes.id, name: programmes.name, active: programmes.active }).from(programmes).where(eq(programmes.organisationId, organisationId));
}

export interface VolunteerName {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
}

/** Volunteers by their id or by their person's id (training hours are kept per person). */
export async function volunteerNames(tx: Tx, organisationId: string, volunteerIds: readonly string[], personIds: readonly string[]): Promise<VolunteerName[]> {
  if (volunteerIds.length === 0 && personIds.length === 0) return [];
  return tx
    .select({ id: volunteers.id, personId: volunteers.personId, givenName: people.givenName, familyName: people.familyName })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(
      and(
        eq(volunteers.organisationId, organisationId),
        or(volunteerIds.length ? inArray(volunteers.id, [...volunteerIds]) : undefined, personIds.length ? inArray(volunteers.personId, [...personIds]) : undefined),
      ),
    );
}

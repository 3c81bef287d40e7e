import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { volunteers } from '../volunteers.table.js';
import type { ProfileInput } from './self-service.schemas.js';

/** Writes the volunteer's own profile: the volunteering side and the phone in the person record. */
export async function updateOwnProfile(tx: Tx, organisationId: string, v: { id: string; personId: string }, input: ProfileInput): Promise<void> {
  await tx
    .update(volunteers)
    .set({
      availability: input.availability,
      languages: input.languages,
      hoursPerMonth: input.hoursPerMonth ?? null,
      district: input.district ?? null,
      // Every change counts as a new version (see volunteers.table.ts), so a coordinator's move based on what
      // they saw before is told that the record changed.
      version: sql`${volunteers.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, v.id)));
  await tx
    .update(people)
    .set({ phone: input.phone ?? null, updatedAt: new Date() })
    .where(and(eq(people.organisationId, organisationId), eq(people.id, v.personId)));
}

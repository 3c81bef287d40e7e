import { eq } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { organisations } from '../../../core/tenancy/tenancy.table.js';
import type { OrganisationInput } from './organisation.schemas.js';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function findOrganisation(tx: Tx, organisationId: string): Promise<OrganisationRow | undefined> {
  const [row] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  return row;
}

export async function updateOrganisation(tx: Tx, organisationId: string, input: OrganisationInput): Promise<void> {
  await tx
    .update(organisations)
    .set({ name: input.name, city: input.city ?? null, country: input.country, defaultLocale: input.defaultLocale })
    .where(eq(organisations.id, organisationId));
}

import { audit, changedFields, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { isLocale } from '../../../core/i18n/index.js';
import { findOrganisation, updateOrganisation, type OrganisationRow } from './organisation.repository.js';
import type { OrganisationInput, OrganisationOutput } from './organisation.schemas.js';

function present(o: OrganisationRow): OrganisationOutput {
  return { id: o.id, slug: o.slug, name: o.name, city: o.city, country: o.country, defaultLocale: isLocale(o.defaultLocale) ? o.defaultLocale : 'pl' };
}

/** The actor's own organisation. */
export async function getOrganisationSettings(db: Db, actor: Actor): Promise<OrganisationOutput> {
  const row = await withTenant(db, actor, (tx) => findOrganisation(tx, actor.organisationId));
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}

/** Saves the settings and audits `organisation.update` with the names of the changed fields (none: nothing written). */
export async function updateOrganisationSettings(db: Db, actor: Actor, input: OrganisationInput): Promise<string[]> {
  return withTenant(db, actor, async (tx) => {
    const before = await findOrganisation(tx, actor.organisationId);
    if (!before) throw new AppError('NOT_FOUND');
    const fields = changedFields({ name: before.name, city: before.city, country: before.country, defaultLocale: before.defaultLocale }, { ...input, city: input.city ?? null });
    if (fields.length === 0) return fields;
    await updateOrganisation(tx, actor.organisationId, input);
    await audit(tx, actor, { action: 'organisation.update', entity: 'organisation', entityId: actor.organisationId, fields });
    return fields;
  });
}

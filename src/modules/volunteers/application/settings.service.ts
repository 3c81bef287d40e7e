import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { findOrganisationSlug, findSettings, saveSettings, type Settings } from './application.repository.js';
import type { SettingsInput } from './application.schemas.js';

/** The organisation's application-form and safeguarding settings (defaults until first saved). */
export async function getVolunteerSettings(db: Db, actor: Actor): Promise<Settings & { slug: string | null }> {
  return withTenant(db, actor, async (tx) => ({ ...(await findSettings(tx, actor.organisationId)), slug: (await findOrganisationSlug(tx, actor.organisationId)) ?? null }));
}

/** Saves the settings; audits `volunteer_settings.update` with the names of the changed settings. Returns them. */
export async function updateVolunteerSettings(db: Db, actor: Actor, input: SettingsInput): Promise<string[]> {
  return withTenant(db, actor, async (tx) => {
    const before = await findSettings(tx, actor.organisationId);
    const fields: string[] = [];
    if ([...before.hiddenFields].sort().join() !== [...input.hiddenFields].sort().join()) fields.push('hiddenFields');
    if (before.safeguardingRenewalMonths !== input.safeguardingRenewalMonths) fields.push('safeguardingRenewalMonths');
    if (before.reminderDays !== input.reminderDays) fields.push('reminderDays');
    if (fields.length === 0) return fields;
    await saveSettings(tx, actor.organisationId, input);
    await audit(tx, actor, { action: 'volunteer_settings.update', entity: 'volunteer_settings', entityId: actor.organisationId, fields });
    return fields;
  });
}

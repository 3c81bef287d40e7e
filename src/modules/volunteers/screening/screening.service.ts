import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { findVolunteerById, type VolunteerRow } from '../volunteers.repository.js';
import { loadScreeningPanel, type ScreeningPanelData } from './panel-data.js';
import { getScreeningSettings } from './screening.repository.js';
import { kindsFor, type SafeguardingKind } from './screening.schemas.js';

/** The screening record of one volunteer on its own page (the same panel as on the volunteer page). Audited. */
export async function viewScreening(db: Db, actor: RequestActor, volunteerId: string): Promise<{ volunteer: VolunteerRow; data: ScreeningPanelData }> {
  return withTenant(db, actor, async (tx) => {
    const volunteer = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!volunteer) throw new AppError('NOT_FOUND');
    const data = await loadScreeningPanel(tx, actor.org, volunteerId);
    await audit(tx, actor, { action: 'volunteer.screening.view', entity: 'volunteer', entityId: volunteerId, fields: ['name', 'interviews', 'safeguarding', 'insurance'] });
    return { volunteer, data };
  });
}

/** What the safeguarding form needs: whose check, the kinds the country requires, the default renewal period. */
export async function safeguardingFormContext(db: Db, actor: RequestActor, volunteerId: string): Promise<{ volunteer: { id: string; name: string }; kinds: readonly SafeguardingKind[]; renewalMonths: number }> {
  return withTenant(db, actor, async (tx) => {
    const v = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    const { org } = actor;
    const settings = await getScreeningSettings(tx, actor.organisationId);
    await audit(tx, actor, { action: 'volunteer.view', entity: 'volunteer', entityId: v.id, fields: ['name'] });
    return { volunteer: { id: v.id, name: `${v.givenName} ${v.familyName}` }, kinds: kindsFor(org.country), renewalMonths: settings.renewalMonths };
  });
}

import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { addEvent, findVolunteerById } from '../volunteers.repository.js';
import type { InsuranceInput } from './screening.schemas.js';
import { insertInsurance } from './screening.repository.js';

/** Records accident insurance (NNW) of a volunteer, on the timeline and in the audit log. */
export async function recordInsurance(db: Db, actor: Actor, volunteerId: string, input: InsuranceInput): Promise<string> {
  return withTenant(db, actor, async (tx) => {
    const v = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    const row = await insertInsurance(tx, actor.organisationId, { volunteerId, ...input });
    await addEvent(tx, actor.organisationId, { volunteerId, actorUserId: actor.userId, kind: 'insurance', detail: { insuranceId: row.id, validFrom: input.validFrom, validTo: input.validTo } });
    await audit(tx, actor, { action: 'insurance.create', entity: 'insurance_record', entityId: row.id, fields: ['insurer', 'policyNumber', 'validFrom', 'validTo'] });
    return row.id;
  });
}

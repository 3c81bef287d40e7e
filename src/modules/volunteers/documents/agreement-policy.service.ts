import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { findAgreementPolicy, saveAgreementPolicy } from './documents.repository.js';
import type { AgreementPolicyInput } from './documents.schemas.js';

export type AgreementPolicy = Awaited<ReturnType<typeof findAgreementPolicy>>;

/** The organisation's choice for agreements over 30 days (administrators' settings page). */
export async function getAgreementPolicy(db: Db, actor: RequestActor): Promise<AgreementPolicy> {
  return withTenant(db, actor, (tx) => findAgreementPolicy(tx, actor.organisationId));
}

/**
 * Saves the choice. The written form keeps no note (a note only ever justifies electronic acceptance). Audits
 * `volunteer_settings.agreement_form` with the changed fields; returns them (none: nothing written).
 */
export async function updateAgreementPolicy(db: Db, actor: RequestActor, input: AgreementPolicyInput): Promise<string[]> {
  return withTenant(db, actor, async (tx) => {
    const before = await findAgreementPolicy(tx, actor.organisationId);
    const next = { longServiceForm: input.longServiceForm, lawyerNote: input.longServiceForm === 'electronic' ? (input.lawyerNote ?? null) : null };
    const fields = [...(before.longServiceForm !== next.longServiceForm ? ['longServiceForm'] : []), ...(before.lawyerNote !== next.lawyerNote ? ['longServiceFormNote'] : [])];
    if (fields.length === 0) return fields;
    await saveAgreementPolicy(tx, actor.organisationId, next);
    await audit(tx, actor, { action: 'volunteer_settings.agreement_form', entity: 'volunteer_settings', entityId: actor.organisationId, fields });
    return fields;
  });
}

/** The lawyer's note to show next to an agreement, when the organisation accepts electronic acceptance; else null. */
export async function electronicAcceptanceNote(tx: Tx, organisationId: string): Promise<string | null> {
  const p = await findAgreementPolicy(tx, organisationId);
  return p.longServiceForm === 'electronic' ? p.lawyerNote : null;
}

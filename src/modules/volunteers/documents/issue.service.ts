import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { findVolunteerById } from '../volunteers.repository.js';
import { DOCUMENT_LOCALES, type DocumentLocale } from './documents.schemas.js';
import { assertAllowed } from '../../../core/policy.js';
import { isOneOf } from '../../../core/one-of.js';

/** What the issue form shows about the volunteer: the name, and the document language to suggest. Audited. */
export async function volunteerForIssue(db: Db, actor: RequestActor, volunteerId: string): Promise<{ id: string; name: string; documentLocale: DocumentLocale }> {
  assertAllowed(actor, volunteersPolicy, 'manage');
  return withTenant(db, actor, async (tx) => {
    const v = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'volunteer.view', entity: 'volunteer', entityId: volunteerId, fields: ['name'] });
    const documentLocale = isOneOf(DOCUMENT_LOCALES, v.locale) ? v.locale : 'pl';
    return { id: v.id, name: `${v.givenName} ${v.familyName}`, documentLocale };
  });
}

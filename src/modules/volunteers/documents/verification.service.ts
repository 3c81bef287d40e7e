import { audit } from '../../../core/audit/audit.js';
import { findOrgFacts } from '../../../core/tenancy/org-facts.js';
import type { Db } from '../../../core/db/database.js';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { VerificationCode, type DocumentKind } from './documents.schemas.js';
import { findDocumentByCode, findOrganisationOfCode, findVolunteerName } from './documents.repository.js';

/** What the public verification page may show: only what the document itself says. */
export interface VerifiedDocument {
  kind: DocumentKind;
  volunteerName: string;
  organisationName: string;
  periodFrom: string | null;
  periodTo: string | null;
  issuedAt: Date;
}

/**
 * Looks up a certificate or reference by the code in its verification link. Null for a malformed, unknown
 * or revoked code (the page does not say which). Each successful check is audited (no user: it is public).
 */
export async function verifyDocument(db: Db, code: string, requestId?: string): Promise<VerifiedDocument | null> {
  if (!VerificationCode.safeParse(code).success) return null;
  const organisationId = await withSystem(db, (tx) => findOrganisationOfCode(tx, code));
  if (!organisationId) return null;
  return withTenant(db, { organisationId, userId: null }, async (tx) => {
    const doc = await findDocumentByCode(tx, organisationId, code);
    if (!doc || doc.revokedAt || doc.kind === 'agreement') return null;
    const [volunteerName, org] = [await findVolunteerName(tx, organisationId, doc.volunteerId), await findOrgFacts(tx, organisationId)];
    await audit(tx, { organisationId, userId: null, requestId }, { action: 'volunteer_document.verify', entity: 'volunteer_document', entityId: doc.id });
    return {
      kind: doc.kind,
      volunteerName: volunteerName ?? '',
      organisationName: org?.name ?? '',
      periodFrom: doc.fields.periodFrom ?? null,
      periodTo: doc.fields.periodTo ?? null,
      issuedAt: doc.issuedAt,
    };
  });
}

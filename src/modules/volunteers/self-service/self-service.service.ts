import { createHash } from 'node:crypto';
import { audit, changedFields } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { findDocument, findDocumentsOfVolunteer, markAccepted, type DocumentRow } from '../documents/documents.repository.js';
import { pdfOf, type PdfFile } from '../documents/documents.service.js';
import type { DocumentKind, DocumentLocale } from '../documents/documents.schemas.js';
import type { Stage } from '../pipeline/stages.js';
import type { LanguageLevel } from '../volunteers.table.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { addEvent, findVolunteerByUser, type VolunteerRow } from '../volunteers.repository.js';
import { updateOwnProfile } from './self-service.repository.js';
import { electronicAcceptanceNote } from '../documents/agreement-policy.service.js';
import type { ProfileInput } from './self-service.schemas.js';
import { assertAllowed } from '../../../core/policy.js';

/** A document as its volunteer sees it (revoked ones are not shown to them). */
export interface OwnDocument {
  id: string;
  kind: DocumentKind;
  locale: DocumentLocale;
  title: string;
  body: string;
  issuedAt: Date;
  acceptedHow: 'electronic' | 'paper' | 'qualified' | null;
  acceptedAt: Date | null;
  revokedAt: null;
  /** On the document page of an agreement: the lawyer's note when the organisation accepts electronic acceptance. */
  lawyerNote?: string | null;
}

export interface MyVolunteering {
  stage: Stage;
  profile: { phone: string | null; district: string | null; hoursPerMonth: number | null; availability: string[]; languages: LanguageLevel[] };
  documents: OwnDocument[];
}

const present = (d: DocumentRow): OwnDocument => ({
  id: d.id,
  kind: d.kind,
  locale: d.locale,
  title: d.title,
  body: d.body,
  issuedAt: d.issuedAt,
  acceptedHow: d.acceptedHow as OwnDocument['acceptedHow'],
  acceptedAt: d.acceptedAt,
  revokedAt: null,
});

/**
 * The signed-in person's OWN volunteer record in the current organisation (never anyone else's: it is found
 * by their account, not by an id from the request), or null when they have none.
 */
async function own(tx: Tx, actor: RequestActor): Promise<VolunteerRow | null> {
  assertAllowed(actor, volunteersPolicy, 'self');
  return (await findVolunteerByUser(tx, actor.organisationId, actor.userId)) ?? null;
}

/** One of the volunteer's own documents that is not revoked, or NOT_FOUND (also for anyone else's). */
async function ownDocument(tx: Tx, actor: RequestActor, documentId: string): Promise<{ volunteer: VolunteerRow; doc: DocumentRow }> {
  const volunteer = await own(tx, actor);
  const doc = volunteer ? await findDocument(tx, actor.organisationId, documentId) : undefined;
  if (!volunteer || !doc || doc.volunteerId !== volunteer.id || doc.revokedAt) throw new AppError('NOT_FOUND');
  return { volunteer, doc };
}

/** The volunteer's stage, profile and documents; null without a volunteer record. */
export async function myVolunteering(db: Db, actor: RequestActor): Promise<MyVolunteering | null> {
  return withTenant(db, actor, async (tx) => {
    const v = await own(tx, actor);
    if (!v) return null;
    const docs = await findDocumentsOfVolunteer(tx, actor.organisationId, v.id);
    return {
      stage: v.stage,
      profile: { phone: v.phone, district: v.district, hoursPerMonth: v.hoursPerMonth, availability: v.availability, languages: v.languages },
      documents: docs.filter((d) => !d.revokedAt).map(present),
    };
  });
}

/** Saves the volunteer's own profile; the changed field names are audited and put on the timeline. */
export async function updateMyProfile(db: Db, actor: RequestActor, input: ProfileInput): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const v = await own(tx, actor);
    if (!v) throw new AppError('NOT_FOUND');
    const before = { phone: v.phone, district: v.district, hoursPerMonth: v.hoursPerMonth, availability: JSON.stringify([...v.availability].sort()), languages: JSON.stringify(v.languages) };
    const after = { phone: input.phone ?? null, district: input.district ?? null, hoursPerMonth: input.hoursPerMonth ?? null, availability: JSON.stringify([...input.availability].sort()), languages: JSON.stringify(input.languages) };
    const fields = changedFields(before, after);
    if (fields.length === 0) return;
    await updateOwnProfile(tx, actor.organisationId, v, input);
    await addEvent(tx, actor.organisationId, { volunteerId: v.id, actorUserId: actor.userId, kind: 'profile', detail: { fields } });
    await audit(tx, actor, { action: 'volunteer.update_own', entity: 'volunteer', entityId: v.id, fields });
  });
}

export async function viewMyDocument(db: Db, actor: RequestActor, documentId: string): Promise<OwnDocument> {
  return withTenant(db, actor, async (tx) => {
    const doc = present((await ownDocument(tx, actor, documentId)).doc);
    return doc.kind === 'agreement' ? { ...doc, lawyerNote: await electronicAcceptanceNote(tx, actor.organisationId) } : doc;
  });
}

/**
 * Accepts the volunteer's own agreement electronically: `accepted_how = 'electronic'`, `accepted_at` from the
 * database clock, the stored text untouched (its SHA-256 goes on the timeline, so the accepted version can be
 * proven later). Refused: NOT_FOUND for another person's, a revoked or an unknown document; CONFLICT when it
 * was already accepted (or is not an agreement).
 */
export async function acceptMyAgreement(db: Db, actor: RequestActor, documentId: string): Promise<OwnDocument> {
  return withTenant(db, actor, async (tx) => {
    const { volunteer, doc } = await ownDocument(tx, actor, documentId);
    if (doc.kind !== 'agreement') throw new AppError('CONFLICT', 'volunteers.documents.notAnAgreement');
    const accepted = await markAccepted(tx, actor.organisationId, doc.id, volunteer.id, 'electronic');
    if (!accepted) throw new AppError('CONFLICT', 'volunteers.documents.acceptedAlready');
    const bodySha256 = createHash('sha256').update(accepted.body, 'utf8').digest('hex');
    await addEvent(tx, actor.organisationId, { volunteerId: volunteer.id, actorUserId: actor.userId, kind: 'agreement', detail: { action: 'accepted_electronically', documentId: doc.id, bodySha256 } });
    await audit(tx, actor, { action: 'volunteer_document.accept', entity: 'volunteer_document', entityId: doc.id, fields: ['accepted_how', 'accepted_at'] });
    return present(accepted);
  });
}

/** The PDF of one of the volunteer's own documents. */
export async function myDocumentPdf(db: Db, actor: RequestActor, documentId: string, baseUrl: string): Promise<PdfFile> {
  return withTenant(db, actor, async (tx) => {
    const { doc } = await ownDocument(tx, actor, documentId);
    return pdfOf(tx, actor.organisationId, doc, baseUrl);
  });
}

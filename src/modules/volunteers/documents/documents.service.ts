import { randomBytes } from 'node:crypto';
import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { orgFacts } from '../../../core/tenancy/org-facts.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { addEvent, findVolunteerById } from '../volunteers.repository.js';
import type { DocumentOutput, IssueInput } from './documents.schemas.js';
import { findDocument, findDocumentsOfVolunteer, insertDocument, markAccepted, markRevoked, type DocumentRow } from './documents.repository.js';
import { generateText, placeholderValues, type DocumentFields } from './generate.js';
import { pdfFileName, renderPdf } from './pdf.js';
import { templateInForce } from './templates.service.js';
import { assertAllowed } from '../../../core/policy.js';

/** 18 random bytes, base64url: 24 characters, 144 bits — a verification link cannot be guessed. */
export const newVerificationCode = () => randomBytes(18).toString('base64url');

/** The timeline kind of a document event: agreements have their own. */
const eventKind = (kind: string) => (kind === 'agreement' ? 'agreement' : 'document');

function authorise(actor: RequestActor, action: 'read' | 'manage') {
  assertAllowed(actor, volunteersPolicy, action);
}

/**
 * Issues a document to a volunteer of the actor's organisation: fills the template in force with the
 * volunteer's name and the given fields, stores the text exactly as generated (it is what the volunteer
 * sees, accepts and downloads, whatever happens to the template later), gives certificates and references
 * a verification code, and records a timeline event and an audit row — all in one transaction.
 */
export async function issueDocument(db: Db, actor: RequestActor, volunteerId: string, input: IssueInput): Promise<{ id: string }> {
  authorise(actor, 'manage');
  return withTenant(db, actor, async (tx) => {
    const volunteer = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!volunteer) throw new AppError('NOT_FOUND');
    const { org } = actor;
    const { kind, locale, ...rest } = input;
    const fields: DocumentFields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    const template = await templateInForce(tx, actor.organisationId, kind, locale);
    const issuedAt = new Date();
    const values = placeholderValues(locale, { volunteerName: `${volunteer.givenName} ${volunteer.familyName}`, organisationName: org.name, fields, issueDate: issuedAt });
    const { title, body } = generateText(template, values);
    const id = await insertDocument(tx, actor.organisationId, {
      volunteerId,
      kind,
      locale,
      title,
      body,
      fields,
      issuedByUserId: actor.userId,
      verificationCode: kind === 'agreement' ? null : newVerificationCode(),
    });
    await addEvent(tx, actor.organisationId, { volunteerId, actorUserId: actor.userId, kind: eventKind(kind), detail: { action: 'issued', documentId: id, documentKind: kind, locale } });
    await audit(tx, actor, { action: 'volunteer_document.issue', entity: 'volunteer_document', entityId: id, fields: ['title', 'body', ...Object.keys(fields)] });
    return { id };
  });
}

/**
 * Marks an agreement as signed on paper (`accepted_how = 'paper'`, time-stamped by the database).
 * Refused with CONFLICT when it was already accepted or is revoked; NOT_FOUND for another organisation's id.
 */
export async function markPaperSigned(db: Db, actor: RequestActor, documentId: string): Promise<{ volunteerId: string }> {
  authorise(actor, 'manage');
  return withTenant(db, actor, async (tx) => {
    const doc = await findDocument(tx, actor.organisationId, documentId);
    if (!doc) throw new AppError('NOT_FOUND');
    if (doc.kind !== 'agreement') throw new AppError('CONFLICT', 'volunteers.documents.notAnAgreement');
    const done = await markAccepted(tx, actor.organisationId, documentId, doc.volunteerId, 'paper');
    if (!done) throw new AppError('CONFLICT', doc.revokedAt ? 'volunteers.documents.revokedAlready' : 'volunteers.documents.acceptedAlready');
    await addEvent(tx, actor.organisationId, { volunteerId: doc.volunteerId, actorUserId: actor.userId, kind: 'agreement', detail: { action: 'signed_on_paper', documentId } });
    await audit(tx, actor, { action: 'volunteer_document.paper_signed', entity: 'volunteer_document', entityId: documentId, fields: ['accepted_how', 'accepted_at'] });
    return { volunteerId: doc.volunteerId };
  });
}

/** Revokes a document: its verification link stops confirming it, and an open agreement can no longer be accepted. */
export async function revokeDocument(db: Db, actor: RequestActor, documentId: string): Promise<{ volunteerId: string }> {
  authorise(actor, 'manage');
  return withTenant(db, actor, async (tx) => {
    const doc = await findDocument(tx, actor.organisationId, documentId);
    if (!doc) throw new AppError('NOT_FOUND');
    if (!(await markRevoked(tx, actor.organisationId, documentId))) throw new AppError('CONFLICT', 'volunteers.documents.revokedAlready');
    await addEvent(tx, actor.organisationId, { volunteerId: doc.volunteerId, actorUserId: actor.userId, kind: eventKind(doc.kind), detail: { action: 'revoked', documentId, documentKind: doc.kind } });
    await audit(tx, actor, { action: 'volunteer_document.revoke', entity: 'volunteer_document', entityId: documentId, fields: ['revoked_at'] });
    return { volunteerId: doc.volunteerId };
  });
}

/** A PDF file: its bytes and an ASCII-only file name. */
export interface PdfFile {
  bytes: Buffer;
  fileName: string;
}

/** Renders a stored document (its text as stored, never re-generated) in the caller's tenant transaction. */
export async function pdfOf(tx: Tx, organisationId: string, doc: DocumentRow, baseUrl: string): Promise<PdfFile> {
  const org = await orgFacts(tx, organisationId);
  const bytes = await renderPdf({
    kind: doc.kind,
    locale: doc.locale,
    title: doc.title,
    body: doc.body,
    organisation: { name: org.name, city: org.city, country: org.country },
    issuedAt: doc.issuedAt,
    acceptedHow: doc.acceptedHow,
    acceptedAt: doc.acceptedAt,
    revoked: Boolean(doc.revokedAt),
    verificationUrl: doc.verificationCode ? verificationUrl(baseUrl, doc.verificationCode) : null,
  });
  return { bytes, fileName: pdfFileName({ kind: doc.kind, issuedAt: doc.issuedAt, id: doc.id }) };
}

export const verificationUrl = (baseUrl: string, code: string) => `${baseUrl}/verify/${code}`;

/** A document's PDF for staff (read roles); the download of personal data is audited. */
export async function staffDocumentPdf(db: Db, actor: RequestActor, documentId: string, baseUrl: string): Promise<PdfFile> {
  authorise(actor, 'read');
  return withTenant(db, actor, async (tx) => {
    const doc = await findDocument(tx, actor.organisationId, documentId);
    if (!doc) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'volunteer_document.download', entity: 'volunteer_document', entityId: documentId });
    return pdfOf(tx, actor.organisationId, doc, baseUrl);
  });
}

/** Keeps database rows out of API responses: only these fields leave the service. */
export function presentDocument(d: DocumentRow, baseUrl: string): DocumentOutput {
  return {
    id: d.id,
    volunteerId: d.volunteerId,
    kind: d.kind,
    locale: d.locale,
    title: d.title,
    body: d.body,
    issuedAt: d.issuedAt.toISOString(),
    acceptedHow: d.acceptedHow as DocumentOutput['acceptedHow'],
    acceptedAt: d.acceptedAt?.toISOString() ?? null,
    revokedAt: d.revokedAt?.toISOString() ?? null,
    verificationUrl: d.verificationCode ? verificationUrl(baseUrl, d.verificationCode) : null,
  };
}

/** The documents of a volunteer of the actor's organisation, newest first (NOT_FOUND for another's). Audited. */
export async function listDocuments(db: Db, actor: RequestActor, volunteerId: string, baseUrl: string): Promise<DocumentOutput[]> {
  authorise(actor, 'read');
  return withTenant(db, actor, async (tx) => {
    if (!(await findVolunteerById(tx, actor.organisationId, volunteerId))) throw new AppError('NOT_FOUND');
    const rows = await findDocumentsOfVolunteer(tx, actor.organisationId, volunteerId);
    await audit(tx, actor, { action: 'volunteer_document.list', entity: 'volunteer', entityId: volunteerId });
    return rows.map((r) => presentDocument(r, baseUrl));
  });
}

/** One document of the actor's organisation (NOT_FOUND otherwise). Audited. */
export async function viewDocument(db: Db, actor: RequestActor, documentId: string, baseUrl: string): Promise<DocumentOutput> {
  authorise(actor, 'read');
  return withTenant(db, actor, async (tx) => {
    const doc = await findDocument(tx, actor.organisationId, documentId);
    if (!doc) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'volunteer_document.view', entity: 'volunteer_document', entityId: documentId });
    return presentDocument(doc, baseUrl);
  });
}

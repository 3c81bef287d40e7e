import { createHash } from 'node:crypto';
import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { isUploadedFile } from '../../../core/http/multipart.js';
import { invalid } from '../../../core/http/route-helpers.js';
import type { FieldErrors } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { addEvent } from '../volunteers.repository.js';
import { findDocument, findSignedFile, insertSignedFile, markAccepted } from './documents.repository.js';
import { assertAllowed } from '../../../core/policy.js';

/** Largest signed file accepted (a signed agreement PDF is typically well under 1 MB). */
export const SIGNED_FILE_MAX_BYTES = 5 * 1024 * 1024;

export type SignedFormat = 'pdf' | 'xades' | 'asice';
const EXTENSIONS: Record<SignedFormat, readonly string[]> = { pdf: ['pdf'], xades: ['xades', 'xml'], asice: ['asice', 'sce'] };
export const CONTENT_TYPES: Record<SignedFormat, string> = { pdf: 'application/pdf', xades: 'application/xml', asice: 'application/vnd.etsi.asic-e+zip' };

/**
 * The format of a signed file judged by its content (never by its name alone): a PDF starts with `%PDF-`; an ASiC-E
 * container is a ZIP whose first entry is `mimetype` holding `application/vnd.etsi.asic-e+zip`; a XAdES file is XML
 * with an XML-DSig `Signature` in the ETSI XAdES namespace. Anything else: null. The name's extension must agree.
 */
export function signedFormatOf(bytes: Buffer, fileName: string): SignedFormat | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const found: SignedFormat | null = head.startsWith('%PDF-')
    ? 'pdf'
    : head.startsWith('PK\x03\x04') && head.slice(30, 38) === 'mimetype' && head.includes('application/vnd.etsi.asic-e+zip')
      ? 'asice'
      : /^(\uFEFF|\xEF\xBB\xBF)?\s*</.test(head) && /Signature[\s>]/.test(bytes.toString('utf8')) && bytes.includes('http://uri.etsi.org/01903/')
        ? 'xades'
        : null;
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return found && EXTENSIONS[found].includes(ext) ? found : null;
}

/**
 * Records a document signed with a qualified electronic signature as the signed agreement: checks the file (present,
 * at most SIGNED_FILE_MAX_BYTES, a PDF / XAdES / ASiC-E by its content) and the staff member's confirmation that they
 * checked the signature (Tandem does not verify it), then in one transaction stores the bytes, marks the agreement
 * accepted `qualified` (the written form; it may replace an acceptance in Tandem), adds a timeline event and an audit
 * entry. Refusals: field errors (422), NOT_FOUND for a document not of this organisation, CONFLICT for one that is no
 * agreement, revoked, or already signed.
 */
export async function uploadQualifiedAgreement(db: Db, actor: RequestActor, documentId: string, body: Record<string, unknown>): Promise<{ volunteerId: string }> {
  assertAllowed(actor, volunteersPolicy, 'manage');
  return withTenant(db, actor, async (tx) => {
    const doc = await findDocument(tx, actor.organisationId, documentId);
    if (!doc) throw new AppError('NOT_FOUND');
    if (doc.kind !== 'agreement') throw new AppError('CONFLICT', 'volunteers.documents.notAnAgreement');
    const file = body.file;
    const errors: FieldErrors = {};
    let format: SignedFormat | null = null;
    if (!isUploadedFile(file) || file.bytes.length === 0) errors.file = { key: 'volunteers.documents.qualified.fileRequired' };
    else if (file.bytes.length > SIGNED_FILE_MAX_BYTES) errors.file = { key: 'volunteers.documents.qualified.tooLarge', params: { max: 5 } };
    else if (!(format = signedFormatOf(file.bytes, file.fileName))) errors.file = { key: 'volunteers.documents.qualified.wrongType' };
    if (body.signatureChecked !== 'true') errors.signatureChecked = { key: 'volunteers.documents.qualified.checkRequired' };
    if (Object.keys(errors).length) throw new AppError('VALIDATION', undefined, errors);
    if (!isUploadedFile(file) || !format) throw invalid('file', 'volunteers.documents.qualified.wrongType');
    const done = await markAccepted(tx, actor.organisationId, documentId, doc.volunteerId, 'qualified');
    if (!done) throw new AppError('CONFLICT', doc.revokedAt ? 'volunteers.documents.revokedAlready' : 'volunteers.documents.acceptedAlready');
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await insertSignedFile(tx, actor.organisationId, { documentId, volunteerId: doc.volunteerId, format, fileName: file.fileName.slice(0, 200), sizeBytes: file.bytes.length, sha256, bytes: file.bytes, uploadedByUserId: actor.userId });
    await addEvent(tx, actor.organisationId, { volunteerId: doc.volunteerId, actorUserId: actor.userId, kind: 'agreement', detail: { action: 'signed_qualified', documentId, sha256 } });
    await audit(tx, actor, { action: 'volunteer_document.qualified_upload', entity: 'volunteer_document', entityId: documentId, fields: ['accepted_how', 'accepted_at', 'file'] });
    return { volunteerId: doc.volunteerId };
  });
}

/** The signed file of an agreement for staff who may read volunteers (audited download), or NOT_FOUND. */
export async function signedFileForStaff(db: Db, actor: RequestActor, documentId: string) {
  assertAllowed(actor, volunteersPolicy, 'read');
  return withTenant(db, actor, async (tx) => {
    const f = await findSignedFile(tx, actor.organisationId, documentId);
    if (!f) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'volunteer_document.file_download', entity: 'volunteer_document', entityId: documentId });
    const format = f.format as SignedFormat;
    return { bytes: f.bytes, contentType: CONTENT_TYPES[format], fileName: f.fileName };
  });
}

/** What the upload page shows: the agreement (title, volunteer) if it may still take a signed file. */
export async function agreementForUpload(db: Db, actor: RequestActor, documentId: string) {
  assertAllowed(actor, volunteersPolicy, 'manage');
  return withTenant(db, actor, async (tx) => {
    const doc = await findDocument(tx, actor.organisationId, documentId);
    if (!doc || doc.kind !== 'agreement') throw new AppError('NOT_FOUND');
    return { id: doc.id, title: doc.title, locale: doc.locale, volunteerId: doc.volunteerId, open: !doc.revokedAt && doc.acceptedHow !== 'paper' && doc.acceptedHow !== 'qualified' };
  });
}

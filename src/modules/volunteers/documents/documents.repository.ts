import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { documentTemplates, volunteerDocumentFiles, volunteerDocuments, volunteers, volunteerSettings } from '../volunteers.table.js';
import type { DocumentKind, DocumentLocale } from './documents.schemas.js';
import type { DocumentFields } from './generate.js';

/** All SQL of the documents part; every function takes the organisation id (RLS backs it up). */

export type TemplateRow = typeof documentTemplates.$inferSelect;
export type DocumentRow = typeof volunteerDocuments.$inferSelect;

export async function findTemplate(tx: Tx, organisationId: string, kind: DocumentKind, locale: DocumentLocale): Promise<TemplateRow | undefined> {
  const [row] = await tx
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.organisationId, organisationId), eq(documentTemplates.kind, kind), eq(documentTemplates.locale, locale)));
  return row;
}

export async function findTemplates(tx: Tx, organisationId: string): Promise<TemplateRow[]> {
  return tx.select().from(documentTemplates).where(eq(documentTemplates.organisationId, organisationId));
}

export async function upsertTemplate(tx: Tx, organisationId: string, t: { kind: DocumentKind; locale: DocumentLocale; title: string; body: string; userId: string }): Promise<void> {
  const now = new Date();
  await tx
    .insert(documentTemplates)
    .values({ organisationId, kind: t.kind, locale: t.locale, title: t.title, body: t.body, updatedAt: now, updatedByUserId: t.userId })
    .onConflictDoUpdate({
      target: [documentTemplates.organisationId, documentTemplates.kind, documentTemplates.locale],
      set: { title: t.title, body: t.body, updatedAt: now, updatedByUserId: t.userId },
    });
}

/** Removes the organisation's own template (the built-in default applies again). True if there was one. */
export async function deleteTemplate(tx: Tx, organisationId: string, kind: DocumentKind, locale: DocumentLocale): Promise<boolean> {
  const rows = await tx
    .delete(documentTemplates)
    .where(and(eq(documentTemplates.organisationId, organisationId), eq(documentTemplates.kind, kind), eq(documentTemplates.locale, locale)))
    .returning({ id: documentTemplates.id });
  return rows.length > 0;
}

export async function insertDocument(
  tx: Tx,
  organisationId: string,
  d: { volunteerId: string; kind: DocumentKind; locale: DocumentLocale; title: string; body: string; fields: DocumentFields; issuedByUserId: string; verificationCode: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(volunteerDocuments)
    .values({ organisationId, ...d, fields: d.fields as Record<string, string> })
    .returning({ id: volunteerDocuments.id });
  return row!.id;
}

export async function findDocument(tx: Tx, organisationId: string, id: string): Promise<DocumentRow | undefined> {
  const [row] = await tx.select().from(volunteerDocuments).where(and(eq(volunteerDocuments.organisationId, organisationId), eq(volunteerDocuments.id, id)));
  return row;
}

/** A volunteer's documents, newest first. */
export async function findDocumentsOfVolunteer(tx: Tx, organisationId: string, volunteerId: string): Promise<DocumentRow[]> {
  return tx
    .select()
    .from(volunteerDocuments)
    .where(and(eq(volunteerDocuments.organisationId, organisationId), eq(volunteerDocuments.volunteerId, volunteerId)))
    .orderBy(desc(volunteerDocuments.issuedAt));
}

/**
 * Records the acceptance of an agreement — only if it is still open (not accepted, not revoked) and belongs
 * to `volunteerId`: the condition is in the UPDATE, so two acceptances at once cannot both succeed.
 * A paper signature (or a qualified electronic one) may also follow an acceptance in Tandem: a click is documentary form, and service over
 * 30 days needs written form (Civil Code art. 77², 78). The time is the database server's clock. Returns the
 * row, or undefined when nothing was open.
 */
export async function markAccepted(tx: Tx, organisationId: string, id: string, volunteerId: string, how: 'electronic' | 'paper' | 'qualified'): Promise<DocumentRow | undefined> {
  const [row] = await tx
    .update(volunteerDocuments)
    .set({ acceptedHow: how, acceptedAt: sql`now()` })
    .where(
      and(
        eq(volunteerDocuments.organisationId, organisationId),
        eq(volunteerDocuments.id, id),
        eq(volunteerDocuments.volunteerId, volunteerId),
        eq(volunteerDocuments.kind, 'agreement'),
        how !== 'electronic' ? or(isNull(volunteerDocuments.acceptedAt), eq(volunteerDocuments.acceptedHow, 'electronic')) : isNull(volunteerDocuments.acceptedAt),
        isNull(volunteerDocuments.revokedAt),
      ),
    )
    .returning();
  return row;
}

/** Revokes a document (its verification link then answers "not found or revoked"). Undefined if already revoked. */
export async function markRevoked(tx: Tx, organisationId: string, id: string): Promise<DocumentRow | undefined> {
  const [row] = await tx
    .update(volunteerDocuments)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(volunteerDocuments.organisationId, organisationId), eq(volunteerDocuments.id, id), isNull(volunteerDocuments.revokedAt)))
    .returning();
  return row;
}

/** The volunteer's name as the documents print it. */
export async function findVolunteerName(tx: Tx, organisationId: string, volunteerId: string) {
  const [row] = await tx
    .select({ givenName: people.givenName, familyName: people.familyName })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, volunteerId)));
  return row ? `${row.givenName} ${row.familyName}` : undefined;
}

/**
 * The one query without an organisation: which organisation issued the document with this verification
 * code. Runs in a system transaction (the public verification page has no tenant) and reads nothing but
 * the organisation id; everything shown is then read in that organisation's tenant transaction.
 */
export async function findOrganisationOfCode(systemTx: Tx, code: string): Promise<string | undefined> {
  const [row] = await systemTx
    .select({ organisationId: volunteerDocuments.organisationId })
    .from(volunteerDocuments)
    .where(eq(volunteerDocuments.verificationCode, code));
  return row?.organisationId;
}

export async function findDocumentByCode(tx: Tx, organisationId: string, code: string): Promise<DocumentRow | undefined> {
  const [row] = await tx
    .select()
    .from(volunteerDocuments)
    .where(and(eq(volunteerDocuments.organisationId, organisationId), eq(volunteerDocuments.verificationCode, code)));
  return row;
}

/** The organisation's choice for agreements over 30 days and the lawyer's note (the law's default until saved). */
export async function findAgreementPolicy(tx: Tx, organisationId: string): Promise<{ longServiceForm: 'written' | 'electronic'; lawyerNote: string | null }> {
  const [row] = await tx.select({ form: volunteerSettings.longServiceForm, note: volunteerSettings.longServiceFormNote }).from(volunteerSettings).where(eq(volunteerSettings.organisationId, organisationId));
  return { longServiceForm: row?.form === 'electronic' ? 'electronic' : 'written', lawyerNote: row?.note ?? null };
}

/** Saves the choice (and note) without touching the organisation's other volunteer settings. */
export async function saveAgreementPolicy(tx: Tx, organisationId: string, values: { longServiceForm: 'written' | 'electronic'; lawyerNote: string | null }): Promise<void> {
  const set = { longServiceForm: values.longServiceForm, longServiceFormNote: values.lawyerNote };
  await tx.insert(volunteerSettings).values({ organisationId, ...set }).onConflictDoUpdate({ target: volunteerSettings.organisationId, set });
}

/** Stores the signed file of an agreement (one per agreement). */
export async function insertSignedFile(tx: Tx, organisationId: string, values: { documentId: string; volunteerId: string; format: string; fileName: string; sizeBytes: number; sha256: string; bytes: Buffer; uploadedByUserId: string }) {
  await tx.insert(volunteerDocumentFiles).values({ organisationId, ...values, signatureChecked: true });
}

/** The signed file of a document with its bytes, or undefined. */
export async function findSignedFile(tx: Tx, organisationId: string, documentId: string) {
  const [row] = await tx
    .select()
    .from(volunteerDocumentFiles)
    .where(and(eq(volunteerDocumentFiles.organisationId, organisationId), eq(volunteerDocumentFiles.documentId, documentId)));
  return row;
}

/** Which of a volunteer's documents have a signed file, with who uploaded it and when (no bytes). */
export async function findSignedFilesOfVolunteer(tx: Tx, organisationId: string, volunteerId: string) {
  return tx
    .select({
      documentId: volunteerDocumentFiles.documentId,
      fileName: volunteerDocumentFiles.fileName,
      uploadedAt: volunteerDocumentFiles.uploadedAt,
      uploadedByName: sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${organisationId} and p.user_id = ${volunteerDocumentFiles.uploadedByUserId} limit 1)`,
    })
    .from(volunteerDocumentFiles)
    .where(and(eq(volunteerDocumentFiles.organisationId, organisationId), eq(volunteerDocumentFiles.volunteerId, volunteerId)));
}

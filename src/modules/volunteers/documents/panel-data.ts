import type { Tx } from '../../../core/db/tx.js';
import type { DocumentKind, DocumentLocale } from './documents.schemas.js';
import { electronicAcceptanceNote } from './agreement-policy.service.js';
import { findDocumentsOfVolunteer, findSignedFilesOfVolunteer } from './documents.repository.js';

/** One row of the documents panel. */
export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  locale: DocumentLocale;
  title: string;
  issuedAt: Date;
  acceptedHow: 'electronic' | 'paper' | 'qualified' | null;
  /** The uploaded file signed with a qualified electronic signature: who uploaded it and when. */
  signedFile: { uploadedAt: Date; uploadedByName: string | null } | null;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  verificationCode: string | null;
}

export interface DocumentsPanelData {
  documents: DocumentSummary[];
  /** The lawyer's note when the organisation accepts electronic acceptance for service over 30 days; else null. */
  lawyerNote: string | null;
}

/** Loads what DocumentsPanel shows, inside the volunteer page's tenant transaction (which audits the page view). */
export async function loadDocumentsPanel(tx: Tx, organisationId: string, volunteerId: string): Promise<DocumentsPanelData> {
  const rows = await findDocumentsOfVolunteer(tx, organisationId, volunteerId);
  const files = new Map((await findSignedFilesOfVolunteer(tx, organisationId, volunteerId)).map((f) => [f.documentId, f]));
  return {
    lawyerNote: await electronicAcceptanceNote(tx, organisationId),
    documents: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      locale: r.locale,
      title: r.title,
      issuedAt: r.issuedAt,
      acceptedHow: r.acceptedHow as DocumentSummary['acceptedHow'],
      acceptedAt: r.acceptedAt,
      revokedAt: r.revokedAt,
      verificationCode: r.verificationCode,
      signedFile: files.get(r.id) ?? null,
    })),
  };
}

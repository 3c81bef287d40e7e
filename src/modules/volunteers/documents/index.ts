import type { ModuleContext } from '../../../core/module.js';
import { agreementPolicyPages } from './agreement-policy.pages.js';
import { documentsApi } from './documents.api.js';
import { documentsPages } from './documents.pages.js';
import { qualifiedPages } from './qualified.pages.js';

export { DocumentsPanel } from './panel.js';
export { loadDocumentsPanel, type DocumentsPanelData } from './panel-data.js';
export { DOCUMENT_KINDS, DOCUMENT_LOCALES, type DocumentKind, type DocumentLocale } from './documents.schemas.js';

/**
 * The legal documents (SPEC §3.1 point 5, issue points 6): templates per organisation, issuing the agreement,
 * certificate and reference, PDFs, the paper signature, revocation, and the public verification page.
 */
export function documentsRoutes(ctx: ModuleContext) {
  documentsPages(ctx);
  agreementPolicyPages(ctx);
  qualifiedPages(ctx);
  documentsApi(ctx);
}

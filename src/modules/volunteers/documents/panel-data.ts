import type { Tx } from '../../../core/db/tx.js';

/** Loads what DocumentsPanel shows, inside the volunteer page's tenant transaction. */
export async function loadDocumentsPanel(_tx: Tx, _organisationId: string, _volunteerId: string): Promise<unknown> {
  return null;
}

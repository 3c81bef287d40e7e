import type { Tx } from '../../../core/db/tx.js';

/** Loads what ScreeningPanel shows, inside the volunteer page's tenant transaction. */
export async function loadScreeningPanel(_tx: Tx, _organisationId: string, _volunteerId: string): Promise<unknown> {
  return null;
}

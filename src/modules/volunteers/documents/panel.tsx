import type { PageContext } from '../../../core/ui/index.js';
import type { VolunteerRow } from '../volunteers.repository.js';

/**
 * The documents (agreement, certificate, reference) of one volunteer, shown on the volunteer page.
 * `data` is what `loadDocumentsPanel` returned (loaded in the page's tenant transaction).
 */
export function DocumentsPanel(_props: { ctx: PageContext; volunteer: VolunteerRow; data: unknown }) {
  return null;
}

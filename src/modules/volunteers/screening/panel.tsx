import type { PageContext } from '../../../core/ui/index.js';
import type { VolunteerRow } from '../volunteers.repository.js';

/**
 * The interviews, safeguarding checks and insurance of one volunteer, shown on the volunteer page.
 * `data` is what `loadScreeningPanel` returned (loaded in the page's tenant transaction).
 */
export function ScreeningPanel(_props: { ctx: PageContext; volunteer: VolunteerRow; data: unknown }) {
  return null;
}

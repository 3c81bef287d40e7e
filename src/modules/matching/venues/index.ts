import type { ModuleContext } from '../../../core/module.js';
import { districtsPages } from './districts.pages.js';
import { settingsApi } from './settings.api.js';
import { settingsPages } from './settings.pages.js';
import { venuesPages } from './venues.pages.js';

export { findDistricts } from './districts.repository.js';
export { sortedVenues } from './venues.service.js';

/**
 * The organisation's matching settings (issue 5, part 6 and settings): districts with their centres (for the
 * distance between people), venues for first meetings, and the weights of each programme's scoring.
 */
export function venuesRoutes(ctx: ModuleContext) {
  settingsPages(ctx);
  districtsPages(ctx);
  venuesPages(ctx);
  settingsApi(ctx);
}

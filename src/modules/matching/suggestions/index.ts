import type { ModuleContext } from '../../../core/module.js';
import { matchesPages } from './matches.pages.js';
import { suggestionsApi } from './suggestions.api.js';
import { suggestionsPages } from './suggestions.pages.js';

/**
 * Suggestions for one mentee or one volunteer, making a match from them (re-checked under row locks), excluded pairs,
 * a volunteer's matching profile, and the matches' own pages and API.
 */
export function suggestionsRoutes(ctx: ModuleContext) {
  suggestionsPages(ctx);
  matchesPages(ctx);
  suggestionsApi(ctx);
}

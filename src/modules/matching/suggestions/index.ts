import type { ModuleContext } from '../../../core/module.js';
import { currentMatchesOfMentee } from '../../mentees/index.js';
import { matchesPages } from './matches.pages.js';
import { findCurrentMatchesOfMentee } from './mentee-current-matches.js';
import { suggestionsApi } from './suggestions.api.js';
import { suggestionsPages } from './suggestions.pages.js';

/**
 * Suggestions for one mentee or one volunteer, making a match from them (re-checked under row locks), excluded pairs,
 * a volunteer's matching profile, and the matches' own pages and API; a mentee's current matches for mentees' case
 * page (through its `currentMatchesOfMentee` slot: mentees comes first in the module order).
 */
export function suggestionsRoutes(ctx: ModuleContext) {
  suggestionsPages(ctx);
  matchesPages(ctx);
  suggestionsApi(ctx);
  ctx.slots.add(currentMatchesOfMentee, findCurrentMatchesOfMentee);
}

import type { ModuleDefinition } from '../../core/module.js';
import { batchRoutes } from './batch/index.js';
import { introductionsRoutes } from './introductions/index.js';
import { suggestionsRoutes } from './suggestions/index.js';
import { venuesRoutes } from './venues/index.js';

/**
 * Matching (SPEC §3.3): the explained scoring (scoring/), suggestions for one mentee or one volunteer and the
 * matches made from them (suggestions/), batch matching of a waiting list with review (batch/, on the exact
 * engine in engine/), the organisation's districts, venues and programme weights (venues/), and the introduction
 * of a new pair at a neutral place (introductions/).
 */
export const matchingModule: ModuleDefinition = {
  name: 'matching',
  register(ctx) {
    suggestionsRoutes(ctx);
    batchRoutes(ctx);
    venuesRoutes(ctx);
    introductionsRoutes(ctx);
  },
};

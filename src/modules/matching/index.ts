import { routes, type ModuleDefinition } from '../../core/module.js';
import { batchRoutes } from './batch/index.js';
import { introductionsRoutes } from './introductions/index.js';
import { suggestionsRoutes } from './suggestions/index.js';
import { venuesRoutes } from './venues/index.js';

export { matchPageSections, type MatchPageSection } from './suggestions/match-sections.js';

/**
 * Matching (SPEC §3.3): the explained scoring (scoring/), suggestions for one mentee or one volunteer and the
 * matches made from them (suggestions/), batch matching of a waiting list with review (batch/, on the exact
 * engine in engine/), the organisation's districts, venues and programme weights (venues/), and the introduction
 * of a new pair at a neutral place (introductions/).
 */
export const matchingModule: ModuleDefinition = {
  name: 'matching',
  register: routes(suggestionsRoutes, batchRoutes, venuesRoutes, introductionsRoutes),
};

// What other modules use: read functions, types, labels and views they show.
export { cancelUpcomingIntroductions } from './introductions/introductions.service.js';
export { matchingPolicy } from './matching.policy.js';
export { joinPairPeople, menteePerson, volunteerPerson } from './pair-people.js';
export { settingsPolicy } from './venues/settings.policy.js';

// Tables other modules may read in joins; writes go through this module's services.
export { matchExclusions, matchProposals, matchRuns, introductions, matches, venues } from './matching.table.js';

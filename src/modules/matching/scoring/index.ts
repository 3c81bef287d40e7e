/**
 * The explained scoring (SPEC §3.3), pure: no database, no HTTP, no clock. See README.md for the rules.
 */
export type * from './types.js';
export { scorePair } from './score-pair.js';
export { DEFAULT_WEIGHTS, weightsFrom, percentOf, totalWeight } from './weights.js';
export { COMPONENT_KEYS, FULL_SLOTS, FULL_INTERESTS, FULL_WAITING_DAYS } from './components.js';
export { VIOLATION_KEYS } from './constraints.js';
export { NEED_ACTIVITIES, LEVEL_VALUE, AGE_GROUPS, DAYS, DAY_PARTS, haversineKm } from './profile-facts.js';
export { prepareVolunteers, MAX_DISTANCE_KM, type PreparedVolunteers } from './prepare.js';
export { rankVolunteers, rankMentees, type RankOptions, type Ranked, type Ranking, type LeftOut } from './rank.js';
export { candidateInstance, type CandidateInstance } from './candidates.js';
export { explainComponent, explainViolation, explainCaution, explainLeftOut, summary } from './explain.js';

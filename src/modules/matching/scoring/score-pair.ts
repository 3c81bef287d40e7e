/**
 * One volunteer–mentee pair, scored and explained. Pure: no database, clock or I/O (days waiting come in the profile).
 */
import { componentsOf, scoreOf } from './components.js';
import { cautionsOf, violationMask, violationsOf } from './constraints.js';
import { newVocabulary, prepareMentee, prepareVolunteer } from './prepare.js';
import type { MenteeProfile, PairScore, ScoringContext, VolunteerProfile } from './types.js';

/**
 * Hard constraints first (all broken ones are listed); an eligible pair gets the six weighted components, their
 * sum rounded to 2 decimals as `score` (0 … sum of weights) and any cautions.
 * Example: a pair speaking Ukrainian with 3 common slots, 2.1 km apart, both liking football is eligible with
 * components whose reasons read "both speak Ukrainian; 3 common free slots on Tuesday and Thursday; …".
 */
export function scorePair(mentee: MenteeProfile, volunteer: VolunteerProfile, ctx: ScoringContext): PairScore {
  const vocabulary = newVocabulary();
  const pv = prepareVolunteer(volunteer, ctx, vocabulary);
  const pm = prepareMentee(mentee, ctx, vocabulary);
  const mask = violationMask(pm, pv);
  if (mask !== 0) return { eligible: false, violations: violationsOf(mask, pm, pv) };
  // scoreOf is what the ranking loop uses: one code path, so a suggestion and its pair page show the same number.
  return { eligible: true, score: scoreOf(pm, pv, ctx.weights), components: componentsOf(pm, pv, ctx.weights), cautions: cautionsOf(pm, pv) };
}

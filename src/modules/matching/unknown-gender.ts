import { scorePair } from './scoring/index.js';
import type { MenteeProfile, ScoringContext, VolunteerProfile } from './scoring/types.js';

/**
 * The volunteers a mentee's wish for a woman or a man leaves out only because their gender was never recorded
 * (`gender` null): with the asked gender recorded they would fit. Empty when the mentee stated no such wish.
 * Volunteers who answered "another" or "prefer not to say" are not listed: their answer is known and respected.
 * Shown on the suggestions page and counted for the batch run, so an unknown gender never fails silently.
 */
export function unknownGenderFor<V extends VolunteerProfile>(mentee: MenteeProfile, volunteers: readonly V[], ctx: ScoringContext): V[] {
  const wanted = mentee.preferredVolunteerGender;
  if (wanted !== 'female' && wanted !== 'male') return [];
  return volunteers.filter((v) => v.gender === null && scorePair(mentee, { ...v, gender: wanted }, ctx).eligible);
}

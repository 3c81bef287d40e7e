/**
 * Hard constraints: a pair breaking any of them is never suggested, proposed or accepted. All are checked (not
 * just the first) so a social worker sees every reason at once.
 *
 * - safeguarding_required: the mentee is a minor (flagged, or a recorded age under 18 — the rule must not depend on
 *   a forgotten tick box) and the volunteer has no valid safeguarding check. A vulnerable adult is NOT a constraint
 *   (SPEC §3.3 names minors only); it becomes a caution shown with the pair.
 * - mentee_gender_preference: the mentee asked for a female/male volunteer and the volunteer is not (unknown fails).
 * - mentee_age_preference: the mentee stated a volunteer age range and the volunteer's age is outside (unknown fails).
 * - volunteer_gender_preference: the volunteer will support only women/men and the mentee is not (unknown fails).
 * - volunteer_age_preference: the volunteer named age groups and the mentee is not surely in them: with no age, a
 *   minor may be a child or a teenager (both groups must be accepted); with neither age nor minor flag it fails.
 * - capacity_full: active matches ≥ capacity.
 * - needs_already_covered: the mentee stated needs and every one is served by an active match (one active match per
 *   need). A mentee with no stated needs is not blocked by this rule.
 * - excluded: a coordinator ruled the pair out.
 */
import { AGE_GROUPS } from './profile-facts.js';
import type { PreparedMentee, PreparedVolunteer } from './prepare.js';
import type { Caution, Violation, ViolationKey } from './types.js';

export const VIOLATION_KEYS: readonly ViolationKey[] = [
  'safeguarding_required',
  'mentee_gender_preference',
  'mentee_age_preference',
  'volunteer_gender_preference',
  'volunteer_age_preference',
  'capacity_full',
  'needs_already_covered',
  'excluded',
];
const bit = (key: ViolationKey) => 1 << VIOLATION_KEYS.indexOf(key);
const SAFEGUARDING = bit('safeguarding_required');
const MENTEE_GENDER = bit('mentee_gender_preference');
const MENTEE_AGE = bit('mentee_age_preference');
const VOLUNTEER_GENDER = bit('volunteer_gender_preference');
const VOLUNTEER_AGE = bit('volunteer_age_preference');
const CAPACITY = bit('capacity_full');
const NEEDS = bit('needs_already_covered');
const EXCLUDED = bit('excluded');

/**
 * Every broken constraint as one bit (0 = eligible); bit i is VIOLATION_KEYS[i]. Numbers only: the hot loop. Every
 * field is read and every operation run on every call, so V8 has type feedback for all of them from the first
 * mentee on and does not throw its optimised code away when a later mentee takes a new branch.
 */
export function violationMask(pm: PreparedMentee, pv: PreparedVolunteer): number {
  const uncleared = !pv.safeguardingCleared;
  const otherGender = pv.gender !== pm.wantsGender;
  const tooYoung = pv.age < pm.ageMin;
  const tooOld = pv.age > pm.ageMax;
  const ageUnknown = pv.age < 0;
  const wrongGender = pm.gender !== pv.wantsGender;
  const groups = pv.ageGroups;
  const groupUnknown = pm.ageGroups === 0;
  const outsideGroups = (pm.ageGroups & ~groups) !== 0;
  const excluded = pm.excluded.has(pv.id);
  return (
    (pm.minor && uncleared ? SAFEGUARDING : 0) |
    (pm.wantsGender !== 0 && otherGender ? MENTEE_GENDER : 0) |
    (pm.hasAgeRange && (ageUnknown || tooYoung || tooOld) ? MENTEE_AGE : 0) |
    (pv.wantsGender !== 0 && wrongGender ? VOLUNTEER_GENDER : 0) |
    (groups !== 0 && (groupUnknown || outsideGroups) ? VOLUNTEER_AGE : 0) |
    (pv.full ? CAPACITY : 0) |
    (pm.allCovered ? NEEDS : 0) |
    (excluded ? EXCLUDED : 0)
  );
}

/** The keys of a violation mask, in VIOLATION_KEYS order. */
export function violationKeys(mask: number): ViolationKey[] {
  return VIOLATION_KEYS.filter((_, i) => mask & (1 << i));
}

/** The violations of a mask with the facts their explanations are written from. */
export function violationsOf(mask: number, pm: PreparedMentee, pv: PreparedVolunteer): Violation[] {
  const m = pm.profile;
  const v = pv.profile;
  return violationKeys(mask).map((key): Violation => {
    switch (key) {
      case 'safeguarding_required':
        return { key, detail: { minor: m.minor, menteeAge: m.age } };
      case 'mentee_gender_preference':
        return { key, detail: { preferred: m.preferredVolunteerGender, volunteerGender: v.gender } };
      case 'mentee_age_preference':
        return { key, detail: { min: m.preferredVolunteerAgeMin, max: m.preferredVolunteerAgeMax, volunteerAge: v.age } };
      case 'volunteer_gender_preference':
        return { key, detail: { preferred: v.preferredGender, menteeGender: m.gender } };
      case 'volunteer_age_preference':
        return { key, detail: { groups: AGE_GROUPS.filter((_, i) => pv.ageGroups & (1 << i)), menteeAge: m.age, minor: m.minor } };
      case 'capacity_full':
        return { key, detail: { capacity: v.capacity, activeMatches: v.activeMatches } };
      case 'needs_already_covered':
        return { key, detail: { needs: [...new Set(m.needs)] } };
      case 'excluded':
        return { key, detail: {} };
    }
  });
}

/** What the social worker should weigh although it does not rule the pair out. */
export function cautionsOf(pm: PreparedMentee, pv: PreparedVolunteer): Caution[] {
  return pm.profile.vulnerableAdult ? [{ key: 'vulnerable_adult', detail: { safeguardingCleared: pv.profile.safeguardingCleared } }] : [];
}

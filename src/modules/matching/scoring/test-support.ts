/**
 * Test support for the scoring module: fast-check arbitraries over small vocabularies (so random pairs often share
 * languages, slots, districts and interests, and often break constraints), and an oracle that states every hard
 * constraint directly from the raw profiles, independently of the implementation's masks.
 */
import fc from 'fast-check';
import type { LanguageLevel } from '../../volunteers/index.js';
import type { MenteeProfile, ScoringContext, ViolationKey, VolunteerProfile, Weights } from './types.js';

export const SLOT_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((d) => ['morning', 'afternoon', 'evening'].map((p) => `${d}-${p}`));
const CODES = ['uk', 'pl', 'en', 'ar', 'UK', 'ru'];
const LEVELS: LanguageLevel['level'][] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'];
const DISTRICT_NAMES = ['Mokotów', ' mokotów ', 'Wola', 'WOLA', 'Praga-Północ', 'Stegny', 'Bemowo', 'Nowhere', null];
const INTERESTS = ['football', 'Football ', 'chess', 'szachy', 'Szachy', 'żeglarstwo', 'zeglarstwo', 'music', 'Gotowanie'];
const ACTIVITIES = ['mentoring', 'language_help', 'school_help', 'errands', 'leisure', 'institution_assistance', 'events'];
const NEEDS = ['language_practice', 'school_help', 'everyday_matters', 'leisure', 'companionship', 'job_search', 'official_matters', 'housing'];
const GROUPS = ['children', 'teenagers', 'adults', 'seniors', 'toddlers'];

/** Warsaw districts (Bemowo has no centre on record: a known name without coordinates behaves as unknown). */
export const DISTRICTS: ScoringContext['districts'] = new Map([
  ['Mokotów', { latitude: 52.1934, longitude: 21.0352 }],
  ['Wola', { latitude: 52.2361, longitude: 20.9597 }],
  ['Praga-Północ', { latitude: 52.2567, longitude: 21.0367 }],
  ['Stegny', { latitude: 52.1895, longitude: 21.0352 }], // ≈ 0.4 km from Mokotów's centre
]);

/** Great-circle km between two named districts, or null; written out here so tests do not reuse the scorer's code. */
export function districtKm(a: string | null, b: string | null): number | null {
  const find = (name: string | null) => {
    if (name === null) return undefined;
    for (const [key, c] of DISTRICTS) if (key.toLowerCase() === name.trim().toLowerCase()) return c;
    return undefined;
  };
  const p = find(a);
  const q = find(b);
  if (!p || !q) return null;
  const rad = Math.PI / 180;
  const h = Math.sin(((q.latitude - p.latitude) * rad) / 2) ** 2 + Math.cos(p.latitude * rad) * Math.cos(q.latitude * rad) * Math.sin(((q.longitude - p.longitude) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const languages = fc.array(fc.record({ code: fc.constantFrom(...CODES), level: fc.constantFrom(...LEVELS) }), { maxLength: 3 });
const slots = fc.subarray(SLOT_NAMES);
const gender = fc.constantFrom('female' as const, 'male' as const, 'other' as const, null);
const preference = fc.constantFrom('any' as const, 'female' as const, 'male' as const, null, null, null);
const age = fc.option(fc.integer({ min: 4, max: 90 }), { freq: 4 });

export const volunteerArb = (id: string): fc.Arbitrary<VolunteerProfile> =>
  fc.record({
    id: fc.constant(id),
    languages,
    availability: slots,
    district: fc.constantFrom(...DISTRICT_NAMES),
    interests: fc.subarray(INTERESTS, { maxLength: 4 }),
    activities: fc.subarray(ACTIVITIES),
    gender,
    age: fc.option(fc.integer({ min: 16, max: 85 }), { freq: 4 }),
    preferredGender: preference,
    preferredAgeGroups: fc.oneof(fc.constant<string[]>([]), fc.subarray(GROUPS)),
    travelKm: fc.option(fc.integer({ min: 0, max: 25 })),
    capacity: fc.integer({ min: 0, max: 3 }),
    activeMatches: fc.integer({ min: 0, max: 3 }),
    safeguardingCleared: fc.boolean(),
  });

export const menteeArb = (id: string) =>
  fc
    .record({
      needs: fc.subarray(NEEDS, { maxLength: 4 }),
      coveredPick: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      languages,
      availability: slots,
      district: fc.constantFrom(...DISTRICT_NAMES),
      interests: fc.subarray(INTERESTS, { maxLength: 4 }),
      gender,
      age,
      minor: fc.boolean(),
      vulnerableAdult: fc.boolean(),
      preferredVolunteerGender: preference,
      preferredVolunteerAgeMin: fc.option(fc.integer({ min: 16, max: 60 }), { freq: 3 }),
      preferredVolunteerAgeMax: fc.option(fc.integer({ min: 20, max: 120 }), { freq: 3 }),
      daysWaiting: fc.integer({ min: 0, max: 400 }),
    })
    .map(({ coveredPick, ...m }): MenteeProfile => ({ ...m, id, coveredNeeds: m.needs.filter((_, i) => coveredPick[i]) }));

export const weightsArb: fc.Arbitrary<Weights> = fc.record({
  language: fc.integer({ min: 0, max: 100 }),
  availability: fc.integer({ min: 0, max: 100 }),
  distance: fc.integer({ min: 0, max: 100 }),
  interests: fc.integer({ min: 0, max: 100 }),
  needs: fc.integer({ min: 0, max: 100 }),
  waiting: fc.integer({ min: 0, max: 100 }),
});

/** Distinct ids in a deliberately unsorted order, so "ties by id" is really tested. */
export const volunteersArb = (max: number) =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => volunteerArb(`v${(i * 7) % 10}${i}`))));
export const menteesArb = (max: number) =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => menteeArb(`m${(i * 3) % 5}${i}`))));

/** A world: mentees, volunteers and a context whose exclusions pick random pairs among them. */
export const worldArb = (maxMentees: number, maxVolunteers: number) =>
  fc.tuple(menteesArb(maxMentees), volunteersArb(maxVolunteers), weightsArb, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 })).map(([mentees, volunteers, weights, pick]) => {
    const excluded = new Set<string>();
    mentees.forEach((m, i) => volunteers.forEach((v, j) => pick[(i * 13 + j * 5) % 64] && (i + j) % 3 === 0 && excluded.add(`${m.id}:${v.id}`)));
    const ctx: ScoringContext = { weights, districts: DISTRICTS, excluded };
    return { mentees, volunteers, ctx };
  });

/** Every hard constraint the pair breaks, written from the rules in plain code (no masks, no shared helpers). */
export function brokenConstraints(m: MenteeProfile, v: VolunteerProfile, excluded: ReadonlySet<string>): Set<ViolationKey> {
  const broken = new Set<ViolationKey>();
  const isMinor = m.minor || (m.age !== null && m.age < 18);
  if (isMinor && !v.safeguardingCleared) broken.add('safeguarding_required');
  if (m.preferredVolunteerGender === 'female' || m.preferredVolunteerGender === 'male') {
    if (v.gender !== m.preferredVolunteerGender) broken.add('mentee_gender_preference');
  }
  const { preferredVolunteerAgeMin: min, preferredVolunteerAgeMax: max } = m;
  if (min !== null || max !== null) {
    const fits = v.age !== null && (min === null || v.age >= min) && (max === null || v.age <= max);
    if (!fits) broken.add('mentee_age_preference');
  }
  if (v.preferredGender === 'female' || v.preferredGender === 'male') {
    if (m.gender !== v.preferredGender) broken.add('volunteer_gender_preference');
  }
  const groups = v.preferredAgeGroups.filter((g) => ['children', 'teenagers', 'adults', 'seniors'].includes(g));
  if (groups.length > 0) {
    let fits: boolean;
    if (m.age !== null) {
      const group = m.age <= 12 ? 'children' : m.age <= 17 ? 'teenagers' : m.age <= 64 ? 'adults' : 'seniors';
      fits = groups.includes(group);
    } else {
      fits = m.minor && groups.includes('children') && groups.includes('teenagers');
    }
    if (!fits) broken.add('volunteer_age_preference');
  }
  if (v.activeMatches >= v.capacity) broken.add('capacity_full');
  if (m.needs.length > 0 && m.needs.every((n) => m.coveredNeeds.includes(n))) broken.add('needs_already_covered');
  if (excluded.has(`${m.id}:${v.id}`)) broken.add('excluded');
  return broken;
}

/** Runs of fast-check per property: enough to hit every constraint combination, small enough for a fast file. */
export const RUNS = Number(process.env.FC_RUNS ?? 300);

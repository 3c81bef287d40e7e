/**
 * Profiles turned into what the hot loop needs, so that ranking 50,000 volunteers for one mentee does no string
 * work per pair: constraint facts as small numbers, slots and needs as bit masks, languages, interests and districts
 * as ids in a vocabulary shared by both sides. A volunteer keeps only these (50,000 of them stay small); the readable
 * forms for the explanations are derived again from the profile for the few shown. `scorePair` prepares both sides
 * on the fly and runs the same code. A prepared profile is a snapshot: prepare again when a profile changes.
 */
import { foldForSearch } from '../../../core/i18n/search.js';
import {
  ageGroupMask,
  districtIndex,
  districtKey,
  haversineKm,
  needBit,
  possibleAgeGroups,
  servedNeedsMask,
  slotMask,
  spokenLanguages,
  type Point,
  type SpokenLanguage,
} from './profile-facts.js';
import type { Gender, MenteeProfile, ScoringContext, VolunteerProfile } from './types.js';

/** Language codes and folded interests numbered as volunteers are prepared; mentees look theirs up. */
export interface Vocabulary {
  languages: Map<string, number>;
  interests: Map<string, number>;
  /** normalised district names */
  districts: Map<string, number>;
  /** interest as written → folded (volunteers repeat the same words) */
  folds: Map<string, string>;
}
export const newVocabulary = (): Vocabulary => ({ languages: new Map(), interests: new Map(), districts: new Map(), folds: new Map() });

/** 0 = unknown / no preference, so a stated preference (1, 2) never equals an unknown gender. */
const GENDER_CODE: Record<Gender, number> = { female: 1, male: 2, other: 3, undisclosed: 4 };
const genderCode = (g: Gender | null) => (g === null ? 0 : (GENDER_CODE[g] ?? 0));
const preferenceCode = (p: 'any' | 'female' | 'male' | null) => (p === 'female' ? 1 : p === 'male' ? 2 : 0);

export interface PreparedVolunteer {
  profile: VolunteerProfile;
  id: string;
  safeguardingCleared: boolean;
  gender: number;
  /** -1 when unknown */
  age: number;
  /** whom the volunteer will support: 0 any, 1 women, 2 men */
  wantsGender: number;
  /** stated age groups as bits; 0 = any */
  ageGroups: number;
  full: boolean;
  /** vocabulary ids and values (0…1) of the languages spoken */
  languageIds: number[];
  languageValues: number[];
  slots: number;
  /** vocabulary id of the district; -1 when none is recorded */
  districtId: number;
  /** the most km the volunteer will travel (Infinity: no limit stated); the programme's limit applies too */
  travelKm: number;
  interestIds: number[];
  servedNeeds: number;
}

export interface PreparedMentee {
  profile: MenteeProfile;
  /** needs the safeguarding check: flagged as a minor, or a recorded age under 18 */
  minor: boolean;
  gender: number;
  /** the volunteer gender asked for: 0 none, 1 female, 2 male */
  wantsGender: number;
  hasAgeRange: boolean;
  ageMin: number;
  ageMax: number;
  /** age groups the mentee may belong to; 0 = unknown */
  ageGroups: number;
  /** every stated need is already served (nothing left for a new match) */
  allCovered: boolean;
  /** volunteer ids this mentee may not be paired with */
  excluded: ReadonlySet<string>;
  /** ids (-1: no volunteer speaks it) and values, in the same order as `languages` */
  languageIds: number[];
  languageValues: number[];
  languages: SpokenLanguage[];
  slots: number;
  /** vocabulary id of the district (-1: none recorded, or no volunteer lives there) */
  districtId: number;
  hasDistrict: boolean;
  /** the programme's distance limit (km at which the distance component reaches 0 unless the volunteer's is smaller) */
  maxKm: number;
  /** km from the mentee's district centre to each vocabulary district's centre; NaN where either is unknown */
  kmByDistrict: Float64Array;
  /** ids (-1: no volunteer shares it) in the same order as `interests` */
  interestIds: number[];
  /** [folded, as written] pairs */
  interests: [string, string][];
  /** distinct needs not yet served by an active match, in the mentee's order */
  uncoveredNeeds: string[];
  uncoveredMask: number;
}

/**
 * The distance component falls to 0 at the programme's limit (`ctx.maxDistanceKm`, this default when unset), or
 * sooner at the volunteer's stated travel limit.
 */
export const MAX_DISTANCE_KM = 15;

/** The programme's limit from the context: a positive finite number, else the default. */
export const maxDistanceOf = (ctx: ScoringContext): number =>
  typeof ctx.maxDistanceKm === 'number' && Number.isFinite(ctx.maxDistanceKm) && ctx.maxDistanceKm > 0 ? ctx.maxDistanceKm : MAX_DISTANCE_KM;

function pointOf(district: string | null, ctx: ScoringContext): Point | null {
  return district === null ? null : (districtIndex(ctx.districts).get(district) ?? null);
}

/** Folded (case- and diacritic-free) → as written, first spelling wins. `cache` spares folding repeated words. */
export function folded(values: readonly string[], cache?: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    let key = cache?.get(v);
    if (key === undefined) {
      key = foldForSearch(v);
      cache?.set(v, key);
    }
    if (key && !out.has(key)) out.set(key, v.trim());
  }
  return out;
}

function intern(map: Map<string, number>, key: string): number {
  let id = map.get(key);
  if (id === undefined) map.set(key, (id = map.size));
  return id;
}

const NONE: ReadonlySet<string> = new Set();
const exclusions = new WeakMap<ReadonlySet<string>, Map<string, Set<string>>>();

/** `${menteeId}:${volunteerId}` pairs grouped by mentee (built once per set). */
function exclusionIndex(pairs: ReadonlySet<string>): Map<string, Set<string>> {
  let index = exclusions.get(pairs);
  if (!index) {
    index = new Map();
    for (const pair of pairs) {
      const colon = pair.indexOf(':');
      if (colon < 0) continue;
      const mentee = pair.slice(0, colon);
      let set = index.get(mentee);
      if (!set) index.set(mentee, (set = new Set()));
      set.add(pair.slice(colon + 1));
    }
    exclusions.set(pairs, index);
  }
  return index;
}

/** Computed once per mentee: volunteers live in a few dozen districts, so no trigonometry per pair. */
function distancesFrom(from: Point | null, vocabulary: Vocabulary, ctx: ScoringContext): Float64Array {
  const km = new Float64Array(vocabulary.districts.size).fill(NaN);
  if (from === null) return km;
  for (const [name, id] of vocabulary.districts) {
    const to = pointOf(name, ctx);
    if (to !== null) km[id] = haversineKm(from, to);
  }
  return km;
}

export function prepareVolunteer(v: VolunteerProfile, ctx: ScoringContext, vocabulary: Vocabulary): PreparedVolunteer {
  const district = districtKey(v.district);
  const travel = v.travelKm === null || !Number.isFinite(v.travelKm) ? Infinity : Math.max(0, v.travelKm);
  const languages = spokenLanguages(v.languages);
  const interests = folded(v.interests, vocabulary.folds);
  return {
    profile: v,
    id: v.id,
    safeguardingCleared: v.safeguardingCleared,
    gender: genderCode(v.gender),
    age: v.age ?? -1,
    wantsGender: preferenceCode(v.preferredGender),
    ageGroups: ageGroupMask(v.preferredAgeGroups),
    full: !(v.activeMatches < v.capacity),
    languageIds: Array.from(languages.keys(), (code) => intern(vocabulary.languages, code)),
    languageValues: Array.from(languages.values(), (l) => l.value),
    slots: slotMask(v.availability),
    districtId: district === null ? -1 : intern(vocabulary.districts, district),
    travelKm: travel,
    interestIds: Array.from(interests.keys(), (key) => intern(vocabulary.interests, key)),
    servedNeeds: servedNeedsMask(v.activities),
  };
}

/** Prepares a mentee against the vocabulary of the volunteers it will be compared with (prepare those first). */
export function prepareMentee(m: MenteeProfile, ctx: ScoringContext, vocabulary: Vocabulary): PreparedMentee {
  const district = districtKey(m.district);
  const covered = new Set(m.coveredNeeds);
  const needs = [...new Set(m.needs)];
  const uncoveredNeeds = needs.filter((n) => !covered.has(n));
  const languages = [...spokenLanguages(m.languages).values()];
  const interests = [...folded(m.interests)];
  const min = m.preferredVolunteerAgeMin;
  const max = m.preferredVolunteerAgeMax;
  return {
    profile: m,
    minor: m.minor || (m.age !== null && m.age < 18),
    gender: genderCode(m.gender),
    wantsGender: preferenceCode(m.preferredVolunteerGender),
    hasAgeRange: min !== null || max !== null,
    ageMin: min ?? -Infinity,
    ageMax: max ?? Infinity,
    ageGroups: possibleAgeGroups(m.age, m.minor),
    allCovered: needs.length > 0 && uncoveredNeeds.length === 0,
    excluded: exclusionIndex(ctx.excluded).get(m.id) ?? NONE,
    languageIds: languages.map((l) => vocabulary.languages.get(l.code) ?? -1),
    languageValues: languages.map((l) => l.value),
    languages,
    slots: slotMask(m.availability),
    districtId: district === null ? -1 : (vocabulary.districts.get(district) ?? -1),
    hasDistrict: district !== null,
    maxKm: maxDistanceOf(ctx),
    kmByDistrict: distancesFrom(pointOf(district, ctx), vocabulary, ctx),
    interestIds: interests.map(([key]) => vocabulary.interests.get(key) ?? -1),
    interests,
    uncoveredNeeds,
    uncoveredMask: uncoveredNeeds.reduce((mask, n) => mask | needBit(n), 0),
  };
}

/** Volunteers prepared once for many rankings (e.g. all suggestions pages of an organisation). */
export interface PreparedVolunteers {
  readonly list: readonly PreparedVolunteer[];
  readonly vocabulary: Vocabulary;
}

/**
 * Precomputes every volunteer's facts, masks and vocabulary ids. Prepare again when profiles change. District
 * centres are looked up per ranking (in `ctx.districts`), so edited districts need no new preparation.
 */
export function prepareVolunteers(volunteers: readonly VolunteerProfile[], ctx: ScoringContext): PreparedVolunteers {
  const vocabulary = newVocabulary();
  return { list: volunteers.map((v) => prepareVolunteer(v, ctx, vocabulary)), vocabulary };
}

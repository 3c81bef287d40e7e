/**
 * The vocabulary the scorer understands and the compact forms it turns profiles into: weekly slots as a bit mask,
 * language levels as numbers, the needs-to-activities mapping, age groups and district centres.
 */
import type { LanguageLevel } from '../../volunteers/index.js';
import { isOneOf } from '../../../core/one-of.js';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export type Day = (typeof DAYS)[number];

const SLOT_INDEX = new Map<string, number>(DAYS.flatMap((d, i) => DAY_PARTS.map((p, j) => [`${d}-${p}`, i * DAY_PARTS.length + j] as const)));

/** "tue-evening" → bit 5 (day × 3 + part); -1 for anything else. */
export function slotIndex(slot: string): number {
  return SLOT_INDEX.get(slot) ?? -1;
}

/** The weekly grid as a 21-bit mask; unknown slot names are ignored. */
export function slotMask(slots: readonly string[]): number {
  let mask = 0;
  for (const s of slots) {
    const i = slotIndex(s);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/** The slots of a mask in week order ("mon-morning" first). */
export function slotsOf(mask: number): string[] {
  const out: string[] = [];
  for (let d = 0; d < DAYS.length; d++) {
    for (let p = 0; p < DAY_PARTS.length; p++) if (mask & (1 << (d * DAY_PARTS.length + p))) out.push(`${DAYS[d]}-${DAY_PARTS[p]}`);
  }
  return out;
}

/** The days a mask touches, in week order ("tue", "thu"). */
export function daysOf(mask: number): Day[] {
  return DAYS.filter((_, d) => (mask >> (d * DAY_PARTS.length)) & 0b111);
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How well someone speaks, for the language component (the LOWER of two people's values counts). */
export const LEVEL_VALUE: Readonly<Record<LanguageLevel['level'], number>> = {
  A1: 0.2,
  A2: 0.35,
  B1: 0.55,
  B2: 0.7,
  C1: 0.85,
  C2: 0.95,
  native: 1,
};

export interface SpokenLanguage {
  /** lower-case code as recorded ("uk", "pl") */
  code: string;
  level: LanguageLevel['level'];
  value: number;
}

/** One entry per language code (lower-cased; the best level if listed twice); entries with unknown levels are dropped. */
export function spokenLanguages(languages: readonly LanguageLevel[]): Map<string, SpokenLanguage> {
  const out = new Map<string, SpokenLanguage>();
  for (const l of languages) {
    const value = LEVEL_VALUE[l.level];
    if (typeof l.code !== 'string' || value === undefined) continue;
    const code = l.code.trim().toLowerCase();
    const known = out.get(code);
    if (code && (!known || known.value < value)) out.set(code, { code, level: l.level, value });
  }
  return out;
}

/**
 * Which of the volunteer's activities serve which need of a mentee. A need counts as offered when the volunteer
 * offers ANY of its activities. Needs outside this list can be recorded but no activity serves them.
 */
export const NEED_ACTIVITIES: Readonly<Record<string, readonly string[]>> = {
  language_practice: ['language_help'],
  school_help: ['school_help'],
  everyday_matters: ['errands', 'mentoring'],
  leisure: ['leisure', 'events'],
  companionship: ['mentoring', 'leisure'],
  job_search: ['mentoring'],
  official_matters: ['institution_assistance', 'errands'],
};
export const NEEDS = Object.keys(NEED_ACTIVITIES);

export function needBit(need: string): number {
  const i = NEEDS.indexOf(need);
  return i < 0 ? 0 : 1 << i;
}

/** The needs (as bits) a volunteer with these activities can serve. */
export function servedNeedsMask(activities: readonly string[]): number {
  let mask = 0;
  NEEDS.forEach((need, i) => {
    if (NEED_ACTIVITIES[need]!.some((a) => activities.includes(a))) mask |= 1 << i;
  });
  return mask;
}

export const AGE_GROUPS = ['children', 'teenagers', 'adults', 'seniors'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** children < 13, teenagers 13–17, adults 18–64, seniors 65+. */
export function ageGroupOf(age: number): AgeGroup {
  return age < 13 ? 'children' : age < 18 ? 'teenagers' : age < 65 ? 'adults' : 'seniors';
}

/** The stated groups as bits; unknown names are ignored, and 0 means "any". */
export function ageGroupMask(groups: readonly string[]): number {
  let mask = 0;
  for (const g of groups) if (isOneOf(AGE_GROUPS, g)) mask |= 1 << AGE_GROUPS.indexOf(g);
  return mask;
}

/**
 * The groups a mentee may belong to: their age's group; with no age, a minor is a child or a teenager; with neither,
 * 0 (unknown: fails any stated group).
 */
export function possibleAgeGroups(age: number | null, minor: boolean): number {
  if (age !== null) return 1 << AGE_GROUPS.indexOf(ageGroupOf(age));
  return minor ? ageGroupMask(['children', 'teenagers']) : 0;
}

/** District names match case-insensitively, ignoring surrounding and repeated spaces. */
export function districtKey(name: string | null): string | null {
  if (name === null) return null;
  const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return key || null;
}

/** A district centre in radians, with its latitude's cosine, ready for the haversine formula. */
export interface Point {
  lat: number;
  lon: number;
  cosLat: number;
}

type Districts = ReadonlyMap<string, { latitude: number; longitude: number }>;
const byKey = new WeakMap<Districts, Map<string, Point>>();

/** The organisation's districts by normalised name (built once per map). */
export function districtIndex(districts: Districts): Map<string, Point> {
  let index = byKey.get(districts);
  if (!index) {
    index = new Map();
    for (const [name, c] of districts) {
      const key = districtKey(name);
      if (key === null || !Number.isFinite(c.latitude) || !Number.isFinite(c.longitude)) continue;
      const lat = (c.latitude * Math.PI) / 180;
      index.set(key, { lat, lon: (c.longitude * Math.PI) / 180, cosLat: Math.cos(lat) });
    }
    byKey.set(districts, index);
  }
  return index;
}

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: Point, b: Point): number {
  const sLat = Math.sin((b.lat - a.lat) / 2);
  const sLon = Math.sin((b.lon - a.lon) / 2);
  const h = sLat * sLat + a.cosLat * b.cosLat * sLon * sLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

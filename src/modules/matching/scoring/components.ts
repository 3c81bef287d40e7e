/**
 * The weighted components. Each yields a fraction 0…1; its points are weight × fraction rounded to 2 decimals, and
 * the score is their sum rounded again, so the batch engine gets exact decimals. `scoreOf` (the ranking loop) and
 * `componentsOf` (what is shown) call the same fraction functions in the same order, so they always agree.
 *
 *  language      best common language, valued by the LOWER of the two levels (A1 .2 … C2 .95, native 1)
 *  availability  common weekly slots, full at FULL_SLOTS or more
 *  distance      1 at 0 km (same district), falling linearly to 0 at the programme's limit (default 15 km) or
 *                the volunteer's travel limit if smaller; 0 when either district is unknown or has no centre
 *  interests     shared interests (case- and diacritic-insensitive), full at FULL_INTERESTS or more
 *  needs         share of the mentee's still-uncovered needs that the volunteer offers (NEED_ACTIVITIES)
 *  waiting       days on the waiting list, linear up to FULL_WAITING_DAYS
 */
import { daysOf, needBit, popcount, slotsOf, spokenLanguages } from './profile-facts.js';
import { folded, type PreparedMentee, type PreparedVolunteer } from './prepare.js';
import type { Component, ComponentKey, Weights } from './types.js';

export const COMPONENT_KEYS: readonly ComponentKey[] = ['language', 'availability', 'distance', 'interests', 'needs', 'waiting'];
export const FULL_SLOTS = 3;
export const FULL_INTERESTS = 2;
export const FULL_WAITING_DAYS = 180;

export const round2 = (x: number) => Math.round(x * 100) / 100;

function languageFraction(pm: PreparedMentee, pv: PreparedVolunteer): number {
  let best = 0;
  const ids = pv.languageIds;
  for (let a = 0; a < pm.languageIds.length; a++) {
    const id = pm.languageIds[a]!;
    for (let b = 0; b < ids.length; b++) {
      if (ids[b] === id) best = Math.max(best, Math.min(pm.languageValues[a]!, pv.languageValues[b]!));
    }
  }
  return best;
}

const availabilityFraction = (pm: PreparedMentee, pv: PreparedVolunteer) => Math.min(popcount(pm.slots & pv.slots), FULL_SLOTS) / FULL_SLOTS;

/** 0 in the same district; null when either district or its centre is unknown. */
function distanceKm(pm: PreparedMentee, pv: PreparedVolunteer): number | null {
  if (pv.districtId < 0 || !pm.hasDistrict) return null;
  if (pv.districtId === pm.districtId) return 0;
  const km = pm.kmByDistrict[pv.districtId]!;
  return km === km ? km : null; // NaN: a centre is unknown
}

function distanceFraction(km: number | null, reachKm: number): number {
  if (km === null) return 0;
  if (km === 0) return 1;
  return reachKm <= 0 ? 0 : Math.max(0, 1 - km / reachKm);
}

function sharedInterests(pm: PreparedMentee, pv: PreparedVolunteer): number {
  let n = 0;
  const ids = pv.interestIds;
  for (let a = 0; a < pm.interestIds.length; a++) {
    const id = pm.interestIds[a]!;
    for (let b = 0; b < ids.length; b++) if (ids[b] === id) n++;
  }
  return n;
}

function needsFraction(pm: PreparedMentee, pv: PreparedVolunteer): number {
  const uncovered = pm.uncoveredNeeds.length;
  return uncovered === 0 ? 0 : popcount(pm.uncoveredMask & pv.servedNeeds) / uncovered;
}

export function waitingFraction(days: number): number {
  return Number.isFinite(days) ? Math.min(Math.max(days, 0), FULL_WAITING_DAYS) / FULL_WAITING_DAYS : 0;
}

const pointsOf = (weight: number, fraction: number) => round2(weight * fraction);

/** The score alone (no allocation), equal to the sum of `componentsOf(...)` points rounded to 2 decimals. */
export function scoreOf(pm: PreparedMentee, pv: PreparedVolunteer, w: Weights): number {
  return round2(
    pointsOf(w.language, languageFraction(pm, pv)) +
      pointsOf(w.availability, availabilityFraction(pm, pv)) +
      pointsOf(w.distance, distanceFraction(distanceKm(pm, pv), Math.min(pm.maxKm, pv.travelKm))) +
      pointsOf(w.interests, Math.min(sharedInterests(pm, pv), FULL_INTERESTS) / FULL_INTERESTS) +
      pointsOf(w.needs, needsFraction(pm, pv)) +
      pointsOf(w.waiting, waitingFraction(pm.profile.daysWaiting)),
  );
}

/**
 * Every component with its points and the facts its reason is written from. `detail` is plain JSON (codes, not
 * words) so a stored proposal can be explained again later in any language.
 */
export function componentsOf(pm: PreparedMentee, pv: PreparedVolunteer, w: Weights): Component[] {
  const spoken = spokenLanguages(pv.profile.languages);
  const languages = pm.languages
    .flatMap((l) => {
      const other = spoken.get(l.code);
      return other ? [{ code: l.code, mentee: l.level, volunteer: other.level, value: Math.min(l.value, other.value) }] : [];
    })
    .sort((a, b) => b.value - a.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map(({ value: _value, ...rest }) => rest);

  const common = pm.slots & pv.slots;
  const km = distanceKm(pm, pv);
  const reachKm = Math.min(pm.maxKm, pv.travelKm);
  const theirs = folded(pv.profile.interests);
  const interests = pm.interests.filter(([key]) => theirs.has(key)).map(([, written]) => written);
  const offered = pm.uncoveredNeeds.filter((n) => (needBit(n) & pv.servedNeeds) !== 0);
  const days = Number.isFinite(pm.profile.daysWaiting) ? Math.max(0, Math.floor(pm.profile.daysWaiting)) : 0;

  const component = (key: ComponentKey, fraction: number, detail: Record<string, unknown>): Component => ({
    key,
    points: pointsOf(w[key], fraction),
    max: w[key],
    detail,
  });
  return [
    component('language', languageFraction(pm, pv), { languages }),
    component('availability', availabilityFraction(pm, pv), { count: popcount(common), slots: slotsOf(common), days: daysOf(common) }),
    component(
      'distance',
      distanceFraction(km, reachKm),
      // `limit` says whose limit applies (the programme's or the volunteer's), so the reason can name it.
      km === null
        ? { known: false }
        : { known: true, km: round2(km), sameDistrict: pv.districtId === pm.districtId, reachKm, limit: pv.travelKm < pm.maxKm ? 'volunteer' : 'programme' },
    ),
    component('interests', Math.min(sharedInterests(pm, pv), FULL_INTERESTS) / FULL_INTERESTS, { interests }),
    component('needs', needsFraction(pm, pv), { offered, uncovered: pm.uncoveredNeeds }),
    component('waiting', waitingFraction(pm.profile.daysWaiting), { days }),
  ];
}

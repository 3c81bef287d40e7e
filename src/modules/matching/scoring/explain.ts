/**
 * Reasons in plain words, in the viewer's language, written from a component's or violation's `detail` alone (so
 * proposals stored as JSON can be explained again later). Language and weekday names come from Intl.
 */
import { dynamicKey, type Translate } from '../../../core/i18n/catalogue.js';
import { formatList, languageName, weekdayName } from '../../../core/i18n/format.js';
import { INTL_TAG, type Locale } from '../../../core/i18n/locales.js';
import { VIOLATION_KEYS } from './constraints.js';
import { DAYS, type Day } from './profile-facts.js';
import type { LeftOut } from './rank.js';
import type { Caution, Component, Violation } from './types.js';
import { isOneOf } from '../../../core/one-of.js';

const P = 'matching.scoring';

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const and = (items: string[], locale: Locale) => formatList(items, locale, 'conjunction');

function km(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 1 }).format(value);
}

/** One component's reason, e.g. "both speak Ukrainian", "3 common free slots on Tuesday and Thursday", "2.1 km apart". */
export function explainComponent(c: Component, t: Translate, locale: Locale): string {
  const d = c.detail;
  switch (c.key) {
    case 'language': {
      const codes = Array.isArray(d.languages) ? d.languages.map((l: { code?: unknown }) => l?.code).filter((x): x is string => typeof x === 'string') : [];
      if (!codes.length) return t(`${P}.language.none`);
      return t(`${P}.language`, { count: codes.length, languages: and(codes.map((code) => languageName(locale, code)), locale) });
    }
    case 'availability': {
      const days = strings(d.days).filter((x): x is Day => isOneOf(DAYS, x));
      const count = num(d.count) ?? 0;
      if (count === 0 || !days.length) return t(`${P}.availability.none`);
      return t(`${P}.availability`, { count, days: and(days.map((day) => weekdayName(locale, DAYS.indexOf(day))), locale) });
    }
    case 'distance': {
      const value = num(d.km);
      if (d.known !== true || value === null) return t(`${P}.distance.unknown`);
      if (d.sameDistrict === true) return t(`${P}.distance.same`);
      const reach = num(d.reachKm);
      if (reach !== null && value >= reach) return t(`${P}.distance.beyond.${d.limit === 'volunteer' ? 'volunteer' : 'programme'}`, { km: km(value, locale), limit: km(reach, locale) });
      return t(`${P}.distance`, { km: km(value, locale) });
    }
    case 'interests': {
      const shared = strings(d.interests);
      if (!shared.length) return t(`${P}.interests.none`);
      return t(`${P}.interests`, { count: shared.length, interests: and(shared, locale) });
    }
    case 'needs': {
      const offered = strings(d.offered);
      if (!offered.length) return t(`${P}.needs.none`);
      return t(`${P}.needs`, { count: offered.length, needs: and(offered.map((n) => needName(n, t)), locale) });
    }
    case 'waiting':
      return t(`${P}.waiting`, { days: Math.max(0, Math.floor(num(d.days) ?? 0)) });
  }
}

/** A need's name ("school", "everyday matters"); a need the catalogue does not know shows as recorded. */
function needName(need: string, t: Translate): string {
  // dynamicKey: needs come from stored components; a code the catalogue lacks comes back as the key itself.
  const key = `${P}.need.${need}`;
  const name = t(dynamicKey(key));
  return name === key ? need : name;
}

/**
 * The non-zero reasons joined with "; " (Arabic: "؛ "), in component order:
 * "both speak Ukrainian; 3 common free slots on Tuesday and Thursday; 2.1 km apart; both like football".
 */
export function summary(components: readonly Component[], t: Translate, locale: Locale): string {
  return components
    .filter((c) => c.points > 0)
    .map((c) => explainComponent(c, t, locale))
    .join(locale === 'ar' ? '؛ ' : '; ');
}

/** Why a pair may not be made, e.g. "the person is a minor and the volunteer has no valid safeguarding check". */
export function explainViolation(v: Violation, t: Translate, locale: Locale): string {
  const d = v.detail;
  switch (v.key) {
    case 'mentee_age_preference': {
      const min = num(d.min);
      const max = num(d.max);
      const range = min !== null && max !== null ? 'between' : min !== null ? 'from' : 'to';
      const unknownAge = num(d.volunteerAge) === null ? '.unknownAge' : '';
      return t(`${P}.violation.mentee_age_preference.${range}${unknownAge}`, { min: min ?? 0, max: max ?? 0 });
    }
    case 'mentee_gender_preference':
    case 'volunteer_gender_preference':
      return t(`${P}.violation.${v.key}.${d.preferred === 'male' ? 'male' : 'female'}`);
    case 'volunteer_age_preference':
      // dynamicKey: the age groups come from the violation's detail, stored as JSON.
      return t(`${P}.violation.volunteer_age_preference`, { groups: and(strings(d.groups).map((g) => t(dynamicKey(`${P}.ageGroup.${g}`))), locale) });
    case 'capacity_full':
      return t(`${P}.violation.capacity_full`, { active: num(d.activeMatches) ?? 0, capacity: num(d.capacity) ?? 0 });
    default:
      return t(`${P}.violation.${v.key}`);
  }
}

/** e.g. "the person is a vulnerable adult; the volunteer's safeguarding check is valid". */
export function explainCaution(c: Caution, t: Translate, _locale: Locale): string {
  return t(`${P}.caution.${c.key}.${c.detail.safeguardingCleared === true ? 'cleared' : 'notCleared'}`);
}

/**
 * "12 volunteers left out: 9 because their places are all taken, 3 because the safeguarding check is missing"
 * (largest group first). One candidate may be counted under several reasons.
 */
export function explainLeftOut(leftOut: LeftOut, side: 'volunteers' | 'mentees', t: Translate, locale: Locale): string {
  const reasons = VIOLATION_KEYS.filter((k) => (leftOut.byKey[k] ?? 0) > 0)
    .sort((a, b) => leftOut.byKey[b]! - leftOut.byKey[a]! || VIOLATION_KEYS.indexOf(a) - VIOLATION_KEYS.indexOf(b))
    .map((k) => t(`${P}.leftOut.${k}`, { count: leftOut.byKey[k]! }));
  return t(`${P}.leftOut.${side}`, { count: leftOut.count, reasons: formatList(reasons, locale) });
}

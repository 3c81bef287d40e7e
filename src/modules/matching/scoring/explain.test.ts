/**
 * Reasons in words: the example sentence in English (and in Polish and Arabic without missing keys),
 * plural forms, violations, cautions and the "left out" sentence in every language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../../../core/i18n/catalogue.js';
import { LOCALES, type Locale } from '../../../core/i18n/locales.js';
import { VIOLATION_KEYS } from './constraints.js';
import { explainCaution, explainComponent, explainLeftOut, explainViolation, summary } from './explain.js';
import { EARTH_RADIUS_KM } from './profile-facts.js';
import { scorePair } from './score-pair.js';
import type { Component, MenteeProfile, ScoringContext, Violation, VolunteerProfile } from './types.js';
import { DEFAULT_WEIGHTS } from './weights.js';

// Two district centres exactly 2.1 km apart along a meridian (Δlat = d / R radians).
const CENTRE = { latitude: 52.2297, longitude: 21.0122 };
const districts: ScoringContext['districts'] = new Map([
  ['Śródmieście', CENTRE],
  ['Ochota', { latitude: CENTRE.latitude + ((2.1 / EARTH_RADIUS_KM) * 180) / Math.PI, longitude: CENTRE.longitude }],
]);

const mentee: MenteeProfile = {
  id: 'm1',
  needs: ['companionship'],
  coveredNeeds: [],
  languages: [{ code: 'uk', level: 'native' }, { code: 'pl', level: 'A1' }],
  availability: ['tue-morning', 'tue-evening', 'thu-afternoon', 'fri-morning'],
  district: 'Śródmieście',
  interests: ['football', 'cooking'],
  gender: 'female',
  age: 34,
  minor: false,
  vulnerableAdult: false,
  preferredVolunteerGender: 'any',
  preferredVolunteerAgeMin: null,
  preferredVolunteerAgeMax: null,
  daysWaiting: 0,
};
const volunteer: VolunteerProfile = {
  id: 'v1',
  languages: [{ code: 'uk', level: 'C1' }, { code: 'en', level: 'B2' }],
  availability: ['tue-morning', 'tue-evening', 'thu-afternoon', 'sat-morning'],
  district: 'ochota',
  interests: ['Football', 'chess'],
  activities: ['school_help'],
  gender: 'male',
  age: 41,
  preferredGender: 'any',
  preferredAgeGroups: ['adults'],
  travelKm: 10,
  capacity: 2,
  activeMatches: 1,
  safeguardingCleared: false,
};

function components(): Component[] {
  const s = scorePair(mentee, volunteer, { weights: DEFAULT_WEIGHTS, districts, excluded: new Set() });
  assert.ok(s.eligible);
  return s.components;
}

test("the issue's sentence, in English", () => {
  assert.equal(summary(components(), translator('en'), 'en'), 'both speak Ukrainian; 3 common free slots on Tuesday and Thursday; 2.1 km apart; both like football');
});

test('the same pair in Polish and Arabic, with no missing keys', () => {
  assert.equal(summary(components(), translator('pl'), 'pl'), 'wspólny język: ukraiński; 3 wspólne wolne pory: wtorek i czwartek; 2,1 km od siebie; wspólne zainteresowanie: football');
  const ar = summary(components(), translator('ar'), 'ar');
  assert.equal(ar, 'لغة مشتركة: الأوكرانية؛ 3 فترات فراغ مشتركة: الثلاثاء والخميس؛ على بعد 2.1 كم من بعضهما؛ اهتمام مشترك: \u2068football\u2069'); // Latin words are isolated in Arabic text
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const c of components()) assert.doesNotMatch(explainComponent(c, t, locale), /matching\.scoring/, `${locale} ${c.key}`);
  }
});

const slots = (count: number): Component => ({ key: 'availability', points: 1, max: 1, detail: { count, days: ['tue'] } });
const waiting = (days: number): Component => ({ key: 'waiting', points: 1, max: 1, detail: { days } });

test('Polish plurals: 1 wspólna wolna pora, 3 wspólne wolne pory, 5 wspólnych wolnych pór, 22 wspólne wolne pory', () => {
  const t = translator('pl');
  assert.deepEqual(
    [1, 3, 5, 22].map((n) => explainComponent(slots(n), t, 'pl')),
    ['1 wspólna wolna pora: wtorek', '3 wspólne wolne pory: wtorek', '5 wspólnych wolnych pór: wtorek', '22 wspólne wolne pory: wtorek'],
  );
  assert.deepEqual(
    [1, 3, 5, 22].map((n) => explainComponent(waiting(n), t, 'pl')),
    ['czeka od 1 dnia', 'czeka od 3 dni', 'czeka od 5 dni', 'czeka od 22 dni'],
  );
});

test('English, Ukrainian and German plurals for waiting and slots', () => {
  assert.deepEqual([0, 1, 45].map((n) => explainComponent(waiting(n), translator('en'), 'en')), ['joined the waiting list today', 'waiting for 1 day', 'waiting for 45 days']);
  assert.deepEqual([1, 3, 5, 21].map((n) => explainComponent(waiting(n), translator('uk'), 'uk')), ['чекає 1 день', 'чекає 3 дні', 'чекає 5 днів', 'чекає 21 день']);
  assert.equal(explainComponent(slots(1), translator('de'), 'de'), '1 gemeinsames freies Zeitfenster: Dienstag');
  assert.equal(explainComponent(slots(1), translator('en'), 'en'), '1 common free slot on Tuesday');
});

test('Arabic: six different forms for 0, 1, 2, 3, 11 and 100 common slots', () => {
  const t = translator('ar');
  const words = [0, 1, 2, 3, 11, 100].map((n) => t('matching.scoring.availability', { count: n, days: 'X' }).replace(/\d+/g, '#'));
  assert.equal(new Set(words).size, 6, words.join(' | '));
  assert.equal(explainComponent(slots(1), t, 'ar'), 'فترة فراغ مشتركة واحدة: الثلاثاء');
  assert.equal(explainComponent(slots(2), t, 'ar'), 'فترتا فراغ مشتركتان: الثلاثاء');
  assert.equal(explainComponent(slots(3), t, 'ar'), '3 فترات فراغ مشتركة: الثلاثاء');
});

test('zero and unknown components have their own words', () => {
  const t = translator('en');
  const c = (key: Component['key'], detail: Record<string, unknown>): string => explainComponent({ key, points: 0, max: 10, detail }, t, 'en');
  assert.equal(c('distance', { known: false }), 'distance unknown');
  assert.equal(c('distance', { known: true, km: 0, sameDistrict: true }), 'in the same district');
  assert.equal(c('distance', { known: true, km: 12.345, sameDistrict: false }), '12.3 km apart');
  assert.equal(c('language', { languages: [] }), 'no common language');
  assert.equal(c('availability', { count: 0, slots: [], days: [] }), 'no common free time');
  assert.equal(c('interests', { interests: [] }), 'no shared interests');
  assert.equal(c('needs', { offered: [], uncovered: ['job_search'] }), 'offers none of the help needed');
  assert.equal(c('needs', { offered: ['school_help', 'everyday_matters'] }), 'offers help with school and everyday matters');
  assert.equal(c('language', { languages: [{ code: 'uk' }, { code: 'pl' }] }), 'both speak Ukrainian and Polish');
  assert.equal(explainComponent({ key: 'language', points: 1, max: 1, detail: { languages: [{ code: 'uk' }] } }, translator('de'), 'de'), 'beide sprechen Ukrainisch');
  // stored detail from an unknown shape does not throw
  assert.equal(c('interests', {}), 'no shared interests');
});

test('summary leaves out components without points', () => {
  const t = translator('en');
  const parts: Component[] = [
    { key: 'language', points: 0, max: 25, detail: { languages: [] } },
    { key: 'waiting', points: 5, max: 10, detail: { days: 90 } },
  ];
  assert.equal(summary(parts, t, 'en'), 'waiting for 90 days');
  assert.equal(summary([], t, 'en'), '');
});

const violations: Violation[] = [
  { key: 'safeguarding_required', detail: { minor: true, menteeAge: 12 } },
  { key: 'mentee_gender_preference', detail: { preferred: 'female', volunteerGender: 'male' } },
  { key: 'mentee_gender_preference', detail: { preferred: 'male', volunteerGender: null } },
  { key: 'mentee_age_preference', detail: { min: 25, max: 40, volunteerAge: 60 } },
  { key: 'mentee_age_preference', detail: { min: 25, max: null, volunteerAge: null } },
  { key: 'mentee_age_preference', detail: { min: null, max: 40, volunteerAge: 50 } },
  { key: 'volunteer_gender_preference', detail: { preferred: 'male', menteeGender: 'female' } },
  { key: 'volunteer_age_preference', detail: { groups: ['children', 'teenagers'], menteeAge: 30 } },
  { key: 'capacity_full', detail: { capacity: 2, activeMatches: 2 } },
  { key: 'needs_already_covered', detail: { needs: ['leisure'] } },
  { key: 'excluded', detail: {} },
];

test('every violation explained in English', () => {
  const t = translator('en');
  assert.deepEqual(
    violations.map((v) => explainViolation(v, t, 'en')),
    [
      'the person is a minor and the volunteer has no valid safeguarding check',
      'the person would prefer a female volunteer',
      'the person would prefer a male volunteer',
      'the person would prefer a volunteer aged 25–40',
      "the person would prefer a volunteer aged 25 or older, and the volunteer's age is not recorded",
      'the person would prefer a volunteer aged up to 40',
      'the volunteer would prefer to support a man',
      'the volunteer would prefer to support children (under 13) and teenagers (13–17)',
      "the volunteer's places are all taken (2 of 2)",
      "all the person's needs are already served by active matches",
      'a coordinator excluded this pair',
    ],
  );
});

test('violations, cautions and left-out sentences exist in every language', () => {
  const all: Locale[] = [...LOCALES];
  for (const locale of all) {
    const t = translator(locale);
    const texts = [
      ...violations.map((v) => explainViolation(v, t, locale)),
      explainCaution({ key: 'vulnerable_adult', detail: { safeguardingCleared: true } }, t, locale),
      explainCaution({ key: 'vulnerable_adult', detail: { safeguardingCleared: false } }, t, locale),
      explainLeftOut({ count: 12, byKey: Object.fromEntries(VIOLATION_KEYS.map((k, i) => [k, i + 1])) }, 'volunteers', t, locale),
      explainLeftOut({ count: 1, byKey: { excluded: 1 } }, 'mentees', t, locale),
    ];
    for (const text of texts) assert.doesNotMatch(text, /matching\.scoring|\{|\}/, `${locale}: ${text}`);
    assert.equal(new Set(texts).size, texts.length, `${locale}: two different facts read the same`);
  }
});

test('left out: largest group first', () => {
  const t = translator('en');
  assert.equal(
    explainLeftOut({ count: 12, byKey: { safeguarding_required: 3, capacity_full: 9 } }, 'volunteers', t, 'en'),
    '12 volunteers left out: 9 because the places are all taken, 3 because a safeguarding check is missing',
  );
  assert.equal(explainLeftOut({ count: 1, byKey: { excluded: 1 } }, 'mentees', t, 'en'), '1 person left out: 1 because a coordinator excluded the pair');
  assert.equal(explainLeftOut({ count: 5, byKey: { capacity_full: 5 } }, 'volunteers', translator('pl'), 'pl'), 'Pominięto 5 wolontariuszy: 5 z powodu braku wolnych miejsc');
});

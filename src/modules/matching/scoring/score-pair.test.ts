/**
 * Properties of scorePair on random profiles: hard constraints (against an independent oracle), score bounds,
 * weights, monotonic availability; plus the component rules on hand-made pairs.
 *   npx tsx --test src/modules/matching/scoring/*.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMPONENT_KEYS } from './components.js';
import { scorePair } from './score-pair.js';
import { brokenConstraints, districtKm, DISTRICTS, menteeArb, RUNS, SLOT_NAMES, volunteerArb, weightsArb } from './test-support.js';
import type { Component, ComponentKey, MenteeProfile, PairScore, ScoringContext, VolunteerProfile, Weights } from './types.js';
import { DEFAULT_WEIGHTS } from './weights.js';

const pairArb = fc.record({ mentee: menteeArb('m1'), volunteer: volunteerArb('v1'), weights: weightsArb, excluded: fc.boolean() });
const ctxOf = (weights: Weights, excluded: boolean): ScoringContext => ({ weights, districts: DISTRICTS, excluded: new Set(excluded ? ['m1:v1'] : []) });
const component = (s: PairScore, key: ComponentKey): Component => {
  assert.ok(s.eligible);
  return s.components.find((c) => c.key === key)!;
};

test('eligible exactly when no hard constraint is broken, and every broken one is reported', () => {
  fc.assert(
    fc.property(pairArb, ({ mentee, volunteer, weights, excluded }) => {
      const ctx = ctxOf(weights, excluded);
      const broken = brokenConstraints(mentee, volunteer, ctx.excluded);
      const s = scorePair(mentee, volunteer, ctx);
      if (s.eligible) assert.equal(broken.size, 0, `eligible but breaks ${[...broken].join(', ')}`);
      else assert.deepEqual(new Set(s.violations.map((v) => v.key)), broken);
    }),
    { numRuns: RUNS * 3 },
  );
});

test('random pairs reach both outcomes and every constraint (the generators are not vacuous)', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(pairArb, ({ mentee, volunteer, weights, excluded }) => {
      const s = scorePair(mentee, volunteer, ctxOf(weights, excluded));
      if (s.eligible) seen.add('eligible');
      else for (const v of s.violations) seen.add(v.key);
    }),
    { numRuns: 2000, seed: 7 },
  );
  assert.equal(seen.size, 9, [...seen].join(', '));
});

test('score within [0, sum of weights], each component within [0, its weight], score = rounded sum', () => {
  fc.assert(
    fc.property(pairArb, ({ mentee, volunteer, weights }) => {
      const s = scorePair(mentee, volunteer, ctxOf(weights, false));
      if (!s.eligible) return;
      const total = COMPONENT_KEYS.reduce((n, k) => n + weights[k], 0);
      assert.deepEqual(s.components.map((c) => c.key), COMPONENT_KEYS);
      for (const c of s.components) {
        assert.equal(c.max, weights[c.key]);
        assert.ok(c.points >= 0 && c.points <= c.max, `${c.key}: ${c.points} of ${c.max}`);
      }
      assert.ok(s.score >= 0 && s.score <= total, `${s.score} of ${total}`);
      assert.equal(s.score, Math.round(s.components.reduce((n, c) => n + c.points, 0) * 100) / 100);
      assert.equal(s.score, Math.round(s.score * 100) / 100, 'two decimals');
    }),
    { numRuns: RUNS },
  );
});

test('a weight of 0 switches its component off and leaves the others alone', () => {
  fc.assert(
    fc.property(pairArb, fc.constantFrom(...COMPONENT_KEYS), ({ mentee, volunteer, weights }, off) => {
      const before = scorePair(mentee, volunteer, ctxOf(weights, false));
      const after = scorePair(mentee, volunteer, ctxOf({ ...weights, [off]: 0 }, false));
      assert.equal(after.eligible, before.eligible);
      if (!before.eligible || !after.eligible) return;
      for (const c of after.components) {
        if (c.key === off) assert.deepEqual([c.points, c.max], [0, 0]);
        else assert.equal(c.points, before.components.find((b) => b.key === c.key)!.points);
      }
    }),
    { numRuns: RUNS },
  );
});

test('more common slots never lower the availability points', () => {
  fc.assert(
    fc.property(pairArb, fc.constantFrom(...SLOT_NAMES), ({ mentee, volunteer, weights }, slot) => {
      const ctx = ctxOf(weights, false);
      const before = scorePair(mentee, volunteer, ctx);
      if (!before.eligible) return;
      const after = scorePair({ ...mentee, availability: [...mentee.availability, slot] }, { ...volunteer, availability: [...volunteer.availability, slot] }, ctx);
      assert.ok(component(after, 'availability').points >= component(before, 'availability').points);
    }),
    { numRuns: RUNS },
  );
});

test('distance points follow the rule: same district full, else linear to 0 at min(15 km, travel limit)', () => {
  fc.assert(
    fc.property(pairArb, ({ mentee, volunteer, weights }) => {
      const s = scorePair(mentee, volunteer, ctxOf({ ...weights, distance: 100 }, false));
      if (!s.eligible) return;
      const same = mentee.district !== null && volunteer.district !== null && mentee.district.trim().toLowerCase() === volunteer.district.trim().toLowerCase();
      const km = same ? 0 : districtKm(mentee.district, volunteer.district);
      const reach = Math.min(15, volunteer.travelKm ?? 15);
      const expected = km === null ? 0 : km === 0 ? 100 : reach <= 0 ? 0 : Math.max(0, 100 * (1 - km / reach));
      assert.ok(Math.abs(component(s, 'distance').points - expected) <= 0.005 + 1e-9, `${mentee.district} / ${volunteer.district}: ${component(s, 'distance').points} vs ${expected}`);
    }),
    { numRuns: RUNS },
  );
});

test('language points follow the rule: best common language at the lower level', () => {
  const value: Record<string, number> = { A1: 0.2, A2: 0.35, B1: 0.55, B2: 0.7, C1: 0.85, C2: 0.95, native: 1 };
  fc.assert(
    fc.property(pairArb, ({ mentee, volunteer, weights }) => {
      const s = scorePair(mentee, volunteer, ctxOf({ ...weights, language: 100 }, false));
      if (!s.eligible) return;
      let best = 0;
      for (const a of mentee.languages) {
        for (const b of volunteer.languages) if (a.code.toLowerCase() === b.code.toLowerCase()) best = Math.max(best, Math.min(value[a.level]!, value[b.level]!));
      }
      assert.equal(component(s, 'language').points, Math.round(best * 10000) / 100);
    }),
    { numRuns: RUNS },
  );
});

// --- The component rules on hand-made pairs ------------------------------------------------------

const mentee = (over: Partial<MenteeProfile> = {}): MenteeProfile => ({
  id: 'm1',
  needs: ['school_help'],
  coveredNeeds: [],
  languages: [],
  availability: [],
  district: null,
  interests: [],
  gender: null,
  age: 30,
  minor: false,
  vulnerableAdult: false,
  preferredVolunteerGender: null,
  preferredVolunteerAgeMin: null,
  preferredVolunteerAgeMax: null,
  daysWaiting: 0,
  ...over,
});
const volunteer = (over: Partial<VolunteerProfile> = {}): VolunteerProfile => ({
  id: 'v1',
  languages: [],
  availability: [],
  district: null,
  interests: [],
  activities: [],
  gender: null,
  age: 40,
  preferredGender: null,
  preferredAgeGroups: [],
  travelKm: null,
  capacity: 1,
  activeMatches: 0,
  safeguardingCleared: false,
  ...over,
});
const W: Weights = { language: 100, availability: 100, distance: 100, interests: 100, needs: 100, waiting: 100 };
const score = (m: MenteeProfile, v: VolunteerProfile, weights = W) => scorePair(m, v, { weights, districts: DISTRICTS, excluded: new Set() });

test('language: the best common language at the lower of the two levels', () => {
  const s = score(
    mentee({ languages: [{ code: 'uk', level: 'native' }, { code: 'pl', level: 'B1' }, { code: 'de', level: 'C2' }] }),
    volunteer({ languages: [{ code: 'PL', level: 'C1' }, { code: 'uk', level: 'A2' }, { code: 'en', level: 'native' }] }),
  );
  const c = component(s, 'language');
  assert.equal(c.points, 55); // pl: min(B1 .55, C1 .85) beats uk: min(native, A2 .35)
  assert.deepEqual(c.detail.languages, [
    { code: 'pl', mentee: 'B1', volunteer: 'C1' },
    { code: 'uk', mentee: 'native', volunteer: 'A2' },
  ]);
  assert.equal(component(score(mentee(), volunteer()), 'language').points, 0);
});

test('availability: full points at 3 common slots; detail lists them in week order', () => {
  const v = volunteer({ availability: ['thu-evening', 'tue-morning', 'mon-morning', 'sun-evening'] });
  const points = (slots: string[]) => component(score(mentee({ availability: slots }), v), 'availability');
  assert.equal(points([]).points, 0);
  assert.equal(points(['tue-morning']).points, 33.33);
  assert.equal(points(['tue-morning', 'thu-evening']).points, 66.67);
  const full = points(['thu-evening', 'tue-morning', 'sun-evening', 'mon-morning', 'wed-morning']);
  assert.equal(full.points, 100);
  assert.deepEqual(full.detail, { count: 4, slots: ['mon-morning', 'tue-morning', 'thu-evening', 'sun-evening'], days: ['mon', 'tue', 'thu', 'sun'] });
});

test('distance: haversine between district centres, case-insensitive names, falling to 0 at 15 km or the travel limit', () => {
  // Mokotów–Wola: Δlat 0.0427° ≈ 4.75 km, Δlon 0.0755° ≈ 5.15 km at 52.2° N → ≈ 7.0 km
  const d = (md: string | null, vd: string | null, travelKm: number | null = null) => component(score(mentee({ district: md }), volunteer({ district: vd, travelKm })), 'distance');
  const mw = d('Mokotów', 'wola');
  assert.equal(mw.detail.known, true);
  assert.ok(Math.abs((mw.detail.km as number) - 7.0) < 0.05, String(mw.detail.km));
  assert.ok(Math.abs(mw.points - (1 - (mw.detail.km as number) / 15) * 100) < 0.02, String(mw.points));
  assert.equal(d('Mokotów', 'wola', 5).points, 0);
  assert.ok(d('Mokotów', 'wola', 10).points < mw.points);
  assert.deepEqual([d('  MOKOTÓW ', 'Mokotów').points, d('  MOKOTÓW ', 'Mokotów').detail.sameDistrict], [100, true]);
  assert.deepEqual([d('Mokotów', 'Mokotów', 0).points], [100]); // same district: 0 km even for someone who will not travel
  for (const [a, b] of [['Mokotów', null], [null, 'Wola'], ['Mokotów', 'Nowhere'], ['Bemowo', 'Bemowo']] as const) {
    assert.deepEqual(d(a, b).points, b === 'Bemowo' ? 100 : 0, `${a} / ${b}`);
  }
  assert.deepEqual(d('Mokotów', 'Nowhere').detail, { known: false });
});

test('interests: compared case- and diacritic-insensitively, as the mentee wrote them', () => {
  const c = component(score(mentee({ interests: ['Żeglarstwo', 'Football', 'chess'] }), volunteer({ interests: ['zeglarstwo ', 'football', 'music'] })), 'interests');
  assert.deepEqual(c.detail.interests, ['Żeglarstwo', 'Football']);
  assert.equal(c.points, 100);
  assert.equal(component(score(mentee({ interests: ['chess'] }), volunteer({ interests: ['CHESS'] })), 'interests').points, 50);
});

test('needs: share of the still-uncovered needs the volunteer offers, by the documented mapping', () => {
  const c = component(
    score(
      mentee({ needs: ['school_help', 'everyday_matters', 'job_search', 'leisure'], coveredNeeds: ['leisure'] }),
      volunteer({ activities: ['school_help', 'errands', 'events'] }),
    ),
    'needs',
  );
  assert.deepEqual(c.detail, { offered: ['school_help', 'everyday_matters'], uncovered: ['school_help', 'everyday_matters', 'job_search'] });
  assert.equal(c.points, 66.67);
});

test('waiting: linear to 180 days, capped', () => {
  const w = (days: number) => component(score(mentee({ daysWaiting: days }), volunteer()), 'waiting').points;
  assert.deepEqual([w(0), w(45), w(180), w(900)], [0, 25, 100, 100]);
});

test('a vulnerable adult is a caution, not a constraint; a recorded age under 18 counts as a minor', () => {
  const s = score(mentee({ vulnerableAdult: true }), volunteer());
  assert.ok(s.eligible);
  assert.deepEqual(s.cautions, [{ key: 'vulnerable_adult', detail: { safeguardingCleared: false } }]);
  const young = score(mentee({ age: 15, minor: false }), volunteer());
  assert.ok(!young.eligible && young.violations.some((v) => v.key === 'safeguarding_required'));
  assert.ok(score(mentee({ age: 15 }), volunteer({ safeguardingCleared: true })).eligible);
});

test('volunteer age groups: with no age a minor must fit both children and teenagers; unknown otherwise fails', () => {
  const ok = (m: Partial<MenteeProfile>, groups: string[]) => score(mentee(m), volunteer({ preferredAgeGroups: groups, safeguardingCleared: true })).eligible;
  assert.equal(ok({ age: null, minor: true }, ['children', 'teenagers']), true);
  assert.equal(ok({ age: null, minor: true }, ['teenagers']), false);
  assert.equal(ok({ age: null, minor: false }, ['adults', 'seniors']), false);
  assert.equal(ok({ age: 12 }, ['children']), true);
  assert.equal(ok({ age: 13 }, ['children']), false);
  assert.equal(ok({ age: 65 }, ['seniors']), true);
  assert.equal(ok({ age: 64 }, ['seniors', 'toddlers']), false);
  assert.equal(ok({ age: null }, ['toddlers']), true); // no known group named: any
});

test('the default weights sum to 100', () => {
  assert.equal(COMPONENT_KEYS.reduce((n, k) => n + DEFAULT_WEIGHTS[k], 0), 100);
});

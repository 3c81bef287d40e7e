/**
 * batchInstance (pure): a waiting list spread over programmes with different weights, merged on one set of volunteers.
 * The engine's optimum on it equals a brute force over `scorePair` with each mentee's own weights.
 *   npx tsx scripts/test.ts --only=unit src/modules/matching/batch/instance.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { solveAssignment } from '../engine/assignment.js';
import { scorePair, weightsFrom } from '../scoring/index.js';
import type { MenteeProfile, ScoringContext, VolunteerProfile } from '../scoring/types.js';
import { bestAssignment } from './brute-force.js';
import { batchInstance } from './instance.js';

const SLOTS = ['mon-morning', 'tue-evening', 'sat-afternoon'];
const NEEDS = ['leisure', 'school_help', 'job_search'];
const ACTIVITIES = ['leisure', 'school_help', 'mentoring'];
const PROGRAMMES = [null, 'p-lang', 'p-needs'] as const;

const contexts: Record<string, ScoringContext> = {
  none: { weights: weightsFrom({}), districts: new Map(), excluded: new Set() },
  'p-lang': { weights: weightsFrom({ language: 90, availability: 0, distance: 0, interests: 0, needs: 10, waiting: 0 }), districts: new Map(), excluded: new Set() },
  'p-needs': { weights: weightsFrom({ language: 0, availability: 10, distance: 0, interests: 0, needs: 80, waiting: 10 }), districts: new Map(), excluded: new Set() },
};
const contextFor = (p: string | null) => contexts[p ?? 'none']!;

const volunteerArb = (id: string) =>
  fc.record({
    languages: fc.subarray([{ code: 'uk', level: 'B2' as const }, { code: 'ar', level: 'native' as const }]),
    availability: fc.subarray(SLOTS),
    activities: fc.subarray(ACTIVITIES),
    gender: fc.constantFrom('female' as const, 'male' as const),
    capacity: fc.integer({ min: 1, max: 2 }),
    activeMatches: fc.integer({ min: 0, max: 1 }),
  }).map(
    (v): VolunteerProfile => ({
      id,
      ...v,
      district: null,
      interests: [],
      age: 35,
      preferredGender: null,
      preferredAgeGroups: [],
      travelKm: null,
      safeguardingCleared: false,
    }),
  );

const menteeArb = (id: string) =>
  fc.record({
    programmeId: fc.constantFrom(...PROGRAMMES),
    needs: fc.subarray(NEEDS, { minLength: 1 }),
    languages: fc.subarray([{ code: 'uk', level: 'native' as const }, { code: 'ar', level: 'A2' as const }]),
    availability: fc.subarray(SLOTS),
    preferredVolunteerGender: fc.constantFrom(null, 'female' as const),
    daysWaiting: fc.integer({ min: 0, max: 300 }),
  }).map(
    (m): MenteeProfile & { programmeId: string | null } => ({
      id,
      ...m,
      coveredNeeds: [],
      district: null,
      interests: [],
      gender: 'female',
      age: 30,
      minor: false,
      vulnerableAdult: false,
      preferredVolunteerAgeMin: null,
      preferredVolunteerAgeMax: null,
    }),
  );

const worldArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
  .chain(([nm, nv]) => fc.tuple(fc.tuple(...Array.from({ length: nm }, (_, i) => menteeArb(`m${i}`))), fc.tuple(...Array.from({ length: nv }, (_, j) => volunteerArb(`v${j}`)))));

describe('batchInstance', () => {
  it('scores each mentee with their programme’s weights, keeps eligible pairs only and remaining places as capacities', () => {
    fc.assert(
      fc.property(worldArb, ([mentees, volunteers]) => {
        const built = batchInstance(mentees, volunteers, contextFor);
        assert.equal(built.instance.left, mentees.length);
        const open = volunteers.filter((v) => v.capacity > v.activeMatches);
        assert.deepEqual(built.volunteerIds, open.map((v) => v.id));
        assert.deepEqual(built.instance.capacity, open.map((v) => v.capacity - v.activeMatches));
        for (const [i, j, score] of built.instance.edges) {
          const m = mentees.find((x) => x.id === built.menteeIds[i])!;
          const v = volunteers.find((x) => x.id === built.volunteerIds[j])!;
          const s = scorePair(m, v, contextFor(m.programmeId));
          assert.ok(s.eligible, `${m.id}:${v.id} is eligible`);
          assert.equal(score, s.score);
        }
        const edges = new Set(built.instance.edges.map(([i, j]) => `${built.menteeIds[i]}:${built.volunteerIds[j]}`));
        for (const m of mentees) for (const v of open) assert.equal(edges.has(`${m.id}:${v.id}`), scorePair(m, v, contextFor(m.programmeId)).eligible);
      }),
      { numRuns: 150 },
    );
  });

  it('the engine’s optimum on it equals a brute force over every assignment', () => {
    fc.assert(
      fc.property(worldArb, ([mentees, volunteers]) => {
        const solution = solveAssignment(batchInstance(mentees, volunteers, contextFor).instance);
        const expected = bestAssignment(mentees, volunteers, contextFor);
        assert.equal(solution.matched, expected.matched);
        assert.ok(Math.abs(solution.total - expected.total) < 1e-6, `${solution.total} vs ${expected.total}`);
      }),
      { numRuns: 150 },
    );
  });
});

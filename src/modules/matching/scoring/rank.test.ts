/**
 * Ranking and the batch instance against the naive definitions: scorePair over every candidate, sorted by score
 * (ties by id); candidateInstance holds exactly the eligible pairs of volunteers with room, with remaining places.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { solveAssignment, validateInstance } from '../engine/assignment.js';
import { candidateInstance } from './candidates.js';
import { prepareVolunteers } from './prepare.js';
import { rankMentees, rankVolunteers, type LeftOut } from './rank.js';
import { scorePair } from './score-pair.js';
import { brokenConstraints, RUNS, worldArb } from './test-support.js';
import type { MenteeProfile, PairScore, ScoringContext, VolunteerProfile } from './types.js';

type Eligible = Extract<PairScore, { eligible: true }>;

/** The definition: score everyone, drop the ineligible (counting why), sort by score then id, cut. */
function naive<P extends { id: string }>(candidates: readonly P[], score: (p: P) => PairScore, limit: number, filter?: (p: P) => boolean) {
  const leftOut: LeftOut = { count: 0, byKey: {} };
  const scored: { profile: P; s: Eligible }[] = [];
  for (const p of candidates) {
    if (filter && !filter(p)) continue;
    const s = score(p);
    if (s.eligible) scored.push({ profile: p, s });
    else {
      leftOut.count++;
      for (const v of s.violations) leftOut.byKey[v.key] = (leftOut.byKey[v.key] ?? 0) + 1;
    }
  }
  scored.sort((a, b) => b.s.score - a.s.score || (a.profile.id < b.profile.id ? -1 : 1));
  return {
    items: scored.slice(0, limit).map(({ profile, s }) => ({ profile, score: s.score, components: s.components, cautions: s.cautions })),
    eligible: scored.length,
    leftOut,
  };
}

const limitArb = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(Infinity));
const filterArb = fc.option(fc.integer({ min: 2, max: 3 }).map((k) => (p: { id: string }) => p.id.length % k !== 0));

test('rankVolunteers equals a naive sort of scorePair over all volunteers', () => {
  fc.assert(
    fc.property(worldArb(3, 25), limitArb, filterArb, ({ mentees, volunteers, ctx }, limit, filter) => {
      const prepared = prepareVolunteers(volunteers, ctx);
      for (const m of mentees) {
        const got = rankVolunteers(m, prepared, ctx, { limit, filter: filter ?? undefined });
        assert.deepEqual(got, naive(volunteers, (v) => scorePair(m, v, ctx), limit, filter ?? undefined));
      }
    }),
    { numRuns: RUNS },
  );
});

test('rankMentees equals a naive sort of scorePair over all mentees', () => {
  fc.assert(
    fc.property(worldArb(25, 3), limitArb, filterArb, ({ mentees, volunteers, ctx }, limit, filter) => {
      for (const v of volunteers) {
        const got = rankMentees(v, mentees, ctx, { limit, filter: filter ?? undefined });
        assert.deepEqual(got, naive(mentees, (m) => scorePair(m, v, ctx), limit, filter ?? undefined));
      }
    }),
    { numRuns: RUNS },
  );
});

test('prepared volunteers ranked under an equal but different districts map give the same result', () => {
  fc.assert(
    fc.property(worldArb(2, 15), ({ mentees, volunteers, ctx }) => {
      const prepared = prepareVolunteers(volunteers, ctx);
      const copy: ScoringContext = { ...ctx, districts: new Map(ctx.districts) };
      for (const m of mentees) assert.deepEqual(rankVolunteers(m, prepared, copy, { limit: 5 }), rankVolunteers(m, prepared, ctx, { limit: 5 }));
    }),
    { numRuns: 50 },
  );
});

test('a large limit on many volunteers still ranks exactly (the sort path of the top-k)', () => {
  fc.assert(
    fc.property(worldArb(1, 300), fc.integer({ min: 200, max: 400 }), ({ mentees, volunteers, ctx }, limit) => {
      for (const m of mentees) assert.deepEqual(rankVolunteers(m, prepareVolunteers(volunteers, ctx), ctx, { limit }), naive(volunteers, (v) => scorePair(m, v, ctx), limit));
    }),
    { numRuns: 10 },
  );
});

const room = (v: VolunteerProfile) => v.capacity - v.activeMatches;

test('candidateInstance: eligible pairs only, every one of them, with remaining places as capacities', () => {
  fc.assert(
    fc.property(worldArb(6, 12), ({ mentees, volunteers, ctx }) => {
      const { instance, menteeIds, volunteerIds } = candidateInstance(mentees, volunteers, ctx);
      validateInstance(instance);
      const open = volunteers.filter((v) => room(v) > 0);
      assert.deepEqual(menteeIds, mentees.map((m) => m.id));
      assert.deepEqual(volunteerIds, open.map((v) => v.id));
      assert.deepEqual(instance.capacity, open.map(room));
      assert.deepEqual([instance.left, instance.right], [mentees.length, open.length]);
      const edges = new Map(instance.edges.map(([i, j, s]) => [`${i}:${j}`, s]));
      mentees.forEach((m: MenteeProfile, i) =>
        open.forEach((v, j) => {
          const broken = brokenConstraints(m, v, ctx.excluded);
          const s = scorePair(m, v, ctx);
          assert.equal(edges.get(`${i}:${j}`), broken.size === 0 && s.eligible ? s.score : undefined);
        }),
      );
      solveAssignment(instance); // the engine accepts it as it is
    }),
    { numRuns: RUNS },
  );
});

test('candidateInstance with perMentee keeps each mentee’s best volunteers only', () => {
  fc.assert(
    fc.property(worldArb(5, 15), fc.integer({ min: 0, max: 4 }), ({ mentees, volunteers, ctx }, k) => {
      const { instance, volunteerIds } = candidateInstance(mentees, prepareVolunteers(volunteers, ctx), ctx, { perMentee: k });
      const open = volunteers.filter((v) => room(v) > 0);
      mentees.forEach((m, i) => {
        const got = instance.edges.filter((e) => e[0] === i).map(([, j, s]) => [volunteerIds[j], s]);
        const best = naive(open, (v) => scorePair(m, v, ctx), k).items.map((r) => [r.profile.id, r.score]);
        assert.deepEqual(got, best);
      });
    }),
    { numRuns: RUNS },
  );
});

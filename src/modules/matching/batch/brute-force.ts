import { scorePair } from '../scoring/index.js';
import type { MenteeProfile, ScoringContext, VolunteerProfile } from '../scoring/types.js';

/**
 * Test-only: the best assignment of mentees to volunteers (most matched, then highest total score) found by trying
 * every one, each volunteer taking at most their remaining places. What batch matching's optimum is checked against.
 */
export function bestAssignment(
  mentees: readonly (MenteeProfile & { programmeId: string | null })[],
  volunteers: readonly VolunteerProfile[],
  contextFor: (programmeId: string | null) => ScoringContext,
): { matched: number; total: number } {
  const left = volunteers.map((v) => v.capacity - v.activeMatches);
  const options = mentees.map((m) =>
    volunteers.flatMap((v, j) => {
      const s = scorePair(m, v, contextFor(m.programmeId));
      return s.eligible ? [{ j, score: s.score }] : [];
    }),
  );
  let best = { matched: 0, total: 0 };
  const visit = (i: number, matched: number, total: number) => {
    if (i === mentees.length) {
      if (matched > best.matched || (matched === best.matched && total > best.total + 1e-9)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, total);
    for (const o of options[i]!) {
      if (left[o.j]! <= 0) continue;
      left[o.j]!--;
      visit(i + 1, matched + 1, total + o.score);
      left[o.j]!++;
    }
  };
  visit(0, 0, 0);
  return best;
}

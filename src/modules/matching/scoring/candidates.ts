/**
 * The batch engine's input built from profiles: eligible pairs only, each volunteer once with its remaining places.
 */
import type { Instance } from '../engine/assignment.js';
import { prepareMentee, prepareVolunteers, type PreparedVolunteers } from './prepare.js';
import { LeftOutCounter, scan } from './rank.js';
import { TopK } from './top-k.js';
import type { MenteeProfile, ScoringContext, VolunteerProfile } from './types.js';

export interface CandidateInstance {
  instance: Instance;
  /** left index → mentee id */
  menteeIds: string[];
  /** right index → volunteer id */
  volunteerIds: string[];
}

/**
 * Left i = mentees[i]; right j = the j-th volunteer that still has a place (capacity − active matches > 0; others are
 * left out); capacity[j] = those remaining places; edges [i, j, score] for eligible pairs only (the scores of
 * `scorePair`, ≥ 0, 2 decimals). With `perMentee`, only each mentee's best `perMentee` volunteers (ties by id), which
 * keeps the graph sparse at the price of optimality over the dropped edges.
 */
export function candidateInstance(
  mentees: readonly MenteeProfile[],
  volunteers: readonly VolunteerProfile[] | PreparedVolunteers,
  ctx: ScoringContext,
  opts: { perMentee?: number } = {},
): CandidateInstance {
  const prepared = 'list' in volunteers ? volunteers : prepareVolunteers(volunteers, ctx);
  const open = prepared.list.filter((pv) => pv.profile.capacity - pv.profile.activeMatches > 0);
  const edges: [number, number, number][] = [];
  mentees.forEach((mentee, i) => {
    const pm = prepareMentee(mentee, ctx, prepared.vocabulary);
    const top = new TopK(opts.perMentee ?? Infinity, open.length);
    scan(pm, open, ctx.weights, undefined, top, new LeftOutCounter());
    for (const { index, score } of top.result()) edges.push([i, index, score]);
  });
  return {
    instance: {
      left: mentees.length,
      right: open.length,
      capacity: open.map((pv) => pv.profile.capacity - pv.profile.activeMatches),
      edges,
    },
    menteeIds: mentees.map((m) => m.id),
    volunteerIds: open.map((pv) => pv.profile.id),
  };
}

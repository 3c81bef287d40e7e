import type { Instance } from '../engine/assignment.js';
import { candidateInstance } from '../scoring/index.js';
import type { MenteeProfile, ScoringContext, VolunteerProfile } from '../scoring/types.js';

export interface BatchInstance {
  instance: Instance;
  /** left index → mentee id */
  menteeIds: string[];
  /** right index → volunteer id */
  volunteerIds: string[];
}

/**
 * The engine's instance for a waiting list whose mentees may belong to different programmes (each scored with its own
 * programme's weights): one `candidateInstance` per programme, merged on one set of volunteers. Volunteers are one node
 * each with their remaining places (capacity − active matches); those with none are left out, as candidateInstance does.
 * Pure: the same profiles always give the same instance.
 */
export function batchInstance(mentees: readonly (MenteeProfile & { programmeId: string | null })[], volunteers: readonly VolunteerProfile[], contextFor: (programmeId: string | null) => ScoringContext): BatchInstance {
  const open = volunteers.filter((v) => v.capacity - v.activeMatches > 0);
  const column = new Map(open.map((v, j) => [v.id, j]));
  const groups = new Map<string | null, (MenteeProfile & { programmeId: string | null })[]>();
  for (const m of mentees) groups.set(m.programmeId, [...(groups.get(m.programmeId) ?? []), m]);
  const menteeIds: string[] = [];
  const edges: [number, number, number][] = [];
  for (const [programmeId, group] of groups) {
    const part = candidateInstance(group, open, contextFor(programmeId));
    const offset = menteeIds.length;
    menteeIds.push(...part.menteeIds);
    for (const [i, j, score] of part.instance.edges) edges.push([offset + i, column.get(part.volunteerIds[j]!)!, score]);
  }
  return {
    instance: { left: menteeIds.length, right: open.length, capacity: open.map((v) => v.capacity - v.activeMatches), edges },
    menteeIds,
    volunteerIds: open.map((v) => v.id),
  };
}

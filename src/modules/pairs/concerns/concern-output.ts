import type { ActionRow, ConcernListRow, PairOption } from './concerns.repository.js';
import { higherThan, nextStatuses, type ConcernListItem, type ConcernOutput, type MyConcerns, type RaisablePair } from './concerns.schemas.js';
import type { myConcerns } from './concerns.service.js';
import type { ConcernView } from './handling.service.js';

/** The API's view models of concerns, from what the services return to the pages (no second read). */

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Only the list's columns, also from a fuller row (the JSON is not filtered by the schema). */
export const listItem = (r: ConcernListRow): ConcernListItem => ({
  id: r.id,
  matchId: r.matchId,
  severity: r.severity,
  status: r.status,
  summary: r.summary,
  createdAt: r.createdAt.toISOString(),
  volunteerName: r.volunteerName,
  menteeName: r.menteeName,
  assigneeName: r.assigneeName,
});

export const pairItem = (p: PairOption): RaisablePair => ({ matchId: p.id, volunteerName: p.volunteerName, menteeName: p.menteeName });

function historyEntry(a: ActionRow): ConcernOutput['history'][number] {
  const d = a.detail as { from?: string; to?: string; automatic?: boolean; hours?: number };
  return {
    id: a.id,
    at: a.at.toISOString(),
    kind: a.kind as ConcernOutput['history'][number]['kind'],
    byName: a.byName,
    text: a.text,
    from: d.from ?? null,
    to: d.to ?? null,
    automatic: d.automatic === true,
    hours: d.hours ?? null,
    assigneeName: a.kind === 'assigned' ? a.subjectName : null,
  };
}

/** A concern with its history, as `viewConcern` gives it to the page. */
export function concernOutput(view: ConcernView): ConcernOutput {
  const c = view.concern;
  return {
    ...listItem(c),
    description: c.description,
    raisedAs: c.raisedAs,
    raisedByName: c.raisedByName,
    assignedToUserId: c.assignedToUserId,
    resolution: c.resolution,
    version: c.version,
    severitySince: c.severitySince.toISOString(),
    acknowledgedAt: iso(c.acknowledgedAt),
    acknowledgedByName: c.acknowledgedByName,
    escalatedAt: iso(c.escalatedAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    nextStatuses: [...nextStatuses(c.status)],
    escalateTo: c.status === 'closed' ? [] : [...higherThan(c.severity)],
    staff: view.staff.flatMap((s) => (s.userId ? [{ userId: s.userId, givenName: s.givenName, familyName: s.familyName }] : [])),
    mayAssignAway: view.mayAssignAway,
    history: view.actions.map(historyEntry),
  };
}

/** The volunteer's page as data: their concerns (status only) and their pairs. */
export function myConcernsOutput(view: Awaited<ReturnType<typeof myConcerns>>): MyConcerns {
  return {
    concerns: view.concerns.map(({ menteeGiven, createdAt, ...c }) => ({ ...c, createdAt: createdAt.toISOString(), menteeGivenName: menteeGiven })),
    pairs: view.pairs.map((p) => ({ matchId: p.id, menteeGivenName: p.menteeGiven })),
  };
}

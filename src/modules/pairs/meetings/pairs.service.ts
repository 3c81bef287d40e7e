import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { followedMatchIds } from '../access.js';
import { hoursByMatch, hoursByMonth, meetingTotals, periodStarts, type Totals } from './hours.js';
import { commentsOf, findMeeting, findPair, insertComment, meetingsOf, pairsByIds, type CommentRow, type MeetingRow, type PairRow } from './meetings.repository.js';
import { meetingsPolicy } from './meetings.policy.js';
import type { CommentInput } from './meetings.schemas.js';
import { allowed, assertAllowed } from '../../../core/policy.js';

/** Staff views of the meeting logs: only the pairs one follows (administrators: all), every view audited. */

export interface PairSummary {
  pair: PairRow;
  lastMeetingDate: string | null;
  monthMinutes: number;
}

/** Ids of the pairs the actor may see today (`null`: all of the organisation). */
async function visibleMatchIds(tx: Tx, actor: RequestActor, today: string): Promise<string[] | null> {
  assertAllowed(actor, meetingsPolicy, 'follow');
  if (allowed(actor, meetingsPolicy, 'all')) return null;
  return followedMatchIds(tx, actor.organisationId, actor.userId, today);
}

/** A pair the actor follows, or NOT_FOUND (also for one they do not follow: its existence is not revealed). */
async function followedPair(tx: Tx, actor: RequestActor, matchId: string, today: string): Promise<PairRow> {
  const visible = await visibleMatchIds(tx, actor, today);
  const pair = visible === null || visible.includes(matchId) ? await findPair(tx, actor.organisationId, matchId) : undefined;
  if (!pair) throw new AppError('NOT_FOUND');
  return pair;
}

/** /pairs: the pairs I follow with their last meeting and hours this month; audited `match.list`. */
export async function pairsOverview(db: Db, actor: RequestActor, now = actor.clock.now): Promise<{ pairs: PairSummary[]; today: string; timeZone: string; all: boolean }> {
  return withTenant(db, actor, async (tx) => {
    const { timeZone } = actor.org;
    const today = clockOf(actor, now).today;
    const ids = await visibleMatchIds(tx, actor, today);
    const pairs = await pairsByIds(tx, actor.organisationId, ids);
    const matchIds = pairs.map((p) => p.id);
    const ever = new Map((await hoursByMatch(tx, actor.organisationId, { matchIds })).map((r) => [r.matchId, r]));
    const month = new Map((await hoursByMatch(tx, actor.organisationId, { matchIds, from: periodStarts(today).month, to: today })).map((r) => [r.matchId, r]));
    await audit(tx, actor, { action: 'match.list', entity: 'match' });
    return {
      pairs: pairs.map((pair) => ({ pair, lastMeetingDate: ever.get(pair.id)?.lastMeetingDate ?? null, monthMinutes: month.get(pair.id)?.minutes ?? 0 })),
      today,
      timeZone,
      all: ids === null,
    };
  });
}

export interface PairLog {
  pair: PairRow;
  meetings: (MeetingRow & { comments: CommentRow[] })[];
  months: (Totals & { month: string })[];
  total: Totals;
  timeZone: string;
}

/** /pairs/:matchId: the pair's log (newest first) with comments and totals per month; audited `meeting.list`. */
export async function pairLog(db: Db, actor: RequestActor, matchId: string, now = actor.clock.now): Promise<PairLog> {
  return withTenant(db, actor, async (tx) => {
    const { timeZone } = actor.org;
    const pair = await followedPair(tx, actor, matchId, clockOf(actor, now).today);
    const rows = await meetingsOf(tx, actor.organisationId, { matchId });
    const comments = await commentsOf(tx, actor.organisationId, rows.map((m) => m.id));
    await audit(tx, actor, { action: 'meeting.list', entity: 'match', entityId: matchId });
    return {
      pair,
      meetings: rows.map((m) => ({ ...m, comments: comments.filter((c) => c.meetingId === m.id) })),
      months: (await hoursByMonth(tx, actor.organisationId, { matchIds: [matchId] })).reverse(),
      total: await meetingTotals(tx, actor.organisationId, { matchIds: [matchId] }),
      timeZone,
    };
  });
}

/** A short answer under a meeting of a pair the actor follows, returned as written; audited `meeting_comment.create`. */
export async function commentOnMeeting(db: Db, actor: RequestActor, matchId: string, meetingId: string, input: CommentInput, now = actor.clock.now): Promise<CommentRow> {
  return withTenant(db, actor, async (tx) => {
    await followedPair(tx, actor, matchId, clockOf(actor, now).today);
    const meeting = await findMeeting(tx, actor.organisationId, meetingId);
    if (!meeting || meeting.matchId !== matchId) throw new AppError('NOT_FOUND');
    const comment = await insertComment(tx, { organisationId: actor.organisationId, meetingId, authorUserId: actor.userId, body: input.body });
    await audit(tx, actor, { action: 'meeting_comment.create', entity: 'meeting_comment', entityId: comment.id });
    return (await commentsOf(tx, actor.organisationId, [meetingId])).find((c) => c.id === comment.id)!;
  });
}

export type MatchMeetings = Totals & { lastMeetingDate: string | null };

/**
 * For the "Meetings" section on the match page: count, hours and the last meeting of one match (aggregates only;
 * the match page audits its own view). Zeros for an unknown match or another organisation's.
 */
export async function matchMeetings(db: Db, actor: RequestActor, matchId: string): Promise<MatchMeetings> {
  return withTenant(db, actor, async (tx) => {
    const [row] = await hoursByMatch(tx, actor.organisationId, { matchIds: [matchId] });
    return { minutes: row?.minutes ?? 0, meetings: row?.meetings ?? 0, lastMeetingDate: row?.lastMeetingDate ?? null };
  });
}

import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { parseInput } from '../../../core/http/validation.js';
import { formatDate, type Locale } from '../../../core/i18n/index.js';
import { enqueue } from '../../../core/jobs/queue.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { utcToZoned } from '../../../core/i18n/time-zone.js';
import { volunteerOfUser } from '../access.js';
import { meetingTotals, periodStarts, type Totals } from './hours.js';
import { activePairsOfVolunteer, commentsOf, findPair, insertConcernFromMeeting, insertMeeting, meetingsOf, type CommentRow, type MeetingRow } from './meetings.repository.js';
import { meetingsPolicy } from './meetings.policy.js';
import { meetingInput } from './meetings.schemas.js';
import { assertAllowed } from '../../../core/policy.js';

/** The job helper C's concerns module handles: it tells the right staff about a new concern, exactly once. */
export const CONCERN_NOTIFY_JOB = 'pairs.concern.notify';

/** An active pair as its volunteer sees it: the mentee's first name only, and the day it started. */
export interface OwnPair {
  matchId: string;
  menteeGivenName: string;
  startedOn: string;
}

export interface LogFormData {
  pairs: OwnPair[];
  today: string;
  timeZone: string;
}

export interface MyMeetings extends LogFormData {
  meetings: (MeetingRow & { comments: CommentRow[] })[];
  totals: { month: Totals; year: Totals; all: Totals };
}

async function own(tx: Tx, actor: RequestActor) {
  assertAllowed(actor, meetingsPolicy, 'self');
  return volunteerOfUser(tx, actor.organisationId, actor.userId);
}

async function ownPairs(tx: Tx, organisationId: string, volunteerId: string, timeZone: string): Promise<OwnPair[]> {
  const rows = await activePairsOfVolunteer(tx, organisationId, volunteerId);
  return rows.map((p) => ({ matchId: p.id, menteeGivenName: p.menteeGivenName, startedOn: utcToZoned(p.startedAt, timeZone).date }));
}

/** What the log form needs: the volunteer's active pairs and today in the organisation's zone; null without a volunteer record. */
export async function logForm(db: Db, actor: RequestActor, now = actor.clock.now): Promise<LogFormData | null> {
  return withTenant(db, actor, async (tx) => {
    const v = await own(tx, actor);
    if (!v) return null;
    const { timeZone } = actor.org;
    return { pairs: await ownPairs(tx, actor.organisationId, v.id, timeZone), today: clockOf(actor, now).today, timeZone };
  });
}

/** The volunteer's pairs, meeting history (newest first) with staff comments, and totals this month, this year, all time. */
export async function myMeetings(db: Db, actor: RequestActor, now = actor.clock.now): Promise<MyMeetings | null> {
  return withTenant(db, actor, async (tx) => {
    const v = await own(tx, actor);
    if (!v) return null;
    const { timeZone } = actor.org;
    const today = clockOf(actor, now).today;
    const rows = await meetingsOf(tx, actor.organisationId, { volunteerId: v.id });
    const comments = await commentsOf(tx, actor.organisationId, rows.map((m) => m.id));
    const starts = periodStarts(today);
    const mine = { volunteerIds: [v.id] };
    return {
      pairs: await ownPairs(tx, actor.organisationId, v.id, timeZone),
      today,
      timeZone,
      meetings: rows.map((m) => ({ ...m, comments: comments.filter((c) => c.meetingId === m.id) })),
      totals: {
        month: await meetingTotals(tx, actor.organisationId, { ...mine, from: starts.month, to: today }),
        year: await meetingTotals(tx, actor.organisationId, { ...mine, from: starts.year, to: today }),
        all: await meetingTotals(tx, actor.organisationId, mine),
      },
    };
  });
}

/**
 * Logs a meeting of the signed-in volunteer, in one transaction. Refused, with nothing written: VALIDATION (with
 * fields) for bad input — a date after today or before the match started (both in the organisation's zone), a
 * length outside 5–720 minutes; NOT_FOUND for a match that is not the volunteer's (or another organisation's:
 * nobody learns that it exists). With "something worries me" ticked, a concern (raised as volunteer, with the
 * severity and one-line summary the volunteer gave) is opened with its first status action and the job that tells the staff is queued — all in the same transaction.
 * Returns the meeting as written (for the API's answer) and the concern's id, if one was opened.
 */
export async function logMeeting(db: Db, actor: RequestActor, body: unknown, locale: Locale, now = actor.clock.now): Promise<{ meetingId: string; concernId: string | null; meeting: MeetingRow }> {
  return withTenant(db, actor, async (tx) => {
    const v = await own(tx, actor);
    if (!v) throw new AppError('NOT_FOUND');
    const org = actor.org;
    const input = parseInput(meetingInput(clockOf(actor, now).today), body);
    const pair = await findPair(tx, actor.organisationId, input.matchId);
    if (!pair || pair.volunteerId !== v.id) throw new AppError('NOT_FOUND');
    if (pair.status !== 'active') throw invalid('matchId', 'pairs.meetings.error.notActive');
    const startedOn = utcToZoned(pair.startedAt, org.timeZone).date;
    if (input.meetingDate < startedOn) throw invalid('meetingDate', 'pairs.meetings.error.beforeStart', { date: formatDate(startedOn, locale, org.timeZone) });

    const meeting = await insertMeeting(tx, {
      organisationId: actor.organisationId,
      matchId: pair.id,
      volunteerId: v.id,
      loggedByUserId: actor.userId,
      meetingDate: input.meetingDate,
      minutes: input.minutes,
      place: input.place ?? null,
      activity: input.activity,
      note: input.note ?? null,
      worry: input.worry,
    });
    await audit(tx, actor, { action: 'meeting.create', entity: 'meeting', entityId: meeting.id });
    const logged = { ...meeting, menteeGivenName: pair.menteeGivenName };
    if (!input.worry) return { meetingId: meeting.id, concernId: null, meeting: logged };

    const concernId = await insertConcernFromMeeting(tx, {
      organisationId: actor.organisationId,
      matchId: pair.id,
      menteeId: pair.menteeId,
      volunteerId: v.id,
      meetingId: meeting.id,
      raisedByUserId: actor.userId,
      raisedAs: 'volunteer',
      // Both required with a worry (meetingInput); the note, if any, is the description.
      severity: input.worrySeverity!,
      summary: input.worrySummary!,
      description: input.note ?? '',
    });
    await enqueue(tx, CONCERN_NOTIFY_JOB, { concernId }, { uniqueKey: `concern-notify:${concernId}` });
    await audit(tx, actor, { action: 'concern.create', entity: 'concern', entityId: concernId });
    return { meetingId: meeting.id, concernId, meeting: logged };
  });
}

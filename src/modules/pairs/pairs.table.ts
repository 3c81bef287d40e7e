import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, unique, uuid } from 'drizzle-orm/pg-core';
import { restrictivePolicy } from '../../core/db/rls.js';
import { people, tenantTable } from '../../core/tenancy/tenancy.table.js';
import { matches } from '../matching/matching.table.js';
import { mentees } from '../mentees/mentees.table.js';
import { volunteers } from '../volunteers/volunteers.table.js';
import type { Side } from './check-ins/check-ins.schemas.js';
import type { ConcernStatus, Severity } from './concerns/concerns.schemas.js';
import type { Activity } from './meetings/meetings.schemas.js';
import type { Audience } from './supervision/supervision.schemas.js';
import { belongsTo, calendarDate, jsonObject, linkTo, rowVersion, timestampNow, timestamptz } from '../../core/db/columns.js';

/**
 * A meeting of a pair as the volunteer (or staff) logged it. The day is a calendar date in the organisation's zone,
 * not a timestamp, so hours never move to another day or month when clocks change or servers sit in another zone.
 */
export const meetings = tenantTable(
  'meetings',
  {
    matchId: belongsTo(() => matches.id),
    volunteerId: belongsTo(() => volunteers.id),
    loggedByUserId: uuid().notNull(),
    meetingDate: calendarDate().notNull(),
    minutes: integer().notNull(),
    place: text(),
    /** conversation, language_practice, homework, errand, office_visit, leisure, online, other. */
    activity: text().$type<Activity>().notNull(),
    note: text(),
    /** "Something worries me": a concern was opened from this log. */
    worry: boolean().notNull().default(false),
    createdAt: timestampNow(),
  },
  (t) => [
    check('meetings_minutes', sql`${t.minutes} between 5 and 720`),
    index('meetings_match_date').on(t.matchId, t.meetingDate),
    index('meetings_volunteer_date').on(t.volunteerId, t.meetingDate),
  ],
);

/** A short answer of staff to a meeting log, so the volunteer knows someone read it. */
export const meetingComments = tenantTable(
  'meeting_comments',
  {
    meetingId: belongsTo(() => meetings.id),
    authorUserId: uuid().notNull(),
    body: text().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [index('meeting_comments_meeting').on(t.meetingId)],
);

/** A check-in with one side of a pair (regular, or the closing conversation when the match ends). */
export const checkIns = tenantTable(
  'check_ins',
  {
    matchId: belongsTo(() => matches.id),
    /** volunteer, mentee. */
    side: text().$type<Side>().notNull(),
    /** regular, closing. */
    kind: text().notNull().default('regular'),
    heldOn: calendarDate().notNull(),
    /** 1 (badly) … 5 (very well). */
    rating: integer(),
    howItGoes: text(),
    notes: text(),
    recordedByUserId: uuid().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    check('check_ins_side', sql`${t.side} in ('volunteer','mentee')`),
    check('check_ins_kind', sql`${t.kind} in ('regular','closing')`),
    check('check_ins_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    index('check_ins_match').on(t.matchId, t.heldOn),
  ],
);

/** A coordinator away for a period hands their pairs to a named colleague, so no pair goes unwatched. */
export const covers = tenantTable(
  'covers',
  {
    absentUserId: uuid().notNull(),
    coverUserId: uuid().notNull(),
    startsOn: calendarDate().notNull(),
    endsOn: calendarDate().notNull(),
    note: text(),
    createdByUserId: uuid().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    check('covers_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('covers_people', sql`${t.absentUserId} <> ${t.coverUserId}`),
    index('covers_absent').on(t.absentUserId, t.startsOn),
  ],
);

/**
 * A concern or incident about a pair or a person. Besides the tenant policy, a restrictive policy lets the app role see
 * a concern only when the current user is on its case: who raised it, to whom it is assigned, the match's coordinator
 * (or their cover today), or the mentee's case staff. A query that forgets the check still returns nothing.
 */
export const concerns = tenantTable(
  'concerns',
  {
    matchId: linkTo(() => matches.id),
    menteeId: linkTo(() => mentees.id),
    volunteerId: linkTo(() => volunteers.id),
    meetingId: linkTo(() => meetings.id),
    raisedByUserId: uuid().notNull(),
    /** volunteer, social_worker, coordinator (the capacity in which it was raised). */
    raisedAs: text().notNull(),
    /** low, medium, high, safeguarding. */
    severity: text().$type<Severity>().notNull(),
    /** open, in_progress, resolved, closed. */
    status: text().$type<ConcernStatus>().notNull().default('open'),
    summary: text().notNull(),
    description: text().notNull().default(''),
    assignedToUserId: uuid(),
    resolution: text(),
    version: rowVersion(),
    createdAt: timestampNow(),
    resolvedAt: timestamptz(),
    closedAt: timestamptz(),
    /** When the concern got its current severity (raised, or escalated by staff): the automatic escalation counts from here. */
    severitySince: timestampNow(),
    /** A staff member's "I have seen this / taking it": stops the automatic escalation. */
    acknowledgedAt: timestamptz(),
    acknowledgedByUserId: uuid(),
    /** When the automatic escalation ran (set once, by a conditional update, so two instances cannot both escalate). */
    escalatedAt: timestamptz(),
  },
  (t) => [
    check('concerns_severity', sql`${t.severity} in ('low','medium','high','safeguarding')`),
    check('concerns_status', sql`${t.status} in ('open','in_progress','resolved','closed')`),
    check('concerns_raised_as', sql`${t.raisedAs} in ('volunteer','social_worker','coordinator','administrator')`),
    index('concerns_org_status').on(t.organisationId, t.status),
    restrictivePolicy('concerns_case_staff', sql`app_can_see_concern(${t.raisedByUserId}, ${t.assignedToUserId}, ${t.matchId}, ${t.menteeId})`),
  ],
);

/** What was done about a concern: notes, actions taken, assignments and status changes, in order. */
export const concernActions = tenantTable(
  'concern_actions',
  {
    concernId: belongsTo(() => concerns.id),
    at: timestampNow(),
    /** Null for what the system did (the automatic escalation). */
    byUserId: uuid(),
    /** note, action, assigned, status, acknowledged, escalated. */
    kind: text().notNull(),
    text: text().notNull().default(''),
    detail: jsonObject<Record<string, unknown>>(),
  },
  (t) => [
    index('concern_actions_concern').on(t.concernId, t.at),
    // Same visibility as the concern itself (the subquery runs under the concern's own policies).
    restrictivePolicy('concern_actions_case_staff', sql`exists (select 1 from concerns c where c.id = ${t.concernId})`),
  ],
);

/** Group supervision for volunteers or for coordinators. */
export const supervisionSessions = tenantTable(
  'supervision_sessions',
  {
    /** volunteers, coordinators. */
    audience: text().$type<Audience>().notNull(),
    startsAt: timestamptz().notNull(),
    minutes: integer().notNull(),
    place: text(),
    onlineLink: text(),
    facilitator: text().notNull(),
    topics: text().notNull().default(''),
    /** A short record written after the session. */
    record: text(),
    createdByUserId: uuid().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    check('supervision_audience', sql`${t.audience} in ('volunteers','coordinators')`),
    check('supervision_minutes', sql`${t.minutes} between 15 and 480`),
    check('supervision_where', sql`${t.place} is not null or ${t.onlineLink} is not null`),
  ],
);

/** Who attended a supervision session; a volunteer's attendance counts towards their training hours. */
export const supervisionAttendees = tenantTable(
  'supervision_attendees',
  {
    sessionId: belongsTo(() => supervisionSessions.id),
    personId: belongsTo(() => people.id),
    attended: boolean().notNull().default(true),
  },
  (t) => [unique('supervision_attendee_once').on(t.sessionId, t.personId)],
);

import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { restrictivePolicy, tenantPolicy } from '../../core/db/rls.js';
import { people, tenantKey } from '../../core/tenancy/tenancy.table.js';
import { matches } from '../matching/matching.table.js';
import { mentees } from '../mentees/mentees.table.js';
import { volunteers } from '../volunteers/volunteers.table.js';
import type { Side } from './check-ins/check-ins.schemas.js';
import type { ConcernStatus, Severity } from './concerns/concerns.schemas.js';
import type { Activity } from './meetings/meetings.schemas.js';
import type { Audience } from './supervision/supervision.schemas.js';

/**
 * A meeting of a pair as the volunteer (or staff) logged it. The day is a calendar date in the organisation's zone,
 * not a timestamp, so hours never move to another day or month when clocks change or servers sit in another zone.
 */
export const meetings = pgTable(
  'meetings',
  {
    ...tenantKey(),
    matchId: uuid().notNull().references(() => matches.id, { onDelete: 'cascade' }),
    volunteerId: uuid().notNull().references(() => volunteers.id, { onDelete: 'cascade' }),
    loggedByUserId: uuid().notNull(),
    meetingDate: date({ mode: 'string' }).notNull(),
    minutes: integer().notNull(),
    place: text(),
    /** conversation, language_practice, homework, errand, office_visit, leisure, online, other. */
    activity: text().$type<Activity>().notNull(),
    note: text(),
    /** "Something worries me": a concern was opened from this log. */
    worry: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('meetings_minutes', sql`${t.minutes} between 5 and 720`),
    index('meetings_match_date').on(t.matchId, t.meetingDate),
    index('meetings_volunteer_date').on(t.volunteerId, t.meetingDate),
    tenantPolicy('meetings'),
  ],
).enableRLS();

/** A short answer of staff to a meeting log, so the volunteer knows someone read it. */
export const meetingComments = pgTable(
  'meeting_comments',
  {
    ...tenantKey(),
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    authorUserId: uuid().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_comments_meeting').on(t.meetingId), tenantPolicy('meeting_comments')],
).enableRLS();

/** A check-in with one side of a pair (regular, or the closing conversation when the match ends). */
export const checkIns = pgTable(
  'check_ins',
  {
    ...tenantKey(),
    matchId: uuid().notNull().references(() => matches.id, { onDelete: 'cascade' }),
    /** volunteer, mentee. */
    side: text().$type<Side>().notNull(),
    /** regular, closing. */
    kind: text().notNull().default('regular'),
    heldOn: date({ mode: 'string' }).notNull(),
    /** 1 (badly) … 5 (very well). */
    rating: integer(),
    howItGoes: text(),
    notes: text(),
    recordedByUserId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('check_ins_side', sql`${t.side} in ('volunteer','mentee')`),
    check('check_ins_kind', sql`${t.kind} in ('regular','closing')`),
    check('check_ins_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    index('check_ins_match').on(t.matchId, t.heldOn),
    tenantPolicy('check_ins'),
  ],
).enableRLS();

/** A coordinator away for a period hands their pairs to a named colleague, so no pair goes unwatched. */
export const covers = pgTable(
  'covers',
  {
    ...tenantKey(),
    absentUserId: uuid().notNull(),
    coverUserId: uuid().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    note: text(),
    createdByUserId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('covers_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('covers_people', sql`${t.absentUserId} <> ${t.coverUserId}`),
    index('covers_absent').on(t.absentUserId, t.startsOn),
    tenantPolicy('covers'),
  ],
).enableRLS();

/**
 * A concern or incident about a pair or a person. Besides the tenant policy, a restrictive policy lets the app role see
 * a concern only when the current user is on its case: who raised it, to whom it is assigned, the match's coordinator
 * (or their cover today), or the mentee's case staff. A query that forgets the check still returns nothing.
 */
export const concerns = pgTable(
  'concerns',
  {
    ...tenantKey(),
    matchId: uuid().references(() => matches.id, { onDelete: 'set null' }),
    menteeId: uuid().references(() => mentees.id, { onDelete: 'set null' }),
    volunteerId: uuid().references(() => volunteers.id, { onDelete: 'set null' }),
    meetingId: uuid().references(() => meetings.id, { onDelete: 'set null' }),
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
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** When the concern got its current severity (raised, or escalated by staff): the automatic escalation counts from here. */
    severitySince: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A staff member's "I have seen this / taking it": stops the automatic escalation. */
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedByUserId: uuid(),
    /** When the automatic escalation ran (set once, by a conditional update, so two instances cannot both escalate). */
    escalatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('concerns_severity', sql`${t.severity} in ('low','medium','high','safeguarding')`),
    check('concerns_status', sql`${t.status} in ('open','in_progress','resolved','closed')`),
    check('concerns_raised_as', sql`${t.raisedAs} in ('volunteer','social_worker','coordinator','administrator')`),
    index('concerns_org_status').on(t.organisationId, t.status),
    tenantPolicy('concerns'),
    restrictivePolicy('concerns_case_staff', sql`app_can_see_concern(${t.raisedByUserId}, ${t.assignedToUserId}, ${t.matchId}, ${t.menteeId})`),
  ],
).enableRLS();

/** What was done about a concern: notes, actions taken, assignments and status changes, in order. */
export const concernActions = pgTable(
  'concern_actions',
  {
    ...tenantKey(),
    concernId: uuid().notNull().references(() => concerns.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for what the system did (the automatic escalation). */
    byUserId: uuid(),
    /** note, action, assigned, status, acknowledged, escalated. */
    kind: text().notNull(),
    text: text().notNull().default(''),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('concern_actions_concern').on(t.concernId, t.at),
    tenantPolicy('concern_actions'),
    // Same visibility as the concern itself (the subquery runs under the concern's own policies).
    restrictivePolicy('concern_actions_case_staff', sql`exists (select 1 from concerns c where c.id = ${t.concernId})`),
  ],
).enableRLS();

/** Group supervision for volunteers or for coordinators. */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    ...tenantKey(),
    /** volunteers, coordinators. */
    audience: text().$type<Audience>().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    minutes: integer().notNull(),
    place: text(),
    onlineLink: text(),
    facilitator: text().notNull(),
    topics: text().notNull().default(''),
    /** A short record written after the session. */
    record: text(),
    createdByUserId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('supervision_audience', sql`${t.audience} in ('volunteers','coordinators')`),
    check('supervision_minutes', sql`${t.minutes} between 15 and 480`),
    check('supervision_where', sql`${t.place} is not null or ${t.onlineLink} is not null`),
    tenantPolicy('supervision_sessions'),
  ],
).enableRLS();

/** Who attended a supervision session; a volunteer's attendance counts towards their training hours. */
export const supervisionAttendees = pgTable(
  'supervision_attendees',
  {
    ...tenantKey(),
    sessionId: uuid().notNull().references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    personId: uuid().notNull().references(() => people.id, { onDelete: 'cascade' }),
    attended: boolean().notNull().default(true),
  },
  (t) => [unique('supervision_attendee_once').on(t.sessionId, t.personId), tenantPolicy('supervision_attendees')],
).enableRLS();

import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { organisationId, tenantPolicy } from '../../core/db/rls.js';
import { organisations, programmes, tenantTable } from '../../core/tenancy/tenancy.table.js';
import { mentees } from '../mentees/mentees.table.js';
import { volunteers } from '../volunteers/volunteers.table.js';
import type { WeeklyHours } from './venues/opening-hours.js';
import type { ProposalStatus } from './batch/batch.schemas.js';
import type { MatchStatus } from './matches.schemas.js';
import type { VenueKind } from './venues/settings.schemas.js';
import { belongsTo, jsonList, linkTo, rowVersion, textList, timestampNow, timestamptz } from '../../core/db/columns.js';

/** One scored component as stored with a proposal or a match, so its reason can be shown later in any language. */
export interface StoredComponent {
  key: string;
  points: number;
  max: number;
  detail: Record<string, unknown>;
}

/** Neutral public places for first meetings: cafés, libraries, community centres. */
export const venues = tenantTable(
  'venues',
  {
    name: text().notNull(),
    /** cafe, library, community_centre, other. */
    kind: text().$type<VenueKind>().notNull(),
    address: text().notNull(),
    district: text(),
    /** Notes on the hours as people read them ("closed on public holidays"); the hours themselves are `weeklyHours`. */
    openingHours: text().notNull().default(''),
    /**
     * Per weekday (mon…sun) the opening intervals in the organisation's zone, `[{ from: "09:00", to: "13:00" }]`
     * (an empty list: closed that day); null: the hours are unknown and nothing is checked (venues/opening-hours.ts).
     */
    weeklyHours: jsonb().$type<WeeklyHours>(),
    stepFree: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestampNow(),
  },
  (t) => [
    check('venues_kind', sql`${t.kind} in ('cafe','library','community_centre','other')`),
    check('venues_weekly_hours', sql`${t.weeklyHours} is null or jsonb_typeof(${t.weeklyHours}) = 'object'`),
    unique('venues_name_per_org').on(t.organisationId, t.name),
  ],
);

/** A pair a coordinator has ruled out: never suggested, never proposed, never accepted. */
export const matchExclusions = tenantTable(
  'match_exclusions',
  {
    menteeId: belongsTo(() => mentees.id),
    volunteerId: belongsTo(() => volunteers.id),
    reason: text().notNull(),
    createdByUserId: uuid().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [unique('match_exclusions_pair').on(t.menteeId, t.volunteerId)],
);

/**
 * A volunteer–mentee pair. `needs` are the mentee's needs this match serves: no two active matches of one mentee share
 * a need (checked in the accepting transaction, which locks the mentee and volunteer rows). Capacity: a volunteer has at
 * most `volunteers.capacity` active matches (same lock).
 */
export const matches = tenantTable(
  'matches',
  {
    menteeId: belongsTo(() => mentees.id),
    volunteerId: belongsTo(() => volunteers.id),
    programmeId: linkTo(() => programmes.id),
    needs: textList(),
    /** active, paused, closed. */
    status: text().$type<MatchStatus>().notNull().default('active'),
    score: doublePrecision(),
    components: jsonList<StoredComponent>(),
    /** suggestion (chosen from the ranked list) or batch (accepted from a batch proposal). */
    origin: text().notNull().default('suggestion'),
    /** The staff member who follows the pair (check-ins, concerns, digests); the one who made the match unless changed. */
    coordinatorUserId: uuid(),
    proposalId: uuid(),
    createdByUserId: uuid(),
    startedAt: timestampNow(),
    endedAt: timestamptz(),
    endReason: text(),
    version: rowVersion(),
    createdAt: timestampNow(),
  },
  (t) => [
    check('matches_status', sql`${t.status} in ('active','paused','closed')`),
    check('matches_origin', sql`${t.origin} in ('suggestion','batch')`),
    index('matches_volunteer_status').on(t.volunteerId, t.status),
    index('matches_mentee_status').on(t.menteeId, t.status),
  ],
);

/** One run of batch matching over a waiting list: the optimal assignment, proposed pair by pair for review. */
export const matchRuns = tenantTable(
  'match_runs',
  {
    programmeId: linkTo(() => programmes.id),
    createdByUserId: uuid().notNull(),
    createdAt: timestampNow(),
    mentees: integer().notNull(),
    volunteers: integer().notNull(),
    candidatePairs: integer().notNull(),
    matched: integer().notNull(),
    total: doublePrecision().notNull(),
    milliseconds: integer().notNull(),
    /** open (pairs to review), closed (every pair decided or the run was discarded). */
    status: text().notNull().default('open'),
  },
  (t) => [check('match_runs_status', sql`${t.status} in ('open','closed')`)],
);

/**
 * Who a batch run left without a proposal, and why, as counted when it ran: `eligible` volunteers fitted but their
 * places went to others (so that more people get a match), or none fitted and `leftOut` counts the broken rules.
 */
export const matchRunUnmatched = pgTable(
  'match_run_unmatched',
  {
    organisationId: organisationId().references(() => organisations.id, { onDelete: 'cascade' }),
    runId: belongsTo(() => matchRuns.id),
    menteeId: belongsTo(() => mentees.id),
    eligible: integer().notNull(),
    /** { count, byKey: { violation key: volunteers } } (see scoring/rank.ts LeftOut); `genderUnknown`: volunteers who
     * would have fitted but for an unrecorded gender while the person asked for a woman or a man (absent in old runs). */
    leftOut: jsonb().$type<{ count: number; byKey: Record<string, number>; genderUnknown?: number }>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.menteeId] }), check('match_run_unmatched_eligible', sql`${t.eligible} >= 0`), tenantPolicy('match_run_unmatched')],
).enableRLS();

export const matchProposals = tenantTable(
  'match_proposals',
  {
    runId: belongsTo(() => matchRuns.id),
    menteeId: belongsTo(() => mentees.id),
    volunteerId: belongsTo(() => volunteers.id),
    score: doublePrecision().notNull(),
    components: jsonList<StoredComponent>(),
    /** proposed, accepted, rejected, stale (no longer possible when decided: capacity taken, mentee matched). */
    status: text().$type<ProposalStatus>().notNull().default('proposed'),
    decidedByUserId: uuid(),
    decidedAt: timestamptz(),
    reason: text(),
    matchId: linkTo(() => matches.id),
  },
  (t) => [
    check('match_proposals_status', sql`${t.status} in ('proposed','accepted','rejected','stale')`),
    unique('match_proposals_run_mentee').on(t.runId, t.menteeId),
  ],
);

/** The first meeting of a new pair at a neutral place; the notice goes to both people and the social worker. */
export const introductions = tenantTable(
  'introductions',
  {
    matchId: belongsTo(() => matches.id),
    venueId: uuid().notNull().references(() => venues.id, { onDelete: 'restrict' }),
    startsAt: timestamptz().notNull(),
    minutes: integer().notNull().default(60),
    /** scheduled, held, cancelled. */
    status: text().notNull().default('scheduled'),
    note: text(),
    /** Set when the meeting was scheduled outside the venue's opening hours on purpose: the coordinator's reason. */
    outsideHoursReason: text(),
    icsUid: text().notNull(),
    /** iCalendar SEQUENCE: raised on every reschedule so calendars replace the event. */
    sequence: integer().notNull().default(0),
    createdByUserId: uuid().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    check('introductions_status', sql`${t.status} in ('scheduled','held','cancelled')`),
    check('introductions_minutes', sql`${t.minutes} between 15 and 480`),
    index('introductions_match').on(t.matchId),
  ],
);

import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { rowsOf } from '../../../core/db/tx.js';
import { matches } from '../../matching/index.js';
import { meetings } from '../pairs.table.js';

/**
 * Hours of the pairs, for the volunteer's page, the staff pages, the dashboards and the hours certificate.
 * Meeting hours come from `meetings` (a calendar DATE in the organisation's zone, so a month is `YYYY-MM` of
 * that date — no clock arithmetic can move a meeting to another day or month). Training hours come from group
 * supervision attendance and are reported separately (they are not meetings of a pair).
 * Every function takes the organisation id and runs in the caller's tenant transaction. Ranges are inclusive
 * calendar dates (YYYY-MM-DD); a missing end is open.
 */

export interface DateRange {
  from?: string;
  to?: string;
}

/** Which meetings count: optionally only some volunteers, matches or programmes (an empty list counts nothing). */
export interface MeetingFilter extends DateRange {
  volunteerIds?: readonly string[];
  matchIds?: readonly string[];
}

export interface Totals {
  minutes: number;
  meetings: number;
}

export interface TrainingTotals {
  minutes: number;
  sessions: number;
}

/** Minutes as hours with one decimal (90 → 1.5); rounding once, at the end, so sums stay exact. */
export const toHours = (minutes: number): number => Math.round(minutes / 6) / 10;

function meetingWhere(organisationId: string, f: MeetingFilter): SQL | undefined {
  return and(
    eq(meetings.organisationId, organisationId),
    f.from ? gte(meetings.meetingDate, f.from) : undefined,
    f.to ? lte(meetings.meetingDate, f.to) : undefined,
    f.volunteerIds ? (f.volunteerIds.length ? inArray(meetings.volunteerId, [...f.volunteerIds]) : sql`false`) : undefined,
    f.matchIds ? (f.matchIds.length ? inArray(meetings.matchId, [...f.matchIds]) : sql`false`) : undefined,
  );
}

const sums = { minutes: sql<number>`coalesce(sum(${meetings.minutes}), 0)::int`, meetings: sql<number>`count(*)::int` };

/** All meetings matching the filter together. */
export async function meetingTotals(tx: Tx, organisationId: string, f: MeetingFilter = {}): Promise<Totals> {
  const [row] = await tx.select(sums).from(meetings).where(meetingWhere(organisationId, f));
  return { minutes: Number(row?.minutes ?? 0), meetings: Number(row?.meetings ?? 0) };
}

/** Per volunteer (only volunteers with at least one meeting appear). */
export async function hoursByVolunteer(tx: Tx, organisationId: string, f: MeetingFilter = {}): Promise<(Totals & { volunteerId: string })[]> {
  return tx.select({ volunteerId: meetings.volunteerId, ...sums }).from(meetings).where(meetingWhere(organisationId, f)).groupBy(meetings.volunteerId);
}

/** Per match, with the date of the last meeting in the range. */
export async function hoursByMatch(tx: Tx, organisationId: string, f: MeetingFilter = {}): Promise<(Totals & { matchId: string; lastMeetingDate: string })[]> {
  return tx
    .select({ matchId: meetings.matchId, ...sums, lastMeetingDate: sql<string>`max(${meetings.meetingDate})::text` })
    .from(meetings)
    .where(meetingWhere(organisationId, f))
    .groupBy(meetings.matchId);
}

/** Per calendar month `YYYY-MM` of the meeting date, oldest first. */
export async function hoursByMonth(tx: Tx, organisationId: string, f: MeetingFilter = {}): Promise<(Totals & { month: string })[]> {
  const month = sql<string>`to_char(${meetings.meetingDate}, 'YYYY-MM')`;
  return tx.select({ month, ...sums }).from(meetings).where(meetingWhere(organisationId, f)).groupBy(month).orderBy(month);
}

/** Per programme of the match (`null`: matches without a programme). */
export async function hoursByProgramme(tx: Tx, organisationId: string, f: MeetingFilter = {}): Promise<(Totals & { programmeId: string | null })[]> {
  return tx
    .select({ programmeId: matches.programmeId, ...sums })
    .from(meetings)
    .innerJoin(matches, eq(matches.id, meetings.matchId))
    .where(meetingWhere(organisationId, f))
    .groupBy(matches.programmeId);
}

/**
 * Training minutes of people (volunteers' `person_id`) from group supervision they attended (`attended = true`),
 * each session counted on its date in `timeZone` (the organisation's): a session at 00:30 on 1 April in Warsaw
 * counts in April although it started on 31 March in UTC. `personIds = null`: everyone in the organisation.
 */
export async function trainingMinutes(
  tx: Tx,
  organisationId: string,
  personIds: readonly string[] | null,
  range: DateRange,
  timeZone: string,
): Promise<Map<string, TrainingTotals>> {
  if (personIds && personIds.length === 0) return new Map();
  const day = sql`(s.starts_at at time zone ${timeZone})::date`;
  const rows = rowsOf<{ person_id: string; minutes: number; sessions: number }>(
    await tx.execute(sql`
      select a.person_id, coalesce(sum(s.minutes), 0)::int as minutes, count(*)::int as sessions
      from supervision_attendees a
      join supervision_sessions s on s.id = a.session_id and s.organisation_id = a.organisation_id
      where a.organisation_id = ${organisationId} and a.attended
        ${personIds ? sql`and a.person_id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
        ${range.from ? sql`and ${day} >= ${range.from}::date` : sql``}
        ${range.to ? sql`and ${day} <= ${range.to}::date` : sql``}
      group by a.person_id`),
  );
  return new Map(rows.map((r) => [r.person_id, { minutes: Number(r.minutes), sessions: Number(r.sessions) }]));
}

/** The first day of the month and the first day of the year of a date: "this month" and "this year" for totals. */
export function periodStarts(today: string): { month: string; year: string } {
  return { month: `${today.slice(0, 7)}-01`, year: `${today.slice(0, 4)}-01-01` };
}

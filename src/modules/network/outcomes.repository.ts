import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { rowsOf, withSystem, type Tx } from '../../core/db/tx.js';
import type { Period } from './period.js';

/** The outcome figures of one organisation of one network the user manages: counts, sums and a median only. */
export interface OrganisationOutcomesRow {
  networkId: string;
  organisationId: string;
  /** Pairs started on or before the reporting date and not ended by its end (active or paused then). */
  activePairs: number;
  /** Pairs whose start falls in the period. */
  pairsStarted: number;
  /** Minutes of the meetings logged with a date in the period, and how many volunteers logged them. */
  minutes: number;
  volunteersWithHours: number;
  /** Concerns raised in the period, and how many of them are (now) high or safeguarding. */
  concerns: number;
  highConcerns: number;
}

/** A median of days waiting and the number of mentees it is taken over, per organisation or for a whole network. */
export interface WaitingMedianRow {
  networkId: string;
  /** Null: the whole network (the median over all its mentees matched in the period, not a median of medians). */
  organisationId: string | null;
  mentees: number;
  medianDays: number | null;
}

const orgsOf = (userId: string) => sql`
  select distinct nwo.network_id, o.id as organisation_id, o.time_zone
  from network_managers nm
  join network_organisations nwo on nwo.network_id = nm.network_id
  join organisations o on o.id = nwo.organisation_id
  where nm.user_id = ${userId}`;

/**
 * Outcome figures for every organisation of every network `userId` manages, over `period` (inclusive dates;
 * each organisation's instants are put on a date in its own `time_zone`, as everywhere else in the app):
 * pairs (`matches`: active or paused at the reporting date, started in the period), meeting hours (`meetings`,
 * dated by calendar date), concerns raised in the period (`concerns.created_at`) and the high or safeguarding
 * ones among them, and the median days waiting (see `waitingMediansForManager`).
 *
 * Why a system transaction: the figures span several tenants, which row-level security (one organisation per
 * transaction) cannot. It is safe because both queries are scoped to the networks of the user (the
 * network_managers join) and return only ids of networks and organisations with counts, sums and medians: no
 * person row, name, date of a person's event, note or id leaves them. Keep it that way: a list of individual
 * waiting times or hours per volunteer would be personal data, so the medians are taken in SQL.
 */
export function outcomesForManager(db: Db, userId: string, period: Period): Promise<{ organisations: OrganisationOutcomesRow[]; waiting: WaitingMedianRow[] }> {
  const from = sql`${period.from}::date`;
  const to = sql`${period.to}::date`;
  const reportingDate = sql`${period.reportingDate}::date`;
  return withSystem(db, async (tx) => {
    const organisations = rowsOf<{
      network_id: string;
      organisation_id: string;
      active_pairs: number;
      pairs_started: number;
      minutes: number;
      volunteers_with_hours: number;
      concerns: number;
      high_concerns: number;
    }>(
      await tx.execute(sql`
        with orgs as (${orgsOf(userId)})
        select orgs.network_id, orgs.organisation_id,
          coalesce(p.active_pairs, 0)::int as active_pairs,
          coalesce(p.pairs_started, 0)::int as pairs_started,
          coalesce(h.minutes, 0)::int as minutes,
          coalesce(h.volunteers, 0)::int as volunteers_with_hours,
          coalesce(c.concerns, 0)::int as concerns,
          coalesce(c.high_concerns, 0)::int as high_concerns
        from orgs
        left join lateral (
          select
            count(*) filter (where (mt.started_at at time zone orgs.time_zone)::date <= ${reportingDate}
              and (mt.ended_at is null or (mt.ended_at at time zone orgs.time_zone)::date > ${reportingDate})
              and not (mt.status = 'closed' and mt.ended_at is null)) as active_pairs,
            count(*) filter (where (mt.started_at at time zone orgs.time_zone)::date between ${from} and ${to}) as pairs_started
          from matches mt where mt.organisation_id = orgs.organisation_id
        ) p on true
        left join lateral (
          select sum(mg.minutes) as minutes, count(distinct mg.volunteer_id) as volunteers
          from meetings mg where mg.organisation_id = orgs.organisation_id and mg.meeting_date between ${from} and ${to}
        ) h on true
        left join lateral (
          select count(*) as concerns, count(*) filter (where cc.severity in ('high', 'safeguarding')) as high_concerns
          from concerns cc where cc.organisation_id = orgs.organisation_id
            and (cc.created_at at time zone orgs.time_zone)::date between ${from} and ${to}
        ) c on true`),
    );
    const waiting = await waitingMedians(tx, userId, period);
    return {
      organisations: organisations.map((r) => ({
        networkId: r.network_id,
        organisationId: r.organisation_id,
        activePairs: r.active_pairs,
        pairsStarted: r.pairs_started,
        minutes: r.minutes,
        volunteersWithHours: r.volunteers_with_hours,
        concerns: r.concerns,
        highConcerns: r.high_concerns,
      })),
      waiting,
    };
  });
}

/**
 * Median days waiting, per organisation and per network: for each mentee whose first pair started in the period,
 * the calendar days (in the organisation's zone) from the day the request was received (`mentees.created_at`:
 * the public form sent, or the intake recorded by staff) to the day that first pair started. The network's
 * median is taken over all its mentees at once (GROUPING SETS), an even count giving the mean of the two middle
 * values (`percentile_cont(0.5)`). Only the medians and the group sizes leave the query.
 */
async function waitingMedians(tx: Tx, userId: string, period: Period): Promise<WaitingMedianRow[]> {
  const rows = rowsOf<{ network_id: string; organisation_id: string | null; mentees: number; median_days: number | string | null }>(
    await tx.execute(sql`
      with orgs as (${orgsOf(userId)}),
      waits as (
        select orgs.network_id, orgs.organisation_id,
          greatest(0, (fm.started_at at time zone orgs.time_zone)::date - (me.created_at at time zone orgs.time_zone)::date) as days
        from orgs
        join mentees me on me.organisation_id = orgs.organisation_id
        join lateral (select min(mt.started_at) as started_at from matches mt where mt.mentee_id = me.id) fm on fm.started_at is not null
        where (fm.started_at at time zone orgs.time_zone)::date between ${period.from}::date and ${period.to}::date
      )
      select network_id, organisation_id, count(*)::int as mentees, percentile_cont(0.5) within group (order by days) as median_days
      from waits group by grouping sets ((network_id, organisation_id), (network_id))`),
  );
  return rows.map((r) => ({
    networkId: r.network_id,
    organisationId: r.organisation_id,
    mentees: r.mentees,
    medianDays: r.median_days === null ? null : Number(r.median_days),
  }));
}

import type { Tx } from '../db/tx.js';
import { daysSince, ORG_TIME_ZONE, todayIn } from '../i18n/time-zone.js';
import { findOrgFacts, type OrgFacts } from './org-facts.js';

/**
 * "Now", "today" and the zone of one organisation, read once per operation: ages, days waiting, filters by days
 * and safeguarding validity are all counted in the organisation's zone from this one moment (never UTC dates,
 * never 24-hour steps). A request's actor carries one (`actor.clock`); jobs make theirs with `orgClock` or `clockAt`.
 */
export interface OrgClock {
  now: Date;
  timeZone: string;
  /** YYYY-MM-DD in the organisation's time zone. */
  today: string;
}

/** The clock of an organisation at `now` (its `time_zone`; Europe/Warsaw if the row is not visible). */
export async function orgClock(tx: Tx, organisationId: string, now = new Date()): Promise<OrgClock> {
  return clockAt(now, (await findOrgFacts(tx, organisationId))?.timeZone ?? ORG_TIME_ZONE);
}

/** The clock of a zone at `now`, for code (and tests) that already know the zone. */
export function clockAt(now: Date, timeZone = ORG_TIME_ZONE): OrgClock {
  return { now, timeZone, today: todayIn(timeZone, now) };
}

/**
 * The clock a service counts with: the request's own (one `now` per request) unless the caller names another
 * moment (tests at midnight, jobs), which is then read in the same organisation's zone.
 */
export function clockOf(actor: { org: OrgFacts; clock: OrgClock }, now?: Date): OrgClock {
  return !now || now.getTime() === actor.clock.now.getTime() ? actor.clock : clockAt(now, actor.org.timeZone);
}

/** Calendar days from `instant` to the clock's today in its zone (0 on the day itself, never negative). */
export function daysWaiting(clock: Pick<OrgClock, 'now' | 'timeZone'>, instant: Date): number {
  return daysSince(instant, clock.now, clock.timeZone);
}

import { eq } from 'drizzle-orm';
import type { Tx } from '../db/tx.js';
import { ORG_TIME_ZONE, todayIn } from '../i18n/time-zone.js';
import { organisations } from './tenancy.table.js';

/**
 * "Now", "today" and the zone of one organisation, read once per operation: ages, days waiting, filters by days
 * and safeguarding validity are all counted in the organisation's zone from this one moment (never UTC dates,
 * never 24-hour steps).
 */
export interface OrgClock {
  now: Date;
  timeZone: string;
  /** YYYY-MM-DD in the organisation's time zone. */
  today: string;
}

/** The clock of an organisation at `now` (its `time_zone`; Europe/Warsaw if the row is not visible). */
export async function orgClock(tx: Tx, organisationId: string, now = new Date()): Promise<OrgClock> {
  const [org] = await tx.select({ timeZone: organisations.timeZone }).from(organisations).where(eq(organisations.id, organisationId));
  return clockAt(now, org?.timeZone ?? ORG_TIME_ZONE);
}

/** The clock of a zone at `now`, for code (and tests) that already know the zone. */
export function clockAt(now: Date, timeZone = ORG_TIME_ZONE): OrgClock {
  return { now, timeZone, today: todayIn(timeZone, now) };
}

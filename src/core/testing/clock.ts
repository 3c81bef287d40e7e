/**
 * "N days ago" for tests, counted as the application counts it: calendar days in the organisation's zone
 * (Europe/Warsaw unless the test says otherwise), never N × 24 hours back from now. 24 hours before 22:30 UTC
 * on a winter evening is, across the October clock change, already the next day in Warsaw; a test that seeded
 * "120 days ago" that way read "119 days waiting" for one hour every night.
 */
import { addDays, instantDaysBefore, ORG_TIME_ZONE, todayIn } from '../i18n/time-zone.js';

export interface ClockOptions {
  /** The moment "today" is taken at (default: the current time). */
  now?: Date;
  /** The organisation's zone (default Europe/Warsaw, as `world()` creates organisations). */
  timeZone?: string;
}

/** The date (YYYY-MM-DD) `days` calendar days before today in the zone; negative `days` are ahead. */
export function localDaysAgo(days: number, { now = new Date(), timeZone = ORG_TIME_ZONE }: ClockOptions = {}): string {
  return addDays(todayIn(timeZone, now), -days);
}

/** An instant on the date `days` calendar days before today in the zone (noon there; see `instantDaysBefore`). */
export function instantDaysAgo(days: number, { now = new Date(), timeZone = ORG_TIME_ZONE }: ClockOptions = {}): Date {
  return instantDaysBefore(now, days, timeZone);
}

/** Next year's EU clock changes (last Sundays of March and October) and the days after them. */
export function clockChanges(year = new Date().getUTCFullYear() + 1) {
  const lastSunday = (month: number) => [31, 30, 29, 28, 27, 26, 25].map((d) => new Date(Date.UTC(year, month, d))).find((d) => d.getUTCMonth() === month && d.getUTCDay() === 0)!;
  const day = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
  return { year, springForward: day(lastSunday(2)), afterAutumn: day(lastSunday(9), 1) };
}

import { addDays, addMonths, ORG_TIME_ZONE, todayIn } from '../../core/i18n/time-zone.js';

/** The period choices of the network page: the last 12 months (default), this year, or one whole year. */
export const PERIOD_CHOICES = ['last-12-months', 'this-year'] as const;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** How many past years the page offers besides "this year" (older ones still work in a link). */
export const YEARS_OFFERED = 5;

export type PeriodChoice = (typeof PERIOD_CHOICES)[number] | 'year';

/** A reporting period: inclusive calendar dates (YYYY-MM-DD), each organisation's events placed on its own calendar. */
export interface Period {
  choice: PeriodChoice;
  /** The year, for `year` and `this-year`. */
  year: number | null;
  from: string;
  to: string;
  /** The day "active pairs" are counted on: the period's last day, or today when the period has not ended. */
  reportingDate: string;
}

/**
 * The period a `?period=` value stands for at `now`: `last-12-months` (the default: the 12 months up to today,
 * e.g. 2025-12-08 to 2026-12-07), `this-year` (1 January to today) or a year `YYYY` (the whole calendar year).
 * "Today" is the date in Europe/Warsaw: a network spans organisations and has no zone of its own, and every
 * organisation then places its own events (meetings, matches, concerns) on its own calendar.
 */
export function periodOf(value: string | undefined, now: Date, timeZone = ORG_TIME_ZONE): Period {
  const today = todayIn(timeZone, now);
  const currentYear = Number(today.slice(0, 4));
  if (value && /^\d{4}$/.test(value)) {
    const year = Number(value);
    const to = `${year}-12-31`;
    return { choice: 'year', year, from: `${year}-01-01`, to, reportingDate: to < today ? to : today };
  }
  if (value === 'this-year') return { choice: 'this-year', year: currentYear, from: `${currentYear}-01-01`, to: today, reportingDate: today };
  return { choice: 'last-12-months', year: null, from: addDays(addMonths(today, -12), 1), to: today, reportingDate: today };
}

/** The value of the period select for a period (`last-12-months`, `this-year` or `YYYY`). */
export const periodValue = (p: Period): string => (p.choice === 'year' ? String(p.year) : p.choice);

/** The years the select offers: last year and the ones before it (this year is "this year"). */
export function offeredYears(now: Date, timeZone = ORG_TIME_ZONE): number[] {
  const currentYear = Number(todayIn(timeZone, now).slice(0, 4));
  return Array.from({ length: YEARS_OFFERED }, (_, i) => currentYear - 1 - i);
}

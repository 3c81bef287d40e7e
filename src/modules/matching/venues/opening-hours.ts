import { addDays, startOfDayIn, utcToZoned, zonedToUtc } from '../../../core/i18n/time-zone.js';

/**
 * A venue's weekly opening hours: per weekday, zero or more intervals of wall-clock time in the organisation's
 * zone. Pure functions, no I/O: parsing what staff type, showing it, and checking a meeting against it.
 *
 * Stored as `venues.weekly_hours` (jsonb): `null` means the hours are unknown (nothing is checked); otherwise every
 * weekday is present and an empty list means closed that day.
 */

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** "HH:MM" to "HH:MM" on one day; `to` may be "24:00" (open until midnight); `from` < `to`. */
export interface Interval {
  from: string;
  to: string;
}
export type WeeklyHours = Record<WeekdayKey, Interval[]>;

/** The form field of a weekday: `hoursMon` … `hoursSun`. */
export type HoursField = `hours${Capitalize<WeekdayKey>}`;
export const hoursField = (day: WeekdayKey): HoursField => `hours${day[0]!.toUpperCase()}${day.slice(1)}` as HoursField;

export type DayHoursProblem = 'matching.settings.validation.hoursFormat' | 'matching.settings.validation.hoursOrder' | 'matching.settings.validation.hoursOverlap';

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;
const INTERVAL = /^(\d{1,2})(?:[:.](\d{2}))?\s*[-\u2010-\u2015]\s*(\d{1,2})(?:[:.](\d{2}))?$/;
const pad = (n: number) => String(n).padStart(2, '0');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * One day's hours as typed: intervals separated by commas or semicolons, each "9-13", "09:00–13:00" or
 * "15.30-18" (Arabic-Indic digits accepted). Empty means closed. Returns the intervals sorted, or the catalogue key
 * of the problem: a bad time, an end not after its start, two intervals that overlap (touching ones are fine).
 * @example parseDayHours('15:00-18:00, 9-13') // { intervals: [{from:'09:00',to:'13:00'},{from:'15:00',to:'18:00'}] }
 */
export function parseDayHours(typed: string): { intervals: Interval[] } | { problem: DayHoursProblem } {
  const text = typed.replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) & 0xf)).trim();
  if (text === '') return { intervals: [] };
  const intervals: Interval[] = [];
  for (const part of text.split(/[,;\u060C]/)) {
    const m = INTERVAL.exec(part.trim());
    if (!m) return { problem: 'matching.settings.validation.hoursFormat' };
    const [fh, fm, th, tm] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3]), Number(m[4] ?? 0)];
    if (fh > 23 || fm > 59 || th > 24 || tm > 59 || (th === 24 && tm > 0)) return { problem: 'matching.settings.validation.hoursFormat' };
    const interval = { from: `${pad(fh)}:${pad(fm)}`, to: `${pad(th)}:${pad(tm)}` };
    if (minutesOf(interval.to) <= minutesOf(interval.from)) return { problem: 'matching.settings.validation.hoursOrder' };
    intervals.push(interval);
  }
  intervals.sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  for (let i = 1; i < intervals.length; i++) if (minutesOf(intervals[i]!.from) < minutesOf(intervals[i - 1]!.to)) return { problem: 'matching.settings.validation.hoursOverlap' };
  return { intervals };
}

/** A day's intervals as people read them and as the form shows them again: "09:00–13:00, 15:00–18:00" ("" = closed). */
export function formatDayHours(intervals: readonly Interval[], separator = ', '): string {
  return intervals.map((i) => `${i.from}\u2013${i.to}`).join(separator);
}

/** The weekly hours from seven typed days; null when every day is empty (the hours are not known). */
export function weeklyHoursOf(days: Record<WeekdayKey, Interval[]>): WeeklyHours | null {
  return WEEKDAY_KEYS.some((d) => days[d].length > 0) ? days : null;
}

/** The weekday of a date (YYYY-MM-DD): 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The instant of a wall-clock time on a date in the zone. "24:00" is the next day's first instant; a time the clocks
 * skip (02:30 when they go forward) is the first instant after the jump, when the place's clock shows 03:00.
 */
function instantOf(date: string, hhmm: string, timeZone: string): Date {
  if (hhmm === '24:00') return startOfDayIn(addDays(date, 1), timeZone);
  for (let m = minutesOf(hhmm); m < 24 * 60; m++) {
    const at = zonedToUtc(date, `${pad(Math.floor(m / 60))}:${pad(m % 60)}`, timeZone);
    if (at) return at;
  }
  return startOfDayIn(addDays(date, 1), timeZone);
}

/** Why a meeting does not fit a venue's hours: the day it starts on (in the zone), that day's hours, its end time there. */
export interface OutsideHours {
  date: string;
  weekday: number;
  intervals: Interval[];
  start: string;
  end: string;
}

/**
 * Whether a meeting from `startsAt` for `minutes` lies wholly inside one of the venue's intervals on the day it
 * starts, in `timeZone`. Compared as instants, so a meeting across a clock change lasts its real length (01:30 for
 * 60 minutes on the spring Sunday ends at 03:30 on the wall). Null when it fits or the hours are unknown.
 */
export function outsideHours(hours: WeeklyHours | null, startsAt: Date, minutes: number, timeZone: string): OutsideHours | null {
  if (!hours) return null;
  const { date, time: start } = utcToZoned(startsAt, timeZone);
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const weekday = weekdayIndex(date);
  const intervals = hours[WEEKDAY_KEYS[weekday]!] ?? [];
  const fits = intervals.some((i) => startsAt.getTime() >= instantOf(date, i.from, timeZone).getTime() && endsAt.getTime() <= instantOf(date, i.to, timeZone).getTime());
  if (fits) return null;
  const endWall = utcToZoned(endsAt, timeZone);
  return { date, weekday, intervals, start, end: endWall.date === date ? endWall.time : endWall.time === '00:00' ? '24:00' : endWall.time };
}

/** Whether two weekly hours say the same (jsonb does not keep key order, so objects are compared day by day). */
export function sameWeeklyHours(a: WeeklyHours | null, b: WeeklyHours | null): boolean {
  if (!a || !b) return !a && !b;
  return WEEKDAY_KEYS.every((d) => formatDayHours(a[d] ?? []) === formatDayHours(b[d] ?? []));
}

/**
 * Calendar arithmetic in an organisation's time zone (`organisations.time_zone`), without a date library.
 * Europe/Warsaw is the default where no organisation is at hand.
 */
export const ORG_TIME_ZONE = 'Europe/Warsaw';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function partsOf(instantMs: number, timeZone: string) {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instantMs)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

/** The zone's offset from UTC at an instant, in milliseconds (Warsaw: +1 h in winter, +2 h in summer). */
function offsetMs(instantMs: number, timeZone: string): number {
  const p = partsOf(instantMs, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant of a wall-clock date (YYYY-MM-DD) and time (HH:MM) in `timeZone`. Returns null for a time
 * that does not exist there (the hour skipped when clocks go forward); for the repeated hour when clocks go
 * back, the earlier instant.
 */
export function zonedToUtc(date: string, time: string, timeZone = ORG_TIME_ZONE): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  const offsets = new Set([offsetMs(wall - 12 * 3_600_000, timeZone), offsetMs(wall + 12 * 3_600_000, timeZone)]);
  const found = [...offsets]
    .map((o) => wall - o)
    .filter((utc) => {
      const p = partsOf(utc, timeZone);
      return p.y === y && p.m === m && p.d === d && p.h === h && p.min === min;
    })
    .sort((a, b) => a - b);
  return found.length ? new Date(found[0]!) : null;
}

/** The wall-clock date and time of an instant in `timeZone`: { date: YYYY-MM-DD, time: HH:MM }. */
export function utcToZoned(instant: Date, timeZone = ORG_TIME_ZONE): { date: string; time: string } {
  const p = partsOf(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.y}-${pad(p.m)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.min)}` };
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function todayIn(timeZone = ORG_TIME_ZONE, now = new Date()): string {
  return utcToZoned(now, timeZone).date;
}

/** A date plus whole months, clamped to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A date plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whole calendar days from instant `from` to instant `to` as the zone's wall calendar counts them: an instant at
 * 23:59 and one at 00:01 the next day are one day apart; 24 hours across a clock change may be 0 or 1 day apart
 * only by the dates they fall on, never by their length. Negative when `to` is on an earlier date.
 */
export function calendarDaysBetween(from: Date, to: Date, timeZone = ORG_TIME_ZONE): number {
  return daysBetween(utcToZoned(from, timeZone).date, utcToZoned(to, timeZone).date);
}

/**
 * The first instant of a date (YYYY-MM-DD) in `timeZone`: its local midnight, or the first minute that exists
 * when the clocks jump over midnight there.
 */
export function startOfDayIn(date: string, timeZone = ORG_TIME_ZONE): Date {
  for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
    const at = zonedToUtc(date, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, timeZone);
    if (at) return at;
  }
  throw new Error(`no instant of ${date} exists in ${timeZone}`);
}

/**
 * Days waiting since `from` as of `now`: calendar days in `timeZone` (0 on the day itself, never negative).
 * The one definition behind every "N days waiting" (mentee list and case, volunteer pipeline, matching).
 */
export function daysSince(from: Date, now: Date, timeZone = ORG_TIME_ZONE): number {
  return Math.max(0, calendarDaysBetween(from, now, timeZone));
}

/**
 * An instant `days` calendar days before `now`'s date in `timeZone`: noon there (an hour that exists on every
 * date, far from both midnights), so the date in the zone is exactly today − `days` whatever the hour and the
 * clock changes in between. For `days` = 0, a minute before `now` (or today's local midnight, if that minute was
 * yesterday): never after `now`, yet today. Negative `days` give noon of a later date.
 */
export function instantDaysBefore(now: Date, days: number, timeZone = ORG_TIME_ZONE): Date {
  const date = addDays(todayIn(timeZone, now), -days);
  if (days === 0) return new Date(Math.max(startOfDayIn(date, timeZone).getTime(), now.getTime() - 60_000));
  return zonedToUtc(date, '12:00', timeZone)!;
}

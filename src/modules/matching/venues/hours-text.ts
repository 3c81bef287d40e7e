/** Opening hours in words, in the viewer's language (for pages and for the introduction form's refusal). */
import { formatList, weekdayName, type Locale, type Translate } from '../../../core/i18n/index.js';
import { formatDayHours, WEEKDAY_KEYS, type Interval, type WeeklyHours } from './opening-hours.js';

/** One day's hours in words: "09:00–13:00 and 15:00–18:00", or "closed". */
export function dayHoursText(t: Translate, locale: Locale, intervals: readonly Interval[]): string {
  return intervals.length ? formatList(intervals.map((i) => formatDayHours([i])), locale) : t('matching.settings.venues.closed');
}

/**
 * The week as lines people read, consecutive days with the same hours joined: "Monday–Friday: 09:00–17:00",
 * "Saturday: 10:00–14:00", "Sunday: closed". Empty for unknown hours.
 */
export function weeklyHoursLines(t: Translate, locale: Locale, hours: WeeklyHours | null): string[] {
  if (!hours) return [];
  const lines: string[] = [];
  for (let first = 0; first < 7; ) {
    const same = formatDayHours(hours[WEEKDAY_KEYS[first]!]);
    let last = first;
    while (last < 6 && formatDayHours(hours[WEEKDAY_KEYS[last + 1]!]) === same) last++;
    const days = first === last ? weekdayName(locale, first) : t('matching.settings.venues.dayRange', { first: weekdayName(locale, first), last: weekdayName(locale, last) });
    lines.push(t('matching.settings.venues.hoursLine', { weekdays: days, times: dayHoursText(t, locale, hours[WEEKDAY_KEYS[first]!]) }));
    first = last + 1;
  }
  return lines;
}

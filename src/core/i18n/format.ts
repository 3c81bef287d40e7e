import { direction, INTL_TAG, type Locale } from './locales.js';
import { isolate, LTR_LETTER, RTL_LETTER } from './bidi.js';

/** Calendar date in the locale, in the organisation's time zone (Europe/Warsaw unless set). */
export function formatDate(value: Date | string, locale: Locale, timeZone = 'Europe/Warsaw'): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'long', timeZone }).format(date);
}

/** Date and time in the locale, always on the 24-hour clock (Arabic would otherwise say "4:30 م"). */
export function formatDateTime(value: Date, locale: Locale, timeZone = 'Europe/Warsaw'): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(value);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale]).format(value);
}

const collators = new Map<Locale, Intl.Collator>();
/** Compares names by the locale's rules (Ł after L in Polish, Є after Е in Ukrainian). */
export function compareNames(locale: Locale): (a: string, b: string) => number {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(INTL_TAG[locale], { sensitivity: 'base', numeric: true });
    collators.set(locale, c);
  }
  return c.compare;
}


/**
 * "a, b and c" in the locale (Arabic uses its own comma and "و"). An item written wholly in the other direction (a
 * Polish interest on an Arabic page, an Arabic one on a Polish page) is isolated (FSI…PDI, plain-text <bdi>): else
 * the bidi algorithm joins neighbouring items across the separators into one run and shows them in reverse order.
 * The list itself takes the page's direction: a `dir="auto"` around it would see the first item's direction instead.
 */
export function formatList(items: string[], locale: Locale, type: 'conjunction' | 'unit' = 'unit'): string {
  const [own, other] = direction(locale) === 'rtl' ? [RTL_LETTER, LTR_LETTER] : [LTR_LETTER, RTL_LETTER];
  const isolated = items.map((item) => (other.test(item) && !own.test(item) ? isolate(item) : item));
  return new Intl.ListFormat(INTL_TAG[locale], { type, style: 'short' }).format(isolated);
}

const languageNames = new Map<Locale, Intl.DisplayNames>();
/** "Ukrainian" for `uk` in English, "ukraiński" in Polish; the code itself when Intl does not know it. */
export function languageName(locale: Locale, code: string): string {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([INTL_TAG[locale]], { type: 'language', fallback: 'code' });
    languageNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();
/** The weekday's name in the viewer's language, counting from Monday = 0 (1 January 2024 was a Monday). */
export function weekdayName(locale: Locale, index: number): string {
  let f = weekdayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_TAG[locale], { weekday: 'long', timeZone: 'UTC' });
    weekdayFormats.set(locale, f);
  }
  return f.format(new Date(Date.UTC(2024, 0, 1 + index)));
}

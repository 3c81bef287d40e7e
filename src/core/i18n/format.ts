import { INTL_TAG, type Locale } from './locales.js';

/** Calendar date in the locale, in the organisation's time zone (Europe/Warsaw unless set). */
export function formatDate(value: Date | string, locale: Locale, timeZone = 'Europe/Warsaw'): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'long', timeZone }).format(date);
}

export function formatDateTime(value: Date, locale: Locale, timeZone = 'Europe/Warsaw'): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(value);
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

/** "a, b and c" in the locale (Arabic uses its own comma and "و"). */
export function formatList(items: string[], locale: Locale, type: 'conjunction' | 'unit' = 'unit'): string {
  return new Intl.ListFormat(INTL_TAG[locale], { type, style: 'short' }).format(items);
}

import { isOneOf } from '../one-of.js';
export const LOCALES = ['pl', 'en', 'uk', 'de', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** BCP 47 tags used with Intl for dates, numbers, plurals and collation. */
export const INTL_TAG: Record<Locale, string> = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA', de: 'de-DE', ar: 'ar' };
/** The language's own name, for the language switcher. */
export const LANGUAGE_NAME: Record<Locale, string> = { pl: 'Polski', en: 'English', uk: 'Українська', de: 'Deutsch', ar: 'العربية' };
export const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && isOneOf(LOCALES, value);
}

export function direction(locale: Locale): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

import { INTL_TAG, type Locale } from '../../../core/i18n/index.js';
import { toHours } from './hours.js';

const formats = new Map<Locale, Intl.NumberFormat>();

/** Hours with exactly one decimal in the locale's digits and separator: 1.5 → "1.5" (en), "1,5" (pl, de, uk). */
export function formatHourValue(hours: number, locale: Locale): string {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAG[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    formats.set(locale, f);
  }
  return f.format(hours);
}

/** Minutes as hours with exactly one decimal: 90 → "1.5" (en), "1,5" (pl, de, uk). */
export function formatHours(minutes: number, locale: Locale): string {
  return formatHourValue(toHours(minutes), locale);
}

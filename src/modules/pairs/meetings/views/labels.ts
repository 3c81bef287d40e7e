import { INTL_TAG, type Locale } from '../../../../core/i18n/index.js';

/** "March 2025" / "marzec 2025" of a `YYYY-MM` month (a calendar month: no time zone involved). */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(INTL_TAG[locale], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

export { fullName } from '../../../../core/ui/index.js';

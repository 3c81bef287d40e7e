import { INTL_TAG, type Locale } from '../../../../core/i18n/index.js';

/** A coordinate for reading, in the viewer's digits, with the precision it was typed with (up to 6 places). */
export function formatCoordinate(n: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 6, useGrouping: false }).format(n);
}

/** A coordinate as the edit form shows it: ASCII digits, with the decimal comma where the language writes one. */
export function typedCoordinate(n: number, locale: Locale): string {
  const s = String(n);
  return locale === 'pl' || locale === 'uk' || locale === 'de' ? s.replace('.', ',') : s;
}

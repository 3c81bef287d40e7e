import { INTL_TAG, type Locale } from '../../../core/i18n/index.js';

/**
 * Countries an organisation can be in (ISO 3166-1 alpha-2): the EU and EEA, Switzerland, the United Kingdom,
 * Ukraine and Moldova. Names come from Intl in the viewer's language, so no catalogue entries are needed.
 */
export const COUNTRIES = [
  'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE',
  'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MD', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'UA',
] as const;
export type Country = (typeof COUNTRIES)[number];

/** The country's name in the locale, e.g. `countryName('DE', 'pl')` → "Niemcy"; the code if Intl has none. */
export function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([INTL_TAG[locale]], { type: 'region' }).of(code) ?? code;
}

/** Select options sorted by name in the locale. */
export function countryOptions(locale: Locale, compare: (a: string, b: string) => number) {
  return COUNTRIES.map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) => compare(a.label, b.label));
}

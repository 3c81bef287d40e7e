import { isLocale, LOCALES, type Locale } from './locales.js';
import { isOneOf } from '../one-of.js';

export interface LocaleSources {
  query?: unknown;
  /** A language the signed-in person chose by link earlier in this session (it wins over their account's setting). */
  sessionChoice?: string;
  userSetting?: string | null;
  cookie?: string;
  acceptLanguage?: string;
  organisationDefault?: string;
  fallback: Locale;
}

/**
 * Picks the interface language: `?lang=`, then a language chosen by link in this session, then the user's setting
 * or the `lang` cookie, then Accept-Language (by q-value), then the organisation's default, then the fallback.
 */
export function negotiateLocale(s: LocaleSources): Locale {
  if (isLocale(s.query)) return s.query;
  if (isLocale(s.sessionChoice)) return s.sessionChoice;
  if (isLocale(s.userSetting)) return s.userSetting;
  if (isLocale(s.cookie)) return s.cookie;
  const fromHeader = s.acceptLanguage ? pickAcceptLanguage(s.acceptLanguage) : undefined;
  if (fromHeader) return fromHeader;
  if (isLocale(s.organisationDefault)) return s.organisationDefault;
  return s.fallback;
}

/** The best supported language in an Accept-Language header, or undefined. Malformed parts are ignored. */
export function pickAcceptLanguage(header: string): Locale | undefined {
  const ranked = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((r) => r.lang).find((l): l is Locale => isOneOf(LOCALES, l));
}

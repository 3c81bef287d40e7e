import { hasMessage, INTL_TAG, type Locale, type Translate } from '../../../../core/i18n/index.js';
import type { Stage } from '../stages.js';

/** Words for the values stored on a volunteer, in the viewer's language. Shared by pages and exports. */

export const stageName = (t: Translate, stage: string) => t(`volunteers.stage.${stage}`);

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

/** "Ukrainian (C1)", "Polish (native speaker)". */
export function languageLabel(t: Translate, locale: Locale, l: { code: string; level: string }): string {
  const level = l.level === 'native' ? t('volunteers.pipeline.level.native') : l.level;
  return t('volunteers.pipeline.languageLevel', { language: languageName(locale, l.code), level });
}

/**
 * The label of a coded value (`activity.mentoring`, `basis.consent`…) from this part's catalogue; a value
 * without a message (entered by a newer form) is shown as it is stored.
 */
export function codeLabel(t: Translate, group: string, value: string): string {
  const key = `volunteers.pipeline.${group}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export const fullName = (v: { givenName: string | null; familyName: string | null }) => `${v.givenName ?? ''} ${v.familyName ?? ''}`.trim();
/** Family name first, as lists sort. */
export const listName = (v: { givenName: string; familyName: string }) => `${v.familyName} ${v.givenName}`;

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SLOTS = ['morning', 'afternoon', 'evening'] as const;

/** The weekday's name in the locale (Monday = index 0), from Intl rather than the catalogue. */
export function weekdayName(locale: Locale, index: number): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

export type { Stage };

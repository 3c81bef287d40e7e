import { formatList, hasMessage, type Locale, type Translate } from '../../../../core/i18n/index.js';
import type { LanguageLevel } from '../../../volunteers/index.js';
import { languageLabel, weekdayName } from '../../../volunteers/index.js';
import { DAYS } from '../../scoring/index.js';

/** Words for stored codes on the matching pages, in the viewer's language. */

export { fullName } from '../../../../core/ui/index.js';

/** A coded value with a message in this module (`matching.need.school_help`), or the value as stored. */
export function label(t: Translate, group: string, value: string): string {
  const key = `matching.${group}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export const needList = (t: Translate, locale: Locale, needs: readonly string[]) => formatList(needs.map((n) => label(t, 'need', n)), locale);

export const languageList = (t: Translate, locale: Locale, languages: readonly LanguageLevel[]) => formatList(languages.map((l) => languageLabel(t, locale, l)), locale);

/** "Monday, morning; Tuesday, evening" — weekly slots in week order. */
export function slotList(t: Translate, locale: Locale, slots: readonly string[]): string {
  const ordered = [...slots].sort((a, b) => slotOrder(a) - slotOrder(b));
  return formatList(
    ordered.map((s) => {
      const [day = '', part = ''] = s.split('-');
      const i = (DAYS as readonly string[]).indexOf(day);
      const partKey = `volunteers.application.slot.${part}`;
      if (i < 0 || !hasMessage(partKey)) return s;
      return t('volunteers.application.slotOfDay', { day: weekdayName(locale, i), slot: t(partKey).toLocaleLowerCase(locale) });
    }),
    locale,
  );
}

const PARTS = ['morning', 'afternoon', 'evening'];
function slotOrder(slot: string): number {
  const [day = '', part = ''] = slot.split('-');
  return (DAYS as readonly string[]).indexOf(day) * 3 + PARTS.indexOf(part);
}

export { weekdayName };

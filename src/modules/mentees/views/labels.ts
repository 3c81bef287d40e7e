import { formatList, hasMessage, type Locale, type Translate } from '../../../core/i18n/index.js';
import { languageLabel } from '../../volunteers/index.js';

/** Words for the values stored on a mentee, in the viewer's language. */

/** The message of a key built from a stored code, or the code itself when the catalogue has no such message. */
const known = (t: Translate, key: string, code: string) => (hasMessage(key) ? t(key) : code);
export const statusName = (t: Translate, status: string) => known(t, `mentees.status.${status}`, status);
export const needName = (t: Translate, need: string) => known(t, `mentees.need.${need}`, need);
export const purposeName = (t: Translate, purpose: string) => known(t, `mentees.purpose.${purpose}`, purpose);

export const needList = (t: Translate, locale: Locale, needs: readonly string[]) => formatList(needs.map((n) => needName(t, n)), locale);
export const languageList = (t: Translate, locale: Locale, languages: readonly { code: string; level: string }[]) => formatList(languages.map((l) => languageLabel(t, locale, l)), locale);

export { fullName } from '../../../core/ui/index.js';
/** Family name first, as lists sort. */
export const listName = (m: { givenName: string; familyName: string }) => `${m.familyName} ${m.givenName}`;

/** "12 days" with the language's plural forms (1 dzień, 2 dni, 5 dni). */
export const daysLabel = (t: Translate, days: number | null) => (days === null ? '—' : t('mentees.days', { count: days }));

import { hasMessage, languageName, weekdayName, type Locale, type Translate } from '../../../../core/i18n/index.js';
import { plannedLengthOf } from '../../application/application.schemas.js';
import type { Stage } from '../stages.js';

/** Words for the values stored on a volunteer, in the viewer's language. Shared by pages and exports. */

export const stageName = (t: Translate, stage: Stage) => t(`volunteers.stage.${stage}`);

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

/** The planned length of service as the volunteer chose it ("More than 30 days"), never the stored stand-in days. */
export const plannedLengthName = (t: Translate, plannedDays: number | null) => t(`volunteers.application.planned.${plannedLengthOf(plannedDays)}`);

export { fullName } from '../../../../core/ui/index.js';
/** Family name first, as lists sort. */
export const listName = (v: { givenName: string; familyName: string }) => `${v.familyName} ${v.givenName}`;

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SLOTS = ['morning', 'afternoon', 'evening'] as const;

// Pages of this module import the names from here; they are the shared ones of core/i18n.
export { languageName, weekdayName };
export type { Stage };

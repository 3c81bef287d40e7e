import type { Translate } from '../../../../core/i18n/index.js';
import type { PairOption } from '../concerns.repository.js';
import { SEVERITIES, STATUSES } from '../concerns.schemas.js';
import { isOneOf } from '../../../../core/one-of.js';

/** Names of codes in the user's language; an unknown code shows as itself rather than as a missing key. */
const RAISED_AS = ['volunteer', 'social_worker', 'coordinator', 'administrator'] as const;

export const severityName = (t: Translate, s: string) => (isOneOf(SEVERITIES, s) ? t(`pairs.concerns.severity.${s}`) : s);
export const statusName = (t: Translate, s: string) => (isOneOf(STATUSES, s) ? t(`pairs.concerns.status.${s}`) : s);
export const raisedAsName = (t: Translate, s: string) => (isOneOf(RAISED_AS, s) ? t(`pairs.concerns.raisedAs.${s}`) : s);

/** A pair for staff: both full names. */
export const pairName = (t: Translate, p: { volunteerName: string | null; menteeName: string | null }) => t('pairs.concerns.pair', { volunteer: p.volunteerName ?? '—', mentee: p.menteeName ?? '—' });

/** A pair for its volunteer: the mentee's first name. */
export const myPairName = (t: Translate, p: Pick<PairOption, 'menteeGiven'>) => t('pairs.concerns.myPair', { mentee: p.menteeGiven ?? '—' });

import type { Translate } from '../../../../core/i18n/index.js';
import type { PairOption } from '../concerns.repository.js';

/** Names of codes in the user's language; an unknown code shows as itself rather than as a missing key. */
const SEVERITY = new Set(['low', 'medium', 'high', 'safeguarding']);
const STATUS = new Set(['open', 'in_progress', 'resolved', 'closed']);
const RAISED_AS = new Set(['volunteer', 'social_worker', 'coordinator', 'administrator']);

export const severityName = (t: Translate, s: string) => (SEVERITY.has(s) ? t(`pairs.concerns.severity.${s}`) : s);
export const statusName = (t: Translate, s: string) => (STATUS.has(s) ? t(`pairs.concerns.status.${s}`) : s);
export const raisedAsName = (t: Translate, s: string) => (RAISED_AS.has(s) ? t(`pairs.concerns.raisedAs.${s}`) : s);

/** A pair for staff: both full names. */
export const pairName = (t: Translate, p: { volunteerName: string | null; menteeName: string | null }) => t('pairs.concerns.pair', { volunteer: p.volunteerName ?? '—', mentee: p.menteeName ?? '—' });

/** A pair for its volunteer: the mentee's first name. */
export const myPairName = (t: Translate, p: Pick<PairOption, 'menteeGiven'>) => t('pairs.concerns.myPair', { mentee: p.menteeGiven ?? '—' });

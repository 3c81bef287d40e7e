import { allowed } from '../../core/policy.js';
import type { PageContext } from '../../core/ui/index.js';
import { checkInsPolicy } from './check-ins/check-ins.policy.js';
import { concernsPolicy } from './concerns/concerns.policy.js';
import { meetingsPolicy } from './meetings/meetings.policy.js';
import { pairsPolicy } from './pairs.policy.js';

/**
 * The pages of following the pairs, linked from the list of pairs (they are not all in the main menu). Each link is
 * shown by the policy its route checks, so the list offers exactly the pages the reader may open.
 */
export function PairsNav({ ctx }: { ctx: PageContext }) {
  const { t, user } = ctx;
  return (
    <nav aria-label={t('pairs.links.label')}>
      <p class="actions-row">
        {allowed(user, checkInsPolicy, 'follow') && <a href="/pairs/overdue">{t('pairs.links.overdue')}</a>}
        {allowed(user, concernsPolicy, 'staff') && <a href="/concerns">{t('pairs.links.concerns')}</a>}
        {allowed(user, pairsPolicy, 'supervise') && <a href="/supervision">{t('pairs.links.supervision')}</a>}
        {allowed(user, checkInsPolicy, 'configure') && <a href="/pairs/covers">{t('pairs.links.covers')}</a>}
        {allowed(user, meetingsPolicy, 'hoursReport') && <a href="/pairs/hours">{t('pairs.meetings.hours.link')}</a>}
      </p>
    </nav>
  );
}

/** What staff can do with one pair, from its log page. */
export function PairActions({ ctx, matchId, open }: { ctx: PageContext; matchId: string; open: boolean }) {
  const { t } = ctx;
  return (
    <p class="actions-row">
      <a href={`/pairs/${matchId}/check-ins`}>{t('pairs.links.checkIns')}</a>
      {open && <a href={`/pairs/${matchId}/check-ins/new?side=volunteer`}>{t('pairs.links.checkInVolunteer')}</a>}
      {open && <a href={`/pairs/${matchId}/check-ins/new?side=mentee`}>{t('pairs.links.checkInMentee')}</a>}
      <a href={`/concerns/new?matchId=${matchId}`}>{t('pairs.links.raiseConcern')}</a>
      {open && <a href={`/pairs/${matchId}/close`}>{t('pairs.links.close')}</a>}
    </p>
  );
}

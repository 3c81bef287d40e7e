import type { PageContext } from '../../core/ui/index.js';

/** The pages of following the pairs, linked from the list of pairs (they are not all in the main menu). */
export function PairsNav({ ctx, canSupervise }: { ctx: PageContext; canSupervise: boolean }) {
  const { t } = ctx;
  return (
    <nav aria-label={t('pairs.links.label')}>
      <p class="actions-row">
        <a href="/pairs/overdue">{t('pairs.links.overdue')}</a>
        <a href="/concerns">{t('pairs.links.concerns')}</a>
        {canSupervise && <a href="/supervision">{t('pairs.links.supervision')}</a>}
        {canSupervise && <a href="/pairs/covers">{t('pairs.links.covers')}</a>}
        {canSupervise && <a href="/pairs/hours">{t('pairs.meetings.hours.link')}</a>}
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

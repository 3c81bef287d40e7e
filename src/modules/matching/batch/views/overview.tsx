import { formatDate, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, ItemList, PageHead, Stats, type PageContext } from '../../../../core/ui/index.js';
import { fullName, needList } from '../../suggestions/views/labels.js';
import type { MatchingOverview } from '../overview.service.js';
import { runTitle } from './labels.js';

/** `/matching`: the state of matching at a glance, and where to go next. */
export function OverviewView({ ctx, view, canConfigure }: { ctx: PageContext; view: MatchingOverview; canConfigure: boolean }) {
  const { t, locale } = ctx;
  return (
    <>
      <PageHead title={t('matching.overview.title')} />
      <Stats
        items={[
          { value: formatNumber(view.waitingCount, locale), label: t('matching.overview.waiting', { count: view.waitingCount }) },
          { value: formatNumber(view.openRuns.length, locale), label: t('matching.overview.openRuns', { count: view.openRuns.length }) },
          { value: formatNumber(view.activeMatches, locale), label: t('matching.overview.activeMatches', { count: view.activeMatches }) },
        ]}
      />
      <p class="actions-row">
        <a class="button" href="/matching/batch">
          {t('matching.overview.runBatch')}
        </a>
        <a href="/matching/matches">{t('matching.links.matches')}</a>
        <a href="/mentees">{t('matching.overview.waitingList')}</a>
        {canConfigure && <a href="/matching/settings">{t('matching.overview.settings')}</a>}
      </p>

      <h2>{t('matching.overview.longestWaiting')}</h2>
      <DataTable
        cards
        caption={t('matching.overview.longestWaiting')}
        rows={view.longestWaiting}
        empty={t('matching.overview.nobodyWaiting')}
        columns={[
          { header: t('matching.mentee'), rowHeader: true, cell: (m) => fullName(m) },
          { header: t('matching.overview.needs'), cell: (m) => needList(t, locale, m.needs) || '—' },
          { header: t('matching.summary.waiting'), headerClass: 'numeric', cellClass: 'numeric', cell: (m) => t('matching.summary.days', { count: m.daysWaiting }) },
          {
            header: <span class="visually-hidden">{t('matching.actions')}</span>,
            cell: (m) => (
              <a href={`/matching/mentees/${m.id}`}>
                {t('matching.overview.findVolunteer')}
                <span class="visually-hidden"> ({fullName(m)})</span>
              </a>
            ),
          },
        ]}
      />

      <h2>{t('matching.overview.openRunsHeading')}</h2>
      <ItemList
        items={view.openRuns}
        empty={t('matching.overview.noOpenRuns')}
        emptyClass="muted"
        render={(r) => (
          <li>
            <a href={`/matching/batch/${r.id}`}>{runTitle(ctx, r, view.timeZone)}</a> — {t('matching.batch.toDecide', { count: r.proposed })}
          </li>
        )}
      />

      <h2>{t('matching.overview.recentMatches')}</h2>
      <ItemList
        items={view.recentMatches}
        empty={t('matching.matches.empty')}
        emptyClass="muted"
        render={(m) => (
          <li>
            <a href={`/matching/matches/${m.id}`}>{t('matching.matches.pairName', { mentee: fullName(m.mentee), volunteer: fullName(m.volunteer) })}</a> ({t('matching.since', { date: formatDate(m.startedAt, locale, view.timeZone) })})
          </li>
        )}
      />
    </>
  );
}

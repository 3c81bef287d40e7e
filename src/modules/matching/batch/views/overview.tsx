import { formatDate, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, PageHead, type PageContext } from '../../../../core/ui/index.js';
import { fullName, needList } from '../../suggestions/views/labels.js';
import type { MatchingOverview } from '../overview.service.js';
import { runTitle } from './labels.js';

/** `/matching`: the state of matching at a glance, and where to go next. */
export function OverviewView({ ctx, view, canConfigure }: { ctx: PageContext; view: MatchingOverview; canConfigure: boolean }) {
  const { t, locale } = ctx;
  return (
    <>
      <PageHead title={t('matching.overview.title')} />
      <ul class="stats">
        <li>
          <span class="stat-value">{formatNumber(view.waitingCount, locale)}</span> {t('matching.overview.waiting', { count: view.waitingCount })}
        </li>
        <li>
          <span class="stat-value">{formatNumber(view.openRuns.length, locale)}</span> {t('matching.overview.openRuns', { count: view.openRuns.length })}
        </li>
        <li>
          <span class="stat-value">{formatNumber(view.activeMatches, locale)}</span> {t('matching.overview.activeMatches', { count: view.activeMatches })}
        </li>
      </ul>
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
      {view.openRuns.length === 0 ? (
        <p class="muted">{t('matching.overview.noOpenRuns')}</p>
      ) : (
        <ul>
          {view.openRuns.map((r) => (
            <li>
              <a href={`/matching/batch/${r.id}`}>{runTitle(ctx, r, view.timeZone)}</a> — {t('matching.batch.toDecide', { count: r.proposed })}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('matching.overview.recentMatches')}</h2>
      {view.recentMatches.length === 0 ? (
        <p class="muted">{t('matching.matches.empty')}</p>
      ) : (
        <ul>
          {view.recentMatches.map((m) => (
            <li>
              <a href={`/matching/matches/${m.id}`}>{t('matching.matches.pairName', { mentee: fullName(m.mentee), volunteer: fullName(m.volunteer) })}</a> ({t('matching.since', { date: formatDate(m.startedAt, locale, view.timeZone) })})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

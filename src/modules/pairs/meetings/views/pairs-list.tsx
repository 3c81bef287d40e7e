import { formatDate } from '../../../../core/i18n/index.js';
import { DataTable, type PageContext } from '../../../../core/ui/index.js';
import { utcToZoned } from '../../../../core/i18n/time-zone.js';
import { formatHours } from '../format-hours.js';
import { PairsNav } from '../../links.js';
import type { PairSummary } from '../pairs.service.js';

/** /pairs: the pairs I follow (administrators: all) with the last meeting and the hours this month. */
export function PairsListView({ ctx, pairs, timeZone, all }: { ctx: PageContext; pairs: PairSummary[]; timeZone: string; all: boolean }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1>{t('pairs.meetings.pairs.title')}</h1>
      <PairsNav ctx={ctx} />
      <p class="lead">{t(all ? 'pairs.meetings.pairs.introAll' : 'pairs.meetings.pairs.intro')}</p>
      <DataTable
        cards
        caption={t('pairs.meetings.pairs.caption', { count: pairs.length })}
        rows={pairs}
        empty={t('pairs.meetings.pairs.none')}
        columns={[
          {
            header: t('pairs.meetings.pairs.pair'),
            rowHeader: true,
            cell: ({ pair: p }) => (
              <a href={`/pairs/${p.id}`}>{t('pairs.meetings.pairName', { volunteer: `${p.volunteerGivenName} ${p.volunteerFamilyName}`, mentee: `${p.menteeGivenName} ${p.menteeFamilyName}` })}</a>
            ),
          },
          { header: t('pairs.meetings.pairs.status'), cell: ({ pair: p }) => t(`pairs.meetings.status.${p.status}`) },
          { header: t('pairs.meetings.pairs.since'), cell: ({ pair: p }) => formatDate(utcToZoned(p.startedAt, timeZone).date, locale, timeZone) },
          { header: t('pairs.meetings.pairs.lastMeeting'), cell: ({ lastMeetingDate }) => (lastMeetingDate ? formatDate(lastMeetingDate, locale, timeZone) : t('pairs.meetings.pairs.never')) },
          { header: t('pairs.meetings.pairs.hoursMonth'), headerClass: 'numeric', cellClass: 'numeric', cell: ({ monthMinutes }) => formatHours(monthMinutes, locale) },
        ]}
      />
    </>
  );
}

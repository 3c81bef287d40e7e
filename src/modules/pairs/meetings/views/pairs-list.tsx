import { formatDate } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
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
      <PairsNav ctx={ctx} canSupervise={(ctx.user?.roles ?? []).some((r) => r === 'administrator' || r === 'coordinator')} />
      <p class="lead">{t(all ? 'pairs.meetings.pairs.introAll' : 'pairs.meetings.pairs.intro')}</p>
      {pairs.length === 0 ? (
        <p class="empty">{t('pairs.meetings.pairs.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table-cards">
            <caption class="visually-hidden">{t('pairs.meetings.pairs.caption', { count: pairs.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pairs.meetings.pairs.pair')}</th>
                <th scope="col">{t('pairs.meetings.pairs.status')}</th>
                <th scope="col">{t('pairs.meetings.pairs.since')}</th>
                <th scope="col">{t('pairs.meetings.pairs.lastMeeting')}</th>
                <th scope="col" class="numeric">
                  {t('pairs.meetings.pairs.hoursMonth')}
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs.map(({ pair: p, lastMeetingDate, monthMinutes }) => (
                <tr>
                  <th scope="row">
                    <a href={`/pairs/${p.id}`}>{t('pairs.meetings.pairName', { volunteer: `${p.volunteerGivenName} ${p.volunteerFamilyName}`, mentee: `${p.menteeGivenName} ${p.menteeFamilyName}` })}</a>
                  </th>
                  <td data-label={t('pairs.meetings.pairs.status')}>{t(`pairs.meetings.status.${p.status}`)}</td>
                  <td data-label={t('pairs.meetings.pairs.since')}>{formatDate(utcToZoned(p.startedAt, timeZone).date, locale, timeZone)}</td>
                  <td data-label={t('pairs.meetings.pairs.lastMeeting')}>{lastMeetingDate ? formatDate(lastMeetingDate, locale, timeZone) : t('pairs.meetings.pairs.never')}</td>
                  <td class="numeric" data-label={t('pairs.meetings.pairs.hoursMonth')}>{formatHours(monthMinutes, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

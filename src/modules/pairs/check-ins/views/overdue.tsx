import { formatDate } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
import type { OverdueCheckIn, QuietPair } from '../overdue.service.js';
import { fullName } from './check-in-form.js';

interface Props {
  ctx: PageContext;
  overdue: OverdueCheckIn[];
  quiet: QuietPair[];
  all: boolean;
  canListAll: boolean;
}

const pairName = (ctx: PageContext, p: { volunteer: { givenName: string; familyName: string }; mentee: { givenName: string; familyName: string } }) =>
  ctx.t('pairs.overdue.pairName', { volunteer: fullName(p.volunteer), mentee: fullName(p.mentee) });

/** /pairs/overdue: overdue check-ins and quiet pairs, most urgent first, each with a link to act on it. */
export function OverdueView({ ctx, overdue, quiet, all, canListAll }: Props) {
  const { t, locale } = ctx;
  return (
    <>
      <h1>{t('pairs.overdue.title')}</h1>
      <p class="lead">{t('pairs.overdue.intro')}</p>
      {canListAll && (
        <nav class="tabs" aria-label={t('pairs.overdue.scopeLabel')}>
          <ul>
            <li>
              <a href="/pairs/overdue" aria-current={all ? undefined : 'page'}>
                {t('pairs.overdue.scope.mine')}
              </a>
            </li>
            <li>
              <a href="/pairs/overdue?all=1" aria-current={all ? 'page' : undefined}>
                {t('pairs.overdue.scope.all')}
              </a>
            </li>
          </ul>
        </nav>
      )}
      <h2 id="overdue-title">{t('pairs.overdue.checkInsTitle', { count: overdue.length })}</h2>
      {overdue.length === 0 ? (
        <p class="empty">{t('pairs.overdue.noneOverdue')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('pairs.overdue.checkInsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pairs.overdue.pair')}</th>
                <th scope="col">{t('pairs.overdue.withWhom')}</th>
                <th scope="col">{t('pairs.overdue.due')}</th>
                <th scope="col">{t('pairs.overdue.action')}</th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`/pairs/${o.matchId}/check-ins`}>{pairName(ctx, o)}</a>
                  </th>
                  <td>{t(`pairs.checkIns.side.${o.side}`)}</td>
                  <td>
                    {formatDate(o.dueOn, locale)}
                    <br />
                    <strong>{t('pairs.overdue.daysOverdue', { days: o.days })}</strong>
                  </td>
                  <td>
                    <a href={`/pairs/${o.matchId}/check-ins/new?side=${o.side}`}>
                      {t('pairs.overdue.record')}
                      <span class="visually-hidden"> {t('pairs.overdue.recordContext', { pair: pairName(ctx, o), side: t(`pairs.checkIns.side.${o.side}`) })}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="quiet-title">{t('pairs.overdue.quietTitle', { count: quiet.length })}</h2>
      {quiet.length === 0 ? (
        <p class="empty">{t('pairs.overdue.noneQuiet')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('pairs.overdue.quietCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pairs.overdue.pair')}</th>
                <th scope="col">{t('pairs.overdue.lastMeeting')}</th>
                <th scope="col">{t('pairs.overdue.quietFor')}</th>
              </tr>
            </thead>
            <tbody>
              {quiet.map((q) => (
                <tr>
                  <th scope="row">
                    <a href={`/pairs/${q.matchId}`}>{pairName(ctx, q)}</a>
                  </th>
                  <td>{q.lastMeetingOn ? formatDate(q.lastMeetingOn, locale) : t('pairs.overdue.noMeeting', { date: formatDate(q.startedOn, locale) })}</td>
                  <td>{t('pairs.overdue.daysQuiet', { days: q.days })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/pairs/covers">{t('pairs.overdue.coversLink')}</a>
      </p>
    </>
  );
}

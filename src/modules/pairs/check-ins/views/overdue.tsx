import { formatDate } from '../../../../core/i18n/index.js';
import { DataTable, type PageContext } from '../../../../core/ui/index.js';
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
      <DataTable
        cards
        caption={t('pairs.overdue.checkInsCaption')}
        rows={overdue}
        empty={t('pairs.overdue.noneOverdue')}
        columns={[
          { header: t('pairs.overdue.pair'), rowHeader: true, cell: (o) => <a href={`/pairs/${o.matchId}/check-ins`}>{pairName(ctx, o)}</a> },
          { header: t('pairs.overdue.withWhom'), cell: (o) => t(`pairs.checkIns.side.${o.side}`) },
          {
            header: t('pairs.overdue.due'),
            cell: (o) => (
              <>
                {formatDate(o.dueOn, locale)}
                <br />
                <strong>{t('pairs.overdue.daysOverdue', { days: o.days })}</strong>
              </>
            ),
          },
          {
            header: t('pairs.overdue.action'),
            cell: (o) => (
              <a href={`/pairs/${o.matchId}/check-ins/new?side=${o.side}`}>
                {t('pairs.overdue.record')}
                <span class="visually-hidden"> {t('pairs.overdue.recordContext', { pair: pairName(ctx, o), side: t(`pairs.checkIns.side.${o.side}`) })}</span>
              </a>
            ),
          },
        ]}
      />
      <h2 id="quiet-title">{t('pairs.overdue.quietTitle', { count: quiet.length })}</h2>
      <DataTable
        cards
        caption={t('pairs.overdue.quietCaption')}
        rows={quiet}
        empty={t('pairs.overdue.noneQuiet')}
        columns={[
          { header: t('pairs.overdue.pair'), rowHeader: true, cell: (q) => <a href={`/pairs/${q.matchId}`}>{pairName(ctx, q)}</a> },
          { header: t('pairs.overdue.lastMeeting'), cell: (q) => (q.lastMeetingOn ? formatDate(q.lastMeetingOn, locale) : t('pairs.overdue.noMeeting', { date: formatDate(q.startedOn, locale) })) },
          { header: t('pairs.overdue.quietFor'), cell: (q) => t('pairs.overdue.daysQuiet', { days: q.days }) },
        ]}
      />
      <p>
        <a href="/pairs/covers">{t('pairs.overdue.coversLink')}</a>
      </p>
    </>
  );
}

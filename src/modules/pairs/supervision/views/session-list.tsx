import { formatDateTime, formatNumber } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
import type { SessionListRow } from '../supervision.repository.js';

function SessionTable({ ctx, rows, caption, timeZone, past }: { ctx: PageContext; rows: SessionListRow[]; caption: string; timeZone: string; past: boolean }) {
  const { t, locale } = ctx;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pairs.supervision.field.when')}</th>
            <th scope="col">{t('pairs.supervision.field.audience')}</th>
            <th scope="col">{t('pairs.supervision.field.where')}</th>
            <th scope="col">{t('pairs.supervision.field.facilitator')}</th>
            {past && <th scope="col">{t('pairs.supervision.attendedColumn')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr>
              <td>
                <a href={`/supervision/${s.id}`}>{formatDateTime(s.startsAt, locale, timeZone)}</a>
                <br />
                <span class="muted">{t('pairs.supervision.minutes', { count: s.minutes })}</span>
              </td>
              <td>{t(`pairs.supervision.audience.${s.audience}`)}</td>
              <td>
                {s.place && <span>{s.place}</span>}
                {s.place && s.onlineLink && <br />}
                {s.onlineLink && <span>{t('pairs.supervision.online')}</span>}
              </td>
              <td>{s.facilitator}</td>
              {past && <td>{s.hasRecord || s.attended > 0 ? formatNumber(s.attended, locale) : t('pairs.supervision.notRecorded')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Upcoming sessions (soonest first) and past ones (latest first). */
export function SessionListView({ ctx, upcoming, past, timeZone }: { ctx: PageContext; upcoming: SessionListRow[]; past: SessionListRow[]; timeZone: string }) {
  const { t } = ctx;
  return (
    <>
      <div class="page-head">
        <h1>{t('pairs.supervision.title')}</h1>
        <a class="button" href="/supervision/new">
          {t('pairs.supervision.new')}
        </a>
      </div>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('pairs.supervision.upcoming')}</h2>
        {upcoming.length === 0 ? <p class="empty">{t('pairs.supervision.noUpcoming')}</p> : <SessionTable ctx={ctx} rows={upcoming} caption={t('pairs.supervision.upcoming')} timeZone={timeZone} past={false} />}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('pairs.supervision.past')}</h2>
        {past.length === 0 ? <p class="empty">{t('pairs.supervision.noPast')}</p> : <SessionTable ctx={ctx} rows={past} caption={t('pairs.supervision.past')} timeZone={timeZone} past />}
      </section>
    </>
  );
}

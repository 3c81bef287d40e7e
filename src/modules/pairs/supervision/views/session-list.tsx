import { formatDateTime, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, PageHead, Section, type PageContext } from '../../../../core/ui/index.js';
import type { SessionListRow } from '../supervision.repository.js';

function SessionTable({ ctx, rows, caption, empty, timeZone, past }: { ctx: PageContext; rows: SessionListRow[]; caption: string; empty: string; timeZone: string; past: boolean }) {
  const { t, locale } = ctx;
  return (
    <DataTable
      cards
      caption={caption}
      rows={rows}
      empty={empty}
      columns={[
        {
          header: t('pairs.supervision.field.when'),
          cell: (s) => (
            <>
              <a href={`/supervision/${s.id}`}>{formatDateTime(s.startsAt, locale, timeZone)}</a>
              <br />
              <span class="muted">{t('pairs.supervision.minutes', { count: s.minutes })}</span>
            </>
          ),
        },
        { header: t('pairs.supervision.field.audience'), cell: (s) => t(`pairs.supervision.audience.${s.audience}`) },
        {
          header: t('pairs.supervision.field.where'),
          cell: (s) => (
            <>
              {s.place && <span>{s.place}</span>}
              {s.place && s.onlineLink && <br />}
              {s.onlineLink && <span>{t('pairs.supervision.online')}</span>}
            </>
          ),
        },
        { header: t('pairs.supervision.field.facilitator'), cell: (s) => s.facilitator },
        past && { header: t('pairs.supervision.attendedColumn'), cell: (s) => (s.hasRecord || s.attended > 0 ? formatNumber(s.attended, locale) : t('pairs.supervision.notRecorded')) },
      ]}
    />
  );
}

/** Upcoming sessions (soonest first) and past ones (latest first). */
export function SessionListView({ ctx, upcoming, past, timeZone }: { ctx: PageContext; upcoming: SessionListRow[]; past: SessionListRow[]; timeZone: string }) {
  const { t } = ctx;
  return (
    <>
      <PageHead title={t('pairs.supervision.title')} action={{ href: '/supervision/new', label: t('pairs.supervision.new') }} />
      <Section id="upcoming-heading" title={t('pairs.supervision.upcoming')}>
        <SessionTable ctx={ctx} rows={upcoming} caption={t('pairs.supervision.upcoming')} empty={t('pairs.supervision.noUpcoming')} timeZone={timeZone} past={false} />
      </Section>
      <Section id="past-heading" title={t('pairs.supervision.past')}>
        <SessionTable ctx={ctx} rows={past} caption={t('pairs.supervision.past')} empty={t('pairs.supervision.noPast')} timeZone={timeZone} past />
      </Section>
    </>
  );
}

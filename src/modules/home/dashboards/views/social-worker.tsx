import { compareNames, formatDate, formatList } from '../../../../core/i18n/index.js';
import { DataTable, Section, type PageContext } from '../../../../core/ui/index.js';
import { statusName } from '../../../mentees/index.js';
import type { DashboardData } from '../dashboard.service.js';
import { FigureCard } from './coordinator.js';

const k = <K extends string>(key: K) => `home.dashboard.${key}` as const;

/** The social worker's home: their clients with status and running pairs, and the requests waiting for review. */
/** `showRequests` is false when the coordinator's part above already shows the same figure. */
export function SocialWorkerDashboard({ ctx, data, timeZone, showRequests }: { ctx: PageContext; data: NonNullable<DashboardData['socialWorker']>; timeZone: string; showRequests: boolean }) {
  const { t, locale } = ctx;
  const compare = compareNames(locale);
  const clients = [...data.clients].sort((a, b) => compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName));
  return (
    <Section id="dash-social" title={t(k('social.title'))}>
      {showRequests && (
        <ul class="cards dash-grid">
          <FigureCard ctx={ctx} value={data.requested} label={t(k('requests'), { count: data.requested })} href="/mentees?status=requested" />
        </ul>
      )}
      <DataTable
        caption={t(k('social.caption'))}
        rows={clients}
        empty={t(k('social.noClients'))}
        columns={[
          {
            header: t(k('social.name')),
            rowHeader: true,
            cell: (c) => (
              <a href={`/mentees/${c.id}`} dir="auto">
                {c.givenName} {c.familyName}
              </a>
            ),
          },
          {
            header: t(k('social.status')),
            cell: (c) => (
              <>
                {statusName(t, c.status)}
                {c.status === 'waiting' && c.waitingSince && (
                  <>
                    <br />
                    <span class="muted">{t(k('social.waitingSince'), { date: formatDate(c.waitingSince, locale, timeZone) })}</span>
                  </>
                )}
              </>
            ),
          },
          {
            header: t(k('social.pairs')),
            cell: (c) =>
              c.pairs.length === 0
                ? t(k('social.noPairs'))
                : formatList(
                    c.pairs.map((p) => t(k('social.pair'), { volunteer: p.volunteer, date: formatDate(p.startedAt, locale, timeZone) })),
                    locale,
                  ),
          },
        ]}
      />
    </Section>
  );
}

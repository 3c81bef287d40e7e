import { compareNames, formatDate, formatList } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
import { statusName } from '../../../mentees/views/labels.js';
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
    <section aria-labelledby="dash-social">
      <h2 id="dash-social">{t(k('social.title'))}</h2>
      {showRequests && (
        <ul class="cards dash-grid">
          <FigureCard ctx={ctx} value={data.requested} label={t(k('requests'), { count: data.requested })} href="/mentees?status=requested" />
        </ul>
      )}
      {clients.length === 0 ? (
        <p class="empty">{t(k('social.noClients'))}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t(k('social.caption'))}</caption>
            <thead>
              <tr>
                <th scope="col">{t(k('social.name'))}</th>
                <th scope="col">{t(k('social.status'))}</th>
                <th scope="col">{t(k('social.pairs'))}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={`/mentees/${c.id}`} dir="auto">
                      {c.givenName} {c.familyName}
                    </a>
                  </th>
                  <td>
                    {statusName(t, c.status)}
                    {c.status === 'waiting' && c.waitingSince && (
                      <>
                        <br />
                        <span class="muted">{t(k('social.waitingSince'), { date: formatDate(c.waitingSince, locale, timeZone) })}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {c.pairs.length === 0
                      ? t(k('social.noPairs'))
                      : formatList(
                          c.pairs.map((p) => t(k('social.pair'), { volunteer: p.volunteer, date: formatDate(p.startedAt, locale, timeZone) })),
                          locale,
                        )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { formatDate, formatDateTime } from '../../../../core/i18n/index.js';
import { Section, type PageContext } from '../../../../core/ui/index.js';
import { formatHours } from '../../../pairs/index.js';
import type { DashboardData } from '../dashboard.service.js';

const k = <K extends string>(key: K) => `home.dashboard.volunteer.${key}` as const;

/** The volunteer's home: log a meeting first (the thing they come for), then their pairs, the next meeting, their hours. */
export function VolunteerDashboard({ ctx, data, timeZone }: { ctx: PageContext; data: DashboardData['volunteer']; timeZone: string }) {
  const { t, locale } = ctx;
  if (!data) {
    return (
      <Section id="dash-volunteer" title={t(k('title'))}>
        <p class="empty">{t(k('noRecord'))}</p>
      </Section>
    );
  }
  return (
    <Section id="dash-volunteer" title={t(k('title'))}>
      {data.pairs.length > 0 && (
        <p>
          <a class="button dash-primary" href="/me/meetings/new">
            {t(k('logMeeting'))}
          </a>
        </p>
      )}
      <ul class="cards">
        <li class="card">
          <h3>{t(k('pairs'))}</h3>
          {data.pairs.length === 0 ? (
            <p class="muted">{t(k('noPairs'))}</p>
          ) : (
            <ul class="plain-list">
              {data.pairs.map((p) => (
                <li>
                  <span dir="auto">{p.givenName}</span> <span class="muted">{t(k('since'), { date: formatDate(p.startedAt, locale, timeZone) })}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
        <li class="card">
          <h3>{t(k('next'))}</h3>
          {data.next ? (
            <p>
              <strong>{formatDateTime(data.next.startsAt, locale, timeZone)}</strong>
              <br />
              {t(k('nextWith'), { name: data.next.with, venue: data.next.venue })}
              <br />
              <span class="muted" dir="auto">
                {data.next.address}
              </span>
            </p>
          ) : (
            <p class="muted">{t(k('noNext'))}</p>
          )}
        </li>
        <li class="card">
          <h3>{t(k('hours'))}</h3>
          <dl class="dash-figures">
            <div>
              <dt>{t(k('hoursMonth'))}</dt>
              <dd class="stat-value">{formatHours(data.monthMinutes, locale)}</dd>
            </div>
            <div>
              <dt>{t(k('hoursTotal'))}</dt>
              <dd class="stat-value">{formatHours(data.totalMinutes, locale)}</dd>
            </div>
          </dl>
          <p>
            <a href="/me/meetings">{t(k('meetings'))}</a>
          </p>
        </li>
      </ul>
      <p>
        <a href="/me/volunteer">{t(k('myVolunteering'))}</a>
      </p>
    </Section>
  );
}

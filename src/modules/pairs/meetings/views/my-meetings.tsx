import { formatDate } from '../../../../core/i18n/index.js';
import { PageHead, RequiredMark, Section, type PageContext } from '../../../../core/ui/index.js';
import { formatHours } from '../format-hours.js';
import type { Totals } from '../hours.js';
import type { MyMeetings } from '../meetings.service.js';
import { MeetingItem } from './meeting-item.js';

function Stat({ ctx, label, totals }: { ctx: PageContext; label: string; totals: Totals }) {
  return (
    <li>
      <span class="stat-value">{formatHours(totals.minutes, ctx.locale)}</span> {label}
      <br />
      <span class="muted">{ctx.t('pairs.meetings.meetingCount', { count: totals.meetings })}</span>
    </li>
  );
}

/** /me/meetings: the volunteer's pairs, totals, history with staff comments, and the hours certificate. */
export function MyMeetingsView({ ctx, me }: { ctx: PageContext; me: MyMeetings | null }) {
  const { t, locale } = ctx;
  if (!me) {
    return (
      <section class="narrow">
        <h1>{t('pairs.meetings.mine.title')}</h1>
        <p class="empty">{t('pairs.meetings.noVolunteerRecord')}</p>
      </section>
    );
  }
  return (
    <>
      <PageHead title={t('pairs.meetings.mine.title')} action={me.pairs.length > 0 && { href: '/me/meetings/new', label: t('pairs.meetings.logAMeeting') }} />
      <p>
        <a href="/me/concerns">{t('pairs.links.myConcerns')}</a>
      </p>
      <Section id="totals-title" title={t('pairs.meetings.mine.totals')}>
        <ul class="stats">
          <Stat ctx={ctx} label={t('pairs.meetings.mine.hoursMonth')} totals={me.totals.month} />
          <Stat ctx={ctx} label={t('pairs.meetings.mine.hoursYear')} totals={me.totals.year} />
          <Stat ctx={ctx} label={t('pairs.meetings.mine.hoursAll')} totals={me.totals.all} />
        </ul>
      </Section>
      <Section id="pairs-title" title={t('pairs.meetings.mine.pairs')}>
        {me.pairs.length === 0 ? (
          <p class="empty">{t('pairs.meetings.noActivePair')}</p>
        ) : (
          <ul>
            {me.pairs.map((p) => (
              <li>{t('pairs.meetings.mine.pairSince', { name: p.menteeGivenName, date: formatDate(p.startedOn, locale, me.timeZone) })}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="history-title" title={t('pairs.meetings.mine.history')}>
        {me.meetings.length === 0 ? (
          <p class="empty">{t('pairs.meetings.mine.noMeetings')}</p>
        ) : (
          <ol class="notes meetings">
            {me.meetings.map((m) => (
              <MeetingItem ctx={ctx} meeting={m} who={m.menteeGivenName} timeZone={me.timeZone} />
            ))}
          </ol>
        )}
      </Section>
      <section aria-labelledby="certificate-title" class="narrow">
        <h2 id="certificate-title">{t('pairs.meetings.certificate.heading')}</h2>
        <p>{t('pairs.meetings.certificate.explain')}</p>
        <form method="get" action="/me/meetings/certificate.pdf" class="form">
          <div class="field">
            <label for="f-from">
              {t('pairs.meetings.certificate.from')}
              <RequiredMark ctx={ctx} />
            </label>
            <input id="f-from" name="from" type="date" max={me.today} />
          </div>
          <div class="field">
            <label for="f-to">
              {t('pairs.meetings.certificate.to')}
              <RequiredMark ctx={ctx} />
            </label>
            <input id="f-to" name="to" type="date" max={me.today} />
          </div>
          <div class="actions">
            <button type="submit" class="button button-secondary">
              {t('pairs.meetings.certificate.download')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

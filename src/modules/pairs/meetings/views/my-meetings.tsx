import { formatDate } from '../../../../core/i18n/index.js';
import { ItemList, PageHead, RequiredMark, Section, Stats, SubmitButton, type PageContext, type Stat } from '../../../../core/ui/index.js';
import { formatHours } from '../format-hours.js';
import type { Totals } from '../hours.js';
import type { MyMeetings } from '../meetings.service.js';
import { MeetingItem } from './meeting-item.js';

/** The hours of one period, and the meetings they came from under them. */
const stat = (ctx: PageContext, label: string, totals: Totals): Stat => ({
  value: formatHours(totals.minutes, ctx.locale),
  label,
  note: ctx.t('pairs.meetings.meetingCount', { count: totals.meetings }),
});

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
        <Stats
          items={[
            stat(ctx, t('pairs.meetings.mine.hoursMonth'), me.totals.month),
            stat(ctx, t('pairs.meetings.mine.hoursYear'), me.totals.year),
            stat(ctx, t('pairs.meetings.mine.hoursAll'), me.totals.all),
          ]}
        />
      </Section>
      <Section id="pairs-title" title={t('pairs.meetings.mine.pairs')}>
        <ItemList items={me.pairs} empty={t('pairs.meetings.noActivePair')} render={(p) => <li>{t('pairs.meetings.mine.pairSince', { name: p.menteeGivenName, date: formatDate(p.startedOn, locale, me.timeZone) })}</li>} />
      </Section>
      <Section id="history-title" title={t('pairs.meetings.mine.history')}>
        <ItemList items={me.meetings} empty={t('pairs.meetings.mine.noMeetings')} ordered class="notes meetings" render={(m) => <MeetingItem ctx={ctx} meeting={m} who={m.menteeGivenName} timeZone={me.timeZone} />} />
      </Section>
      <section aria-labelledby="certificate-title" class="narrow">
        <h2 id="certificate-title">{t('pairs.meetings.certificate.heading')}</h2>
        <p>{t('pairs.meetings.certificate.explain')}</p>
        <form method="get" action="/me/meetings/certificate.pdf" class="form">
          {(['from', 'to'] as const).map((name) => (
            <div class="field">
              <label for={`f-${name}`}>
                {t(`pairs.meetings.certificate.${name}`)}
                <RequiredMark ctx={ctx} />
              </label>
              <input id={`f-${name}`} name={name} type="date" max={me.today} />
            </div>
          ))}
          <SubmitButton secondary>{t('pairs.meetings.certificate.download')}</SubmitButton>
        </form>
      </section>
    </>
  );
}

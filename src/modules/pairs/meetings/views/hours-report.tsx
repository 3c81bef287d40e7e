import { formatNumber, INTL_TAG, type Locale } from '../../../../core/i18n/index.js';
import { ErrorSummary, SelectField, SubmitButton, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { allowed } from '../../../../core/policy.js';
import { formatHours } from '../format-hours.js';
import { FigureRow } from './figure-row.js';
import { meetingsPolicy } from '../meetings.policy.js';
import type { HoursReport } from '../hours-report.service.js';

/** Month names of the column heads: short on screen (the table must fit a phone), in full for screen readers. */
function monthNames(months: string[], locale: Locale): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(INTL_TAG[locale], { month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(INTL_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return months.map((m) => {
    const d = new Date(`${m}-15T12:00:00Z`);
    return { short: short.format(d), long: long.format(d) };
  });
}

/** /pairs/hours: meeting hours per programme and month, and per volunteer with training hours, for one year. */
export function HoursReportView({ ctx, report, form }: { ctx: PageContext; report: HoursReport; form: FormState }) {
  const { t, locale } = ctx;
  const h = (minutes: number) => formatHours(minutes, locale);
  const names = monthNames(report.months, locale);
  // The way back to the list of pairs only for those who may open it (a programme manager sees the report alone).
  const followsPairs = allowed(ctx.user, meetingsPolicy, 'follow');
  return (
    <>
      <h1>{t('pairs.meetings.hours.title')}</h1>
      {followsPairs && (
        <p>
          <a href="/pairs">{t('pairs.meetings.backToPairs')}</a>
        </p>
      )}
      <p class="lead">{t('pairs.meetings.hours.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ year: t('pairs.meetings.hours.year') }} />
      <form method="get" action="/pairs/hours" class="filters" aria-label={t('pairs.meetings.hours.filtersLabel')}>
        <SelectField ctx={ctx} form={form} name="year" label={t('pairs.meetings.hours.year')} required options={report.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SubmitButton secondary>{t('pairs.meetings.hours.show')}</SubmitButton>
      </form>

      <h2 id="hours-programmes">{t('pairs.meetings.hours.byProgramme')}</h2>
      {report.total.meetings === 0 ? (
        <p class="empty">{t('pairs.meetings.hours.noMeetings', { year: String(report.year) })}</p>
      ) : (
        <>
          <p>{t('pairs.meetings.hours.summary', { count: report.total.meetings, hours: h(report.total.minutes), year: String(report.year) })}</p>
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="hours-programmes">
            <table>
              <caption class="visually-hidden">{t('pairs.meetings.hours.programmeCaption', { year: String(report.year) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pairs.meetings.hours.programme')}</th>
                  {names.map((n) => (
                    <th scope="col" class="numeric">
                      <span aria-hidden="true">{n.short}</span>
                      <span class="visually-hidden">{n.long}</span>
                    </th>
                  ))}
                  <th scope="col" class="numeric">
                    {t('pairs.meetings.hours.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.programmes.map((p) => (
                  <FigureRow head={p.name ?? t('pairs.meetings.hours.noProgramme')} figures={[...p.months.map(h), h(p.minutes)]} />
                ))}
              </tbody>
              <tfoot>
                <FigureRow head={t('pairs.meetings.hours.total')} figures={[...report.monthMinutes.map(h), h(report.total.minutes)]} />
              </tfoot>
            </table>
          </div>
        </>
      )}

      <h2 id="hours-volunteers">{t('pairs.meetings.hours.byVolunteer')}</h2>
      {report.volunteers.length === 0 ? (
        <p class="empty">{t('pairs.meetings.hours.noVolunteers', { year: String(report.year) })}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="hours-volunteers">
          <table>
            <caption class="visually-hidden">{t('pairs.meetings.hours.volunteerCaption', { year: String(report.year), count: report.volunteers.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pairs.meetings.hours.volunteer')}</th>
                <th scope="col" class="numeric">
                  {t('pairs.meetings.hours.meetingHours')}
                </th>
                <th scope="col" class="numeric">
                  {t('pairs.meetings.hours.meetings')}
                </th>
                <th scope="col" class="numeric">
                  {t('pairs.meetings.hours.trainingHours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.volunteers.map((v) => (
                <FigureRow head={<a href={`/volunteers/${v.id}`}>{`${v.givenName} ${v.familyName}`}</a>} figures={[h(v.minutes), formatNumber(v.meetings, locale), h(v.trainingMinutes)]} />
              ))}
            </tbody>
            <tfoot>
              <FigureRow head={t('pairs.meetings.hours.total')} figures={[h(report.total.minutes), formatNumber(report.total.meetings, locale), h(report.trainingMinutes)]} />
            </tfoot>
          </table>
        </div>
      )}
      <p class="muted">{t('pairs.meetings.hours.rounding')}</p>
    </>
  );
}

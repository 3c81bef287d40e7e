import { formatDate, INTL_TAG, type Locale } from '../../../core/i18n/index.js';
import type { MailTemplate } from '../../../core/mail/outbox.js';
import type { Side } from './check-ins.schemas.js';

export interface DigestMailParams {
  locale: Locale;
  organisation: string;
  /** First names only: the mail leaves the system, the list behind the link has the rest. */
  overdue: { volunteer: string; mentee: string; side: Side; days: number }[];
  quiet: { volunteer: string; mentee: string; days: number; lastMeetingOn: string | null }[];
  url: string;
}

const k = <K extends string>(key: K) => `pairs.digest.mail.${key}` as const;

/** The weekly digest to someone who follows pairs: their overdue check-ins and quiet pairs, with a link to the list. */
export const digestMail: MailTemplate<DigestMailParams> = (t, p) => ({
  subject: t(k('subject'), { organisation: p.organisation, overdue: p.overdue.length, quiet: p.quiet.length }),
  paragraphs: [
    t('mail.greeting'),
    t(k('intro'), { organisation: p.organisation }),
    ...(p.overdue.length > 0
      ? [t(k('overdueTitle'), { count: p.overdue.length }), ...p.overdue.map((o) => `• ${t(k(`overdueLine.${o.side}`), { volunteer: o.volunteer, mentee: o.mentee, days: o.days })}`)]
      : []),
    ...(p.quiet.length > 0
      ? [
          t(k('quietTitle'), { count: p.quiet.length }),
          ...p.quiet.map((q) =>
            q.lastMeetingOn
              ? `• ${t(k('quietLine'), { volunteer: q.volunteer, mentee: q.mentee, days: q.days, last: formatDate(q.lastMeetingOn, p.locale) })}`
              : `• ${t(k('quietLineNever'), { volunteer: q.volunteer, mentee: q.mentee, days: q.days })}`,
          ),
        ]
      : []),
  ],
  action: { label: t(k('action')), url: p.url },
});

export interface ReminderMailParams {
  locale: Locale;
  organisation: string;
  name: string;
  /** The month without a logged meeting, YYYY-MM. */
  month: string;
  url: string;
}

/** "March 2026" in the reader's language (a calendar month, so no time zone is involved). */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(INTL_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** The monthly reminder to a volunteer who logged no meeting last month, with a link to the meeting log. */
export const reminderMail: MailTemplate<ReminderMailParams> = (t, p) => ({
  subject: t('pairs.reminder.mail.subject', { organisation: p.organisation }),
  paragraphs: [t('pairs.reminder.mail.greeting', { name: p.name }), t('pairs.reminder.mail.body', { month: monthLabel(p.month, p.locale) }), t('pairs.reminder.mail.next')],
  action: { label: t('pairs.reminder.mail.action'), url: p.url },
});

import { formatDate, formatDateTime, type Locale, type Translate } from '../../../core/i18n/index.js';
import type { MailTemplate } from '../../../core/mail/outbox.js';
import { meetingInvitation } from '../../../core/mail/calendar.js';
import type { Place } from './place.js';
import type { SafeguardingKind } from './requirements.js';

/** Where the interview happens, in words (the same line in the mail body and the calendar DESCRIPTION). */
export function placeLine(t: Translate, place: Place): string {
  if (place.mode === 'phone') return t('volunteers.screening.mail.placePhone');
  if (place.mode === 'video') return t('volunteers.screening.mail.placeVideo', { link: place.link ?? '' });
  return t('volunteers.screening.mail.placeAddress', { address: place.address ?? '' });
}

/** The LOCATION of the calendar event. */
function location(t: Translate, place: Place): string {
  if (place.mode === 'phone') return t('volunteers.screening.mode.phone');
  if (place.mode === 'video') return place.link ?? t('volunteers.screening.mode.video');
  return place.address ?? '';
}

export interface InvitationParams {
  change: 'new' | 'updated' | 'cancelled';
  locale: Locale;
  organisation: string;
  organizerEmail: string;
  volunteer: { name: string; email: string };
  startsAt: string;
  minutes: number;
  place: Place;
  uid: string;
  sequence: number;
}

/**
 * The invitation to a scheduled interview, its update (same UID, higher SEQUENCE) or its cancellation
 * (METHOD:CANCEL), in the volunteer's language, with the calendar event attached.
 */
export const interviewMail: MailTemplate<InvitationParams> = (t, p) => {
  const when = formatDateTime(new Date(p.startsAt), p.locale);
  const k = `volunteers.screening.mail.${p.change}` as const;
  const body = [t(`${k}.body`, { organisation: p.organisation, when, minutes: p.minutes }), ...(p.change === 'cancelled' ? [] : [placeLine(t, p.place)])];
  const ics = meetingInvitation(p, {
    product: 'tandem/interviews',
    summary: t('volunteers.screening.ics.summary', { organisation: p.organisation }),
    description: body.join('\n'),
    location: location(t, p.place),
    attendee: p.volunteer,
  });
  return {
    subject: t(`${k}.subject`, { organisation: p.organisation, when }),
    paragraphs: [t('mail.greeting'), ...body, t(p.change === 'cancelled' ? 'volunteers.screening.mail.cancelledNext' : 'volunteers.screening.mail.calendarHint')],
    ics,
  };
};

/** Several slots offered: the volunteer tells the coordinator which one suits (the chosen one then gets an invitation). */
export const interviewOfferMail: MailTemplate<{ locale: Locale; organisation: string; slots: string[]; minutes: number; place: Place }> = (t, p) => ({
  subject: t('volunteers.screening.mail.offer.subject', { organisation: p.organisation }),
  paragraphs: [
    t('mail.greeting'),
    t('volunteers.screening.mail.offer.body', { organisation: p.organisation, minutes: p.minutes }),
    ...p.slots.map((s) => `• ${formatDateTime(new Date(s), p.locale)}`),
    placeLine(t, p.place),
    t('volunteers.screening.mail.offer.next'),
  ],
});

/** Renewal reminder to the volunteer. */
export const volunteerReminderMail: MailTemplate<{ locale: Locale; organisation: string; kind: SafeguardingKind; seenOn: string; renewBy: string }> = (t, p) => ({
  subject: t('volunteers.screening.mail.reminder.subject'),
  paragraphs: [
    t('mail.greeting'),
    t('volunteers.screening.mail.reminder.body', { organisation: p.organisation, kind: t(`volunteers.screening.kind.${p.kind}`), seenOn: formatDate(p.seenOn, p.locale), renewBy: formatDate(p.renewBy, p.locale) }),
    t('volunteers.screening.mail.reminder.next'),
  ],
});

/** Renewal reminder to each coordinator, with a link to the volunteer. */
export const coordinatorReminderMail: MailTemplate<{ locale: Locale; name: string; kind: SafeguardingKind; renewBy: string; url: string }> = (t, p) => ({
  subject: t('volunteers.screening.mail.coordinatorReminder.subject', { name: p.name }),
  paragraphs: [
    t('mail.greeting'),
    t('volunteers.screening.mail.coordinatorReminder.body', { name: p.name, kind: t(`volunteers.screening.kind.${p.kind}`), renewBy: formatDate(p.renewBy, p.locale) }),
  ],
  action: { label: t('volunteers.screening.mail.coordinatorReminder.action'), url: p.url },
});

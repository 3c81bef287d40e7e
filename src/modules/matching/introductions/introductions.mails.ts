import { formatDateTime, type Locale, type Translate } from '../../../core/i18n/index.js';
import type { MailTemplate } from '../../../core/mail/outbox.js';
import { meetingInvitation } from '../../../core/mail/calendar.js';

export type Change = 'new' | 'updated' | 'cancelled';

export interface IntroductionMailParams {
  change: Change;
  /** volunteer and mentee get the other person's first name; staff get both first names and a link. */
  recipient: 'volunteer' | 'mentee' | 'staff';
  locale: Locale;
  timeZone: string;
  organisation: string;
  organizerEmail: string;
  attendee: { name: string; email: string };
  /** The other person's first name (volunteer and mentee mails). */
  other: string;
  /** Both first names (the staff mail). */
  volunteer: string;
  mentee: string;
  /** First names of the people who have no e-mail address and got no notice (the staff mail). */
  unreachable: string[];
  venue: { name: string; address: string; openingHours: string; stepFree: boolean };
  startsAt: string;
  minutes: number;
  note: string | null;
  uid: string;
  sequence: number;
  url: string;
}

const k = <K extends string>(key: K) => `matching.introductions.mail.${key}` as const;

/** Where and what: the lines shared by the message and the calendar DESCRIPTION. */
function details(t: Translate, p: IntroductionMailParams): string[] {
  if (p.change === 'cancelled') return [];
  return [
    t(k('place'), { venue: p.venue.name, address: p.venue.address }),
    ...(p.venue.openingHours ? [t(k('openingHours'), { hours: p.venue.openingHours })] : []),
    ...(p.venue.stepFree ? [t(k('stepFree'))] : []),
    ...(p.note ? [t(k('note'), { note: p.note })] : []),
  ];
}

/**
 * The notice of a first meeting (new, moved or cancelled) in the recipient's language, with the calendar event
 * attached (same UID each time; SEQUENCE from the introduction; METHOD:CANCEL when cancelled). The two people
 * learn only each other's first name; the staff mail says who could not be told by e-mail.
 */
export const introductionMail: MailTemplate<IntroductionMailParams> = (t, p) => {
  const when = formatDateTime(new Date(p.startsAt), p.locale, p.timeZone);
  const staff = p.recipient === 'staff';
  const names = { organisation: p.organisation, name: p.other, volunteer: p.volunteer, mentee: p.mentee, when, minutes: p.minutes };
  const role = staff ? 'staff' : 'person';
  const body = t(k(`${role}.${p.change}`), names);
  const lines = details(t, p);
  const ics = meetingInvitation(p, {
    product: 'tandem/introductions',
    summary: staff ? t(k('summaryStaff'), names) : t(k('summary'), names),
    description: [body, ...lines].join('\n'),
    location: `${p.venue.name}, ${p.venue.address}`,
    attendee: p.attendee,
  });
  const closing = staff
    ? p.unreachable.map((name) => t(k(p.change === 'cancelled' ? 'unreachableCancelled' : 'unreachable'), { name }))
    : [t(k(p.change === 'cancelled' ? 'cancelledNext' : 'calendarHint'))];
  return {
    subject: t(k(`${role}.subject.${p.change}`), names),
    paragraphs: [t('mail.greeting'), body, ...lines, ...closing],
    ...(staff ? { action: { label: t(k('action')), url: p.url } } : {}),
    ics,
  };
};

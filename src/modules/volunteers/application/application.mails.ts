import type { MailTemplate } from '../../../core/mail/outbox.js';

/** To the applicant, in their language: the application arrived, and what happens next. */
export const applicationReceivedMail: MailTemplate<{ organisation: string; givenName: string; minor: boolean; url: string }> = (t, p) => ({
  subject: t('volunteers.application.mail.received.subject', { organisation: p.organisation }),
  paragraphs: [
    t('volunteers.application.mail.received.greeting', { name: p.givenName }),
    t('volunteers.application.mail.received.body', { organisation: p.organisation }),
    ...(p.minor ? [t('volunteers.application.mail.received.guardian')] : []),
    t('volunteers.application.mail.received.next'),
    t('volunteers.application.mail.received.notYou'),
  ],
  action: { label: t('volunteers.application.mail.received.action', { organisation: p.organisation }), url: p.url },
});

/** To the parent or guardian of an applicant under 18: confirm by a link (it works once). */
export const guardianConfirmMail: MailTemplate<{ organisation: string; applicant: string; guardianName: string; url: string; days: number }> = (t, p) => ({
  subject: t('volunteers.application.mail.guardian.subject', { applicant: p.applicant, organisation: p.organisation }),
  paragraphs: [
    t('volunteers.application.mail.guardian.greeting', { name: p.guardianName }),
    t('volunteers.application.mail.guardian.body', { applicant: p.applicant, organisation: p.organisation }),
    t('volunteers.application.mail.guardian.expiry', { days: p.days }),
    t('volunteers.application.mail.guardian.ignore'),
  ],
  // Whoever holds the link confirms the consent: staff must not be able to read it under Outgoing mail.
  action: { label: t('volunteers.application.mail.guardian.action'), url: p.url, secret: true },
});

import type { MailTemplate } from '../../../core/mail/outbox.js';

/** To the person (or their carer) whose request was declined, in their language: politely, with the reason. */
export const requestDeclinedMail: MailTemplate<{ organisation: string; givenName: string; reason: string; url: string }> = (t, p) => ({
  subject: t('mentees.mail.declined.subject', { organisation: p.organisation }),
  paragraphs: [
    t('mentees.mail.declined.greeting', { name: p.givenName }),
    t('mentees.mail.declined.body', { organisation: p.organisation }),
    t('mentees.mail.declined.reason', { reason: p.reason }),
    t('mentees.mail.declined.again'),
  ],
  action: { label: t('mentees.mail.declined.action', { organisation: p.organisation }), url: p.url },
});

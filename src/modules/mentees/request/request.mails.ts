import type { MailTemplate } from '../../../core/mail/outbox.js';

/**
 * To the person (or the carer who wrote for them), in the language they chose: the request arrived, what happens
 * next, and the private link to its status page.
 */
export const requestReceivedMail: MailTemplate<{ organisation: string; givenName: string; forSomeoneElse: boolean; statusUrl: string }> = (t, p) => ({
  subject: t('mentees.mail.received.subject', { organisation: p.organisation }),
  paragraphs: [
    t('mentees.mail.received.greeting', { name: p.givenName }),
    t(p.forSomeoneElse ? 'mentees.mail.received.bodyCarer' : 'mentees.mail.received.body', { organisation: p.organisation }),
    t('mentees.mail.received.next'),
    t('mentees.mail.received.statusLink'),
    t('mentees.mail.received.notYou'),
  ],
  action: { label: t('mentees.mail.received.statusAction'), url: p.statusUrl, secret: true },
});

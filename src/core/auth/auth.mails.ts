import type { MailTemplate } from '../mail/outbox.js';

export const invitationMail: MailTemplate<{ organisation: string; inviter: string; role: string; url: string; days: number }> = (t, p) => ({
  subject: t('mail.invitation.subject', { organisation: p.organisation }),
  paragraphs: [
    t('mail.greeting'),
    t('mail.invitation.body', { organisation: p.organisation, inviter: p.inviter, role: t(`role.${p.role}`) }),
    t('mail.invitation.expiry', { days: p.days }),
  ],
  action: { label: t('mail.invitation.action'), url: p.url },
});

export const passwordResetMail: MailTemplate<{ url: string; minutes: number }> = (t, p) => ({
  subject: t('mail.reset.subject'),
  paragraphs: [t('mail.greeting'), t('mail.reset.body', { minutes: p.minutes }), t('mail.reset.ignore')],
  action: { label: t('mail.reset.action'), url: p.url },
});

import type { MailTemplate } from '../mail/outbox.js';

/** The same words whether or not the address has an account: the link's page tells the two apart, not the mail. */
/** `roles`: the roles offered, already named and listed in the recipient's language. */
export const invitationMail: MailTemplate<{ organisation: string; inviter: string; roles: string; url: string; days: number }> = (t, p) => ({
  subject: t('mail.invitation.subject', { organisation: p.organisation }),
  paragraphs: [
    t('mail.greeting'),
    t('mail.invitation.body', { organisation: p.organisation, inviter: p.inviter, role: p.roles }),
    t('mail.invitation.expiry', { days: p.days }),
  ],
  action: { label: t('mail.invitation.action'), url: p.url, secret: true },
});

export const passwordResetMail: MailTemplate<{ url: string; minutes: number }> = (t, p) => ({
  subject: t('mail.reset.subject'),
  paragraphs: [t('mail.greeting'), t('mail.reset.body', { minutes: p.minutes }), t('mail.reset.ignore')],
  action: { label: t('mail.reset.action'), url: p.url, secret: true },
});

/** To the owner of an account whose second factor locked: someone who knows the password is trying codes. */
export const secondFactorLockedMail: MailTemplate<{ minutes: number }> = (t, p) => ({
  subject: t('mail.secondFactorLocked.subject'),
  paragraphs: [t('mail.greeting'), t('mail.secondFactorLocked.body', { minutes: p.minutes }), t('mail.secondFactorLocked.advice')],
});

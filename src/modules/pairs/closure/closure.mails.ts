import type { MailTemplate } from '../../../core/mail/outbox.js';

export interface ThankYouParams {
  organisation: string;
  /** The volunteer's first name and the mentee's: the two people knew each other by first name. */
  volunteer: string;
  mentee: string;
  /** The volunteer's own page, where their documents and certificates are. */
  volunteerPageUrl: string;
  /** The certificate of hours (PDF) for the whole period. */
  certificateUrl: string;
}

const k = <K extends string>(key: K) => `pairs.closure.mail.${key}` as const;

/** The thank-you to the volunteer when their pair ends, in the volunteer's language, with their certificate links. */
export const thankYouMail: MailTemplate<ThankYouParams> = (t, p) => ({
  subject: t(k('subject'), { organisation: p.organisation }),
  paragraphs: [t(k('greeting'), { name: p.volunteer }), t(k('body'), { mentee: p.mentee, organisation: p.organisation }), t(k('certificate'), { url: p.certificateUrl }), t(k('closing'))],
  action: { label: t(k('action')), url: p.volunteerPageUrl },
});

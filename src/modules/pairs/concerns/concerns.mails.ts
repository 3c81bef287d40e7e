import type { MailTemplate } from '../../../core/mail/outbox.js';
import { isUrgent, type Severity } from './concerns.schemas.js';

export interface ConcernMailParams {
  severity: Severity;
  /** First names only: the mail must not carry more about the people than that. */
  volunteer: string;
  mentee: string;
  /** Staff on the case get a link to the concern; an administrator who is not gets the pair's page instead. */
  onCase: boolean;
  url: string;
}

const k = <K extends string>(key: K) => `pairs.concerns.mail.${key}` as const;

/**
 * The notice of a new concern, in the recipient's language. It names the pair by first names and the severity,
 * nothing of what was written: the details are behind the sign-in, where only the case's staff can read them.
 */
export const concernMail: MailTemplate<ConcernMailParams> = (t, p) => {
  const names = { volunteer: p.volunteer, mentee: p.mentee, severity: t(`pairs.concerns.severity.${p.severity}`) };
  return {
    subject: t(k(isUrgent(p.severity) ? 'subjectUrgent' : 'subject'), names),
    paragraphs: [t('mail.greeting'), t(k('body'), names), t(k(p.onCase ? 'onCase' : 'notOnCase'))],
    action: { label: t(k(p.onCase ? 'action' : 'actionPair')), url: p.url },
  };
};

export interface EscalationMailParams {
  from: Severity;
  to: Severity;
  /** Escalated by itself after `hours` unacknowledged, or by a staff member (whose reason stays behind the sign-in). */
  automatic: boolean;
  hours: number;
  volunteer: string;
  mentee: string;
  onCase: boolean;
  url: string;
}

/**
 * The notice of an escalation to the next level, in the recipient's language: the pair by first names, the old and
 * new severity and why in general terms (raised by staff, or nobody acknowledged it in time) — never the reason's text.
 */
export const escalationMail: MailTemplate<EscalationMailParams> = (t, p) => {
  const names = { volunteer: p.volunteer, mentee: p.mentee, from: t(`pairs.concerns.severity.${p.from}`), severity: t(`pairs.concerns.severity.${p.to}`), hours: p.hours };
  return {
    subject: t(k('escalatedSubject'), names),
    paragraphs: [t('mail.greeting'), t(k(p.automatic ? 'escalatedAuto' : 'escalatedByStaff'), names), t(k(p.onCase ? 'onCase' : 'notOnCase'))],
    action: { label: t(k(p.onCase ? 'action' : 'actionPair')), url: p.url },
  };
};

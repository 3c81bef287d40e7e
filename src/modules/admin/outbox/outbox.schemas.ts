import { z } from 'zod';

export const PAGE_SIZE = 25;

export const MAIL_STATUSES = ['pending', 'sent', 'held', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const OutboxQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export const MailSummary = z.object({
  id: z.string().uuid(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  createdAt: z.string(),
});
export type MailSummary = z.infer<typeof MailSummary>;

/** One mail as an administrator reads it: the plain-text body only, never the HTML. */
export const MailOutput = MailSummary.extend({
  locale: z.string(),
  textBody: z.string(),
  sentAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type MailOutput = z.infer<typeof MailOutput>;

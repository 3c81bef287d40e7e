import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import type { Job } from '../jobs/queue.js';
import { outbox } from './mail.table.js';

export interface Mailer {
  /** True when SMTP is configured; otherwise mail is held in the outbox for administrators to read. */
  enabled: boolean;
  send(message: { to: string; subject: string; text: string; html: string; ics?: string | null }): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { enabled: false, send: async () => {}, close: () => {} };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(m) {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.ics ? { icalEvent: { method: /^METHOD:(\w+)/m.exec(m.ics)?.[1] ?? 'REQUEST', filename: 'invite.ics', content: m.ics } } : {}),
      });
    },
    close: () => transport.close(),
  };
}

/** The `mail.send` job: delivers one outbox row; a throw makes the queue retry with backoff. */
export function mailJob(db: Db, mailer: Mailer) {
  return async (job: Job) => {
    const id = String(job.payload.outboxId);
    const [mail] = await withSystem(db, (tx) => tx.select().from(outbox).where(eq(outbox.id, id)));
    if (!mail || mail.status === 'sent') return;
    if (!mailer.enabled) {
      await withSystem(db, (tx) => tx.update(outbox).set({ status: 'held' }).where(eq(outbox.id, id)));
      return;
    }
    try {
      await mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, ics: mail.icsBody });
    } catch (err) {
      const final = job.attempts >= job.max_attempts;
      await withSystem(db, (tx) =>
        tx
          .update(outbox)
          .set({ attempts: job.attempts, lastError: (err as Error).message.slice(0, 300), status: final ? 'failed' : 'pending' })
          .where(eq(outbox.id, id)),
      );
      throw err;
    }
    await withSystem(db, (tx) => tx.update(outbox).set({ status: 'sent', sentAt: new Date(), attempts: job.attempts, lastError: null }).where(eq(outbox.id, id)));
  };
}

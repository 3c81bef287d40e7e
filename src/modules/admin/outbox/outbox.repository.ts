import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { outbox } from '../../../core/mail/mail.table.js';

const summary = { id: outbox.id, to: outbox.toAddress, subject: outbox.subject, status: outbox.status, createdAt: outbox.createdAt };

/** One page of the organisation's mails, newest first. */
export function findMails(tx: Tx, organisationId: string, limit: number, offset: number) {
  return tx
    .select(summary)
    .from(outbox)
    .where(eq(outbox.organisationId, organisationId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit)
    .offset(offset);
}

export async function countMails(tx: Tx, organisationId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.organisationId, organisationId));
  return Number(row?.n ?? 0);
}

/** One mail of the organisation, without its HTML body. */
export async function findMailById(tx: Tx, organisationId: string, id: string) {
  const [row] = await tx
    .select({ ...summary, locale: outbox.locale, textBody: outbox.textBody, sentAt: outbox.sentAt, attempts: outbox.attempts, lastError: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.organisationId, organisationId), eq(outbox.id, id)));
  return row;
}

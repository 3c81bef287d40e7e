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

/**
 * One mail of the organisation as staff may read it: the text with one-time links replaced by a note. The bodies as
 * sent are not readable by the app role at all (a live invitation or confirmation link would let the reader act
 * for the recipient).
 */
export async function findMailById(tx: Tx, organisationId: string, id: string) {
  const [row] = await tx
    .select({ ...summary, locale: outbox.locale, textBody: outbox.displayText, sentAt: outbox.sentAt, attempts: outbox.attempts, lastError: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.organisationId, organisationId), eq(outbox.id, id)));
  return row;
}

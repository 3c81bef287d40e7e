import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { findMailById, findMails, countMails } from './outbox.repository.js';
import { MAIL_STATUSES, PAGE_SIZE, type MailOutput, type MailStatus, type MailSummary } from './outbox.schemas.js';
import { isOneOf } from '../../../core/one-of.js';

const statusOf = (s: string): MailStatus => (isOneOf(MAIL_STATUSES, s) ? s : 'pending');

/** One page (PAGE_SIZE) of the organisation's outgoing mail, newest first. Audited (`mail.list`): addresses are personal data. */
export async function listMails(db: Db, actor: Actor, page: number) {
  return withTenant(db, actor, async (tx) => {
    const total = await countMails(tx, actor.organisationId);
    const rows = await findMails(tx, actor.organisationId, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const items: MailSummary[] = rows.map((r) => ({ ...r, status: statusOf(r.status), createdAt: r.createdAt.toISOString() }));
    if (items.length) await audit(tx, actor, { action: 'mail.list', entity: 'mail', fields: ['to', 'subject'] });
    return { items, total, page, pageSize: PAGE_SIZE };
  });
}

/** One mail of the actor's organisation, or NOT_FOUND (also another organisation's). Audited (`mail.view`). */
export async function viewMail(db: Db, actor: Actor, id: string): Promise<MailOutput> {
  return withTenant(db, actor, async (tx) => {
    const row = await findMailById(tx, actor.organisationId, id);
    if (!row) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'mail.view', entity: 'mail', entityId: id });
    return { ...row, status: statusOf(row.status), createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null };
  });
}

import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { isLocale } from '../../../core/i18n/index.js';
import { queueMail } from '../../../core/mail/outbox.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { lockedAtVersion } from '../cases/case.service.js';
import { addCaseStaff, addEvent, updateMentee } from '../mentees.repository.js';
import type { DeclineInput } from '../mentees.schemas.js';
import { requestDeclinedMail } from './review.mails.js';

/**
 * Accepts a request from the public form: it joins the waiting list (status waiting) with `waiting_since` = the time
 * it was sent, so the person keeps the days they already waited; the reviewer becomes responsible social worker and
 * joins the case's staff. A stale version is CONFLICT; a case that is not a request is VALIDATION. One `reviewed`
 * event and one audit entry `mentee.review`, in one transaction.
 */
export async function acceptRequest(db: Db, actor: RequestActor, id: string, version: number, now = new Date()): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const row = await lockedAtVersion(tx, actor, id, version);
    if (row.status !== 'requested') throw invalid('_form', 'mentees.review.notRequested');
    await updateMentee(tx, actor.organisationId, id, version, { status: 'waiting', statusReason: null, waitingSince: row.createdAt, reviewedAt: now, reviewedByUserId: actor.userId, socialWorkerUserId: actor.userId }, now);
    await addCaseStaff(tx, actor.organisationId, id, [actor.userId]);
    await addEvent(tx, actor.organisationId, { menteeId: id, actorUserId: actor.userId, kind: 'reviewed', fromStatus: 'requested', toStatus: 'waiting', detail: { decision: 'accepted' }, at: now });
    await audit(tx, actor, { action: 'mentee.review', entity: 'mentee', entityId: id, fields: ['reviewedAt', 'socialWorkerUserId', 'status', 'waitingSince'] });
  });
}

/**
 * Declines a request with a reason: status declined, the reason kept, and a polite e-mail in the requester's language
 * when they gave an address (queued in the same transaction, so it goes out only if the decision is saved).
 */
export async function declineRequest(db: Db, actor: RequestActor, id: string, input: DeclineInput, baseUrl: string, now = new Date()): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const row = await lockedAtVersion(tx, actor, id, input.version);
    if (row.status !== 'requested') throw invalid('_form', 'mentees.review.notRequested');
    await updateMentee(tx, actor.organisationId, id, input.version, { status: 'declined', statusReason: input.reason, reviewedAt: now, reviewedByUserId: actor.userId }, now);
    await addEvent(tx, actor.organisationId, { menteeId: id, actorUserId: actor.userId, kind: 'reviewed', fromStatus: 'requested', toStatus: 'declined', detail: { decision: 'declined', reason: input.reason }, at: now });
    await audit(tx, actor, { action: 'mentee.review', entity: 'mentee', entityId: id, fields: ['reviewedAt', 'status', 'statusReason'] });
    const { org } = actor;
    if (row.email) {
      await queueMail(tx, {
        organisationId: actor.organisationId,
        to: row.email,
        locale: isLocale(row.locale) ? row.locale : 'pl',
        template: requestDeclinedMail,
        params: { organisation: org.name, givenName: row.givenName, reason: input.reason, url: `${baseUrl}/o/${org.slug}` },
      });
    }
  });
}

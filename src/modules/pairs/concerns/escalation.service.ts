import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withSystem, withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { isLocale, type Locale } from '../../../core/i18n/index.js';
import { queueMail } from '../../../core/mail/outbox.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockAt, clockOf, type OrgClock } from '../../../core/tenancy/org-clock.js';
import { orgFacts, type OrgFacts } from '../../../core/tenancy/org-facts.js';
import { acknowledge, administrators, claimEscalation, findOverdue, insertAction, lockForNotice, mailboxes, updateConcern } from './concerns.repository.js';
import { escalationMail } from './concerns.mails.js';
import { AUTO_ESCALATION_HOURS, higherThan, isUrgent, type EscalateInput, type Severity } from './concerns.schemas.js';
import { visibleConcern } from './concerns.service.js';
import { recipients } from './notify.service.js';

/**
 * Escalation of concerns: a staff member on the case raises the severity with a reason, and an urgent concern nobody
 * acknowledged escalates by itself. Either way the next level is told — everyone the notice of a concern of the new
 * severity reaches (the pair's coordinator or cover and the mentee's case staff) and, above them, the organisation's
 * administrators — in each recipient's language, with only first names and the severity in the mail.
 */

type Escalation = { from: Severity; to: Severity; automatic: boolean; hours?: number };

/** Mails to the next level about one concern (locked by the caller); `exclude` is who escalated (not told about it). */
async function tellNextLevel(tx: Tx, org: OrgFacts, concernId: string, e: Escalation, clock: OrgClock, baseUrl: string, exclude: string | null) {
  const organisationId = org.id;
  const c = (await lockForNotice(tx, organisationId, concernId))!;
  const { onCase, others } = await recipients(tx, organisationId, { ...c, severity: e.to, raisedByUserId: exclude ?? '' }, clock.today);
  for (const u of await administrators(tx, organisationId)) if (!onCase.has(u) && u !== exclude) others.add(u);
  const fallback: Locale = org.locale;
  for (const box of await mailboxes(tx, [...onCase, ...others])) {
    const mine = onCase.has(box.userId);
    const url = mine ? `${baseUrl}/concerns/${concernId}` : c.matchId ? `${baseUrl}/matching/matches/${c.matchId}` : `${baseUrl}/`;
    await queueMail(tx, {
      organisationId,
      to: box.email,
      locale: isLocale(box.locale) ? box.locale : fallback,
      template: escalationMail,
      params: { from: e.from, to: e.to, automatic: e.automatic, hours: e.hours ?? 0, volunteer: c.volunteerGiven ?? '—', mentee: c.menteeGiven ?? '—', onCase: mine, url },
    });
  }
}

/**
 * A staff member on the case raises the severity (never lowers it) with a reason: one transaction with the new
 * severity (from now on the automatic escalation counts from this moment), an `escalated` history entry carrying
 * the reason, an audit entry and the mails to the next level. A concern the user cannot see is NOT_FOUND; a severity
 * that is not higher, or a closed concern, is a field error; a stale form is CONFLICT.
 */
export async function escalateConcern(db: Db, actor: RequestActor, id: string, input: EscalateInput, baseUrl: string, now = actor.clock.now): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const { row } = await visibleConcern(tx, actor, id, true);
    if (row.version !== input.version) throw new AppError('CONFLICT', 'pairs.concerns.conflict');
    if (row.status === 'closed') throw invalid('_form', 'pairs.concerns.validation.closed');
    if (!higherThan(row.severity).includes(input.severity)) throw invalid('severity', 'pairs.concerns.validation.notHigher');
    const clock = clockOf(actor, now);
    if (!(await updateConcern(tx, actor.organisationId, id, input.version, { severity: input.severity, severitySince: clock.now }))) throw new AppError('CONFLICT', 'pairs.concerns.conflict');
    const e: Escalation = { from: row.severity, to: input.severity, automatic: false };
    await insertAction(tx, actor.organisationId, { concernId: id, byUserId: actor.userId, kind: 'escalated', text: input.reason, detail: { from: e.from, to: e.to }, at: clock.now });
    await audit(tx, actor, { action: 'concern.escalate', entity: 'concern', entityId: id, fields: ['severity', 'reason'] });
    await tellNextLevel(tx, actor.org, id, e, clock, baseUrl, actor.userId);
  });
}

/**
 * "I have seen this / taking it": records who and when (once; a second press changes nothing) and stops the
 * automatic escalation. Returns whether this press recorded it.
 */
export async function acknowledgeConcern(db: Db, actor: RequestActor, id: string, now = actor.clock.now): Promise<boolean> {
  return withTenant(db, actor, async (tx) => {
    const { row } = await visibleConcern(tx, actor, id, true);
    if (row.status === 'closed') throw invalid('_form', 'pairs.concerns.validation.closed');
    const clock = clockOf(actor, now);
    if (!(await acknowledge(tx, actor.organisationId, id, actor.userId, clock.now))) return false;
    await insertAction(tx, actor.organisationId, { concernId: id, byUserId: actor.userId, kind: 'acknowledged', at: clock.now });
    await audit(tx, actor, { action: 'concern.acknowledge', entity: 'concern', entityId: id, fields: ['acknowledgedAt'] });
    return true;
  });
}

/**
 * The automatic escalation (the hourly job `pairs.concern.escalate`): every high concern unacknowledged for
 * AUTO_ESCALATION_HOURS.high hours and every safeguarding one for AUTO_ESCALATION_HOURS.safeguarding hours escalates
 * once — its severity stays, the next level is told, the history and the audit say so. Exactly once across runs and
 * instances: `escalated_at` is set by a conditional update in the same transaction as the mails. Each concern is
 * handled as the person who raised it (who may always see it), because row-level security hides concerns from
 * everyone else; finding the overdue ones is the job's one system read. Returns how many escalated in this run.
 */
export async function escalateOverdue(db: Db, baseUrl: string, now = new Date(), hours: Record<'high' | 'safeguarding', number> = AUTO_ESCALATION_HOURS): Promise<number> {
  const due = await withSystem(db, (tx) => findOverdue(tx, now, hours));
  let escalated = 0;
  for (const d of due) {
    const done = await withTenant(db, { organisationId: d.organisationId, userId: d.raisedByUserId }, async (tx) => {
      const claimed = await claimEscalation(tx, d.organisationId, d.id, now, hours);
      if (!claimed) return false;
      const org = await orgFacts(tx, d.organisationId);
      const clock = clockAt(now, org.timeZone);
      // Only urgent concerns are claimed (findOverdue, claimEscalation); the guard tells the compiler so.
      if (!isUrgent(claimed.severity)) throw new Error(`claimed concern ${d.id} is not urgent`);
      const h = hours[claimed.severity];
      const e: Escalation = { from: claimed.severity, to: claimed.severity, automatic: true, hours: h };
      await insertAction(tx, d.organisationId, { concernId: d.id, byUserId: null, kind: 'escalated', detail: { from: e.from, to: e.to, automatic: true, hours: h }, at: clock.now });
      await audit(tx, { organisationId: d.organisationId, userId: null }, { action: 'concern.escalate.auto', entity: 'concern', entityId: d.id });
      await tellNextLevel(tx, org, d.id, e, clock, baseUrl, null);
      return true;
    });
    if (done) escalated += 1;
  }
  return escalated;
}

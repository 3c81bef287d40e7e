import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withSystem, withTenant, type Tx } from '../../../core/db/tx.js';
import { isLocale, type Locale } from '../../../core/i18n/index.js';
import type { JobHandler } from '../../../core/jobs/queue.js';
import { queueMail } from '../../../core/mail/outbox.js';
import { todayIn } from '../../../core/i18n/time-zone.js';
import { orgFacts } from '../../../core/tenancy/org-facts.js';
import { responsibleUsers } from '../access.js';
import { administrators, caseStaffOf, concernOwner, lockForNotice, mailboxes, noticeSent, pairLeads } from './concerns.repository.js';
import { concernMail } from './concerns.mails.js';
import { isUrgent } from './concerns.schemas.js';
import { NOTIFY_JOB } from './concerns.service.js';

/**
 * Who hears about a new concern: for high and safeguarding ones every responsible staff member (the coordinator or
 * their cover today, and the mentee's case staff), plus the administrators for safeguarding; for low and medium
 * ones the coordinator (or cover) only. When nobody follows the pair, the administrators, so it is never unheard.
 * Whoever raised it is not told about their own concern. Returns the users on the case and the others.
 */
export async function recipients(tx: Tx, organisationId: string, c: { severity: string; matchId: string | null; menteeId: string | null; raisedByUserId: string }, today: string) {
  const onCase = new Set<string>();
  if (isUrgent(c.severity)) {
    for (const u of c.matchId ? await responsibleUsers(tx, organisationId, c.matchId, today) : c.menteeId ? await caseStaffOf(tx, organisationId, c.menteeId) : []) onCase.add(u);
  } else if (c.matchId) {
    for (const u of await pairLeads(tx, organisationId, c.matchId, today)) onCase.add(u);
  }
  const others = new Set<string>();
  if (c.severity === 'safeguarding' || onCase.size === 0) for (const u of await administrators(tx, organisationId)) if (!onCase.has(u)) others.add(u);
  onCase.delete(c.raisedByUserId);
  others.delete(c.raisedByUserId);
  return { onCase, others };
}

/**
 * Sends the notice of one concern, exactly once: under a lock on the concern, the audit entry `concern.notify`
 * written with the mails marks it sent, so a repeated or concurrent run sends nothing. The job runs as the
 * person who raised the concern (who may always see it), because row-level security hides concerns from anyone else.
 */
export async function notifyConcern(db: Db, concernId: string, baseUrl: string): Promise<'sent' | 'skipped'> {
  // The job carries only the id; finding its organisation and raiser is the one system read.
  const owner = await withSystem(db, (tx) => concernOwner(tx, concernId));
  if (!owner) return 'skipped';
  const { organisationId } = owner;
  return withTenant(db, { organisationId, userId: owner.raisedByUserId }, async (tx) => {
    const c = await lockForNotice(tx, organisationId, concernId);
    if (!c || (await noticeSent(tx, organisationId, concernId))) return 'skipped';
    const org = await orgFacts(tx, organisationId);
    const { onCase, others } = await recipients(tx, organisationId, c, todayIn(org.timeZone));
    const fallback: Locale = org.locale;
    for (const box of await mailboxes(tx, [...onCase, ...others])) {
      const locale = isLocale(box.locale) ? box.locale : fallback;
      const mine = onCase.has(box.userId);
      const url = mine ? `${baseUrl}/concerns/${concernId}` : c.matchId ? `${baseUrl}/matching/matches/${c.matchId}` : `${baseUrl}/`;
      await queueMail(tx, { organisationId, to: box.email, locale, template: concernMail, params: { severity: c.severity, volunteer: c.volunteerGiven ?? '—', mentee: c.menteeGiven ?? '—', onCase: mine, url } });
    }
    await audit(tx, { organisationId, userId: null }, { action: 'concern.notify', entity: 'concern', entityId: concernId });
    return 'sent';
  });
}

/** The job handlers of concerns, for the worker: `pairs.concern.notify` {concernId}. */
export function notifyJobs(db: Db, baseUrl: string): Record<string, JobHandler> {
  return {
    [NOTIFY_JOB]: async (job) => {
      const concernId = String(job.payload.concernId ?? '');
      if (!/^[0-9a-f-]{36}$/i.test(concernId)) return;
      await notifyConcern(db, concernId, baseUrl);
    },
  };
}

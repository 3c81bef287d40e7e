import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { orgFacts } from '../../../core/tenancy/org-facts.js';
import type { Db } from '../../../core/db/database.js';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { isLocale, type Locale } from '../../../core/i18n/index.js';
import { enqueue, type JobHandler } from '../../../core/jobs/queue.js';
import { queueMail } from '../../../core/mail/outbox.js';
import { TERMINAL } from '../pipeline/stages.js';
import { addEvent, findVolunteerById } from '../volunteers.repository.js';
import { kindsFor, type SafeguardingInput } from './screening.schemas.js';
import { coordinatorReminderMail, volunteerReminderMail } from './screening.mails.js';
import { coordinators, findCheck, getScreeningSettings, insertCheck, organisationOfCheck, reminderSent, renewedSince } from './screening.repository.js';
import { addDays, addMonths, zonedToUtc } from '../../../core/i18n/time-zone.js';

export const REMINDER_JOB = 'volunteers.safeguarding.reminder';

/** When the reminder of a check renewed by `renewBy` goes out: `reminderDays` before, at 08:00 Warsaw time. */
export function reminderAt(renewBy: string, reminderDays: number): Date {
  return zonedToUtc(addDays(renewBy, -reminderDays), '08:00') ?? new Date(`${addDays(renewBy, -reminderDays)}T08:00:00Z`);
}

/**
 * Records that a coordinator saw a safeguarding check (never the document): the kind must be one the
 * organisation's country requires (else a field error, nothing written); the renewal date defaults to the
 * seen date plus the organisation's renewal period. Queues one reminder before it expires.
 */
export async function recordCheck(db: Db, actor: RequestActor, volunteerId: string, input: SafeguardingInput): Promise<{ checkId: string; renewBy: string }> {
  return withTenant(db, actor, async (tx) => {
    const v = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    const { org } = actor;
    if (!kindsFor(org.country).includes(input.kind)) throw new AppError('VALIDATION', 'error.validation', { kind: { key: 'volunteers.screening.validation.kindNotForCountry' } });
    const settings = await getScreeningSettings(tx, actor.organisationId);
    const renewBy = input.renewBy ?? addMonths(input.seenOn, settings.renewalMonths);
    const check = await insertCheck(tx, actor.organisationId, { volunteerId, kind: input.kind, seenOn: input.seenOn, renewBy, seenByUserId: actor.userId });
    await addEvent(tx, actor.organisationId, { volunteerId, actorUserId: actor.userId, kind: 'safeguarding', detail: { checkId: check.id, action: 'recorded', kind: input.kind, seenOn: input.seenOn, renewBy } });
    await audit(tx, actor, { action: 'safeguarding.create', entity: 'safeguarding_check', entityId: check.id, fields: ['kind', 'seenOn', 'renewBy'] });
    await enqueue(tx, REMINDER_JOB, { checkId: check.id }, { runAt: reminderAt(renewBy, settings.reminderDays), uniqueKey: `safeguarding-reminder:${check.id}` });
    return { checkId: check.id, renewBy };
  });
}

/**
 * Sends the renewal reminder of one check to the volunteer (their language) and to every coordinator of the
 * organisation (their account's language). Runs once: a timeline event written with the mails marks it
 * sent, under a lock on the check, so a repeated or concurrent run sends nothing. Skipped when the check
 * was renewed since or the volunteer has left.
 */
export async function sendReminder(db: Db, checkId: string, baseUrl: string): Promise<'sent' | 'skipped'> {
  // The job carries only the check's id; finding its organisation is the one system read.
  const organisationId = await withSystem(db, (tx) => organisationOfCheck(tx, checkId));
  if (!organisationId) return 'skipped';
  return withTenant(db, { organisationId, userId: null }, async (tx) => {
    const check = await findCheck(tx, organisationId, checkId, true);
    if (!check || (await reminderSent(tx, organisationId, checkId)) || (await renewedSince(tx, organisationId, check))) return 'skipped';
    const v = await findVolunteerById(tx, organisationId, check.volunteerId);
    if (!v || TERMINAL.has(v.stage)) return 'skipped';
    const org = await orgFacts(tx, organisationId);
    const fallback: Locale = org.locale;
    if (v.email) {
      const locale = isLocale(v.locale) ? v.locale : fallback;
      await queueMail(tx, { organisationId, to: v.email, locale, template: volunteerReminderMail, params: { locale, organisation: org.name, kind: check.kind, seenOn: check.seenOn, renewBy: check.renewBy } });
    }
    for (const c of await coordinators(tx, organisationId)) {
      const locale = isLocale(c.locale) ? c.locale : fallback;
      await queueMail(tx, { organisationId, to: c.email, locale, template: coordinatorReminderMail, params: { locale, name: `${v.givenName} ${v.familyName}`, kind: check.kind, renewBy: check.renewBy, url: `${baseUrl}/volunteers/${v.id}` } });
    }
    await addEvent(tx, organisationId, { volunteerId: v.id, actorUserId: null, kind: 'safeguarding', detail: { checkId, action: 'reminder_sent', renewBy: check.renewBy } });
    await audit(tx, { organisationId, userId: null }, { action: 'safeguarding.reminder', entity: 'safeguarding_check', entityId: checkId });
    return 'sent';
  });
}

/** The job handlers of this part, for the worker: `volunteers.safeguarding.reminder`. */
export function screeningJobs(db: Db, opts: { baseUrl?: string } = {}): Record<string, JobHandler> {
  return {
    [REMINDER_JOB]: async (job) => {
      const checkId = String(job.payload.checkId ?? '');
      if (!/^[0-9a-f-]{36}$/i.test(checkId)) return;
      await sendReminder(db, checkId, opts.baseUrl ?? '');
    },
  };
}

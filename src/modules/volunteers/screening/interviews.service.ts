import { randomUUID } from 'node:crypto';
import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import type { OrgFacts } from '../../../core/tenancy/org-facts.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { isLocale } from '../../../core/i18n/index.js';
import { queueMail } from '../../../core/mail/outbox.js';
import { addEvent, findVolunteerById, type VolunteerRow } from '../volunteers.repository.js';
import { addressOf } from '../../../core/mail/calendar.js';
import { decodePlace, encodePlace } from './place.js';
import type { RecordInput, RescheduleInput, ScheduleInput } from './screening.schemas.js';
import { interviewMail, interviewOfferMail } from './screening.mails.js';
import { cancelOtherOffers, findInterview, insertInterview, lastSequence, updateInterview, type InterviewRow } from './screening.repository.js';
import { advanceStage, type StageOutcome } from './stage.js';
import { interviewViews, type InterviewView } from './panel-data.js';

/** What the services need from the configuration: the public address (UIDs, links) and the sender. */
export interface ScreeningDeps {
  db: Db;
  baseUrl: string;
  mailFrom: string;
}

export interface InterviewOutcome {
  volunteerId: string;
  stage: StageOutcome;
  /** False when the volunteer has no e-mail address: the coordinator must tell them another way. */
  mailed: boolean;
  /** The interviews created or changed, as the panel shows them (the JSON API answers with them). */
  interviews: InterviewView[];
}

async function volunteerOf(tx: Tx, organisationId: string, id: string): Promise<VolunteerRow> {
  const v = await findVolunteerById(tx, organisationId, id);
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

async function lockedInterview(tx: Tx, organisationId: string, id: string): Promise<InterviewRow> {
  const row = await findInterview(tx, organisationId, id, true);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Sends the calendar invitation (or its update or cancellation) to the volunteer, in their language. */
async function sendInvitation(tx: Tx, deps: ScreeningDeps, org: OrgFacts, v: VolunteerRow, row: InterviewRow, change: 'new' | 'updated' | 'cancelled', sequence: number): Promise<boolean> {
  if (!v.email) return false;
  const organisationId = org.id;
  const locale = isLocale(v.locale) ? v.locale : 'pl';
  await queueMail(tx, {
    organisationId,
    to: v.email,
    locale,
    template: interviewMail,
    params: {
      change,
      locale,
      organisation: org.name,
      organizerEmail: addressOf(deps.mailFrom),
      volunteer: { name: `${v.givenName} ${v.familyName}`, email: v.email },
      startsAt: row.startsAt.toISOString(),
      minutes: row.minutes,
      place: decodePlace(row.place),
      uid: row.icsUid,
      sequence,
    },
  });
  return true;
}

/**
 * Offers interview slots. One slot is scheduled at once (invitation with .ics, and a volunteer at
 * `contacted` moves to `interview_scheduled` by the pipeline rules); several are offered by e-mail for the
 * volunteer to choose, and the chosen one is scheduled with `pickSlot`.
 */
export async function scheduleInterviews(deps: ScreeningDeps, actor: RequestActor, volunteerId: string, input: ScheduleInput): Promise<InterviewOutcome> {
  return withTenant(deps.db, actor, async (tx) => {
    const v = await volunteerOf(tx, actor.organisationId, volunteerId);
    const status = input.slots.length === 1 ? 'scheduled' : 'offered';
    const host = new URL(deps.baseUrl).hostname;
    const place = encodePlace(input.place);
    const rows: InterviewRow[] = [];
    for (const startsAt of input.slots) {
      const row = await insertInterview(tx, actor.organisationId, { volunteerId, startsAt, minutes: input.minutes, place, status, interviewerUserId: actor.userId, icsUid: `${randomUUID()}@${host}` });
      rows.push(row);
      await addEvent(tx, actor.organisationId, { volunteerId, actorUserId: actor.userId, kind: 'interview', detail: { interviewId: row.id, action: status, startsAt: startsAt.toISOString(), ...(status === 'scheduled' ? { sequence: 0 } : {}) } });
      await audit(tx, actor, { action: status === 'scheduled' ? 'interview.schedule' : 'interview.offer', entity: 'interview', entityId: row.id, fields: ['startsAt', 'minutes', 'place'] });
    }
    if (status === 'scheduled') {
      const stage = await advanceStage(tx, actor, v, 'interview_scheduled');
      const mailed = await sendInvitation(tx, deps, actor.org, v, rows[0]!, 'new', 0);
      return { volunteerId, stage, mailed, interviews: await interviewViews(tx, rows) };
    }
    if (!v.email) return { volunteerId, stage: null, mailed: false, interviews: await interviewViews(tx, rows) };
    const { org } = actor;
    const locale = isLocale(v.locale) ? v.locale : 'pl';
    await queueMail(tx, {
      organisationId: actor.organisationId,
      to: v.email,
      locale,
      template: interviewOfferMail,
      params: { locale, organisation: org.name, slots: rows.map((r) => r.startsAt.toISOString()), minutes: input.minutes, place: input.place },
    });
    return { volunteerId, stage: null, mailed: true, interviews: await interviewViews(tx, rows) };
  });
}

/** The volunteer chose one of the offered slots: it is scheduled, the others are cancelled. */
export async function pickSlot(deps: ScreeningDeps, actor: RequestActor, interviewId: string): Promise<InterviewOutcome> {
  return withTenant(deps.db, actor, async (tx) => {
    const row = await lockedInterview(tx, actor.organisationId, interviewId);
    if (row.status !== 'offered') throw new AppError('CONFLICT');
    const v = await volunteerOf(tx, actor.organisationId, row.volunteerId);
    const scheduled = (await updateInterview(tx, actor.organisationId, row.id, ['offered'], { status: 'scheduled' }))!;
    const others = await cancelOtherOffers(tx, actor.organisationId, v.id, row.id);
    await addEvent(tx, actor.organisationId, { volunteerId: v.id, actorUserId: actor.userId, kind: 'interview', detail: { interviewId: row.id, action: 'scheduled', startsAt: row.startsAt.toISOString(), sequence: 0, cancelled: others.map((o) => o.id) } });
    await audit(tx, actor, { action: 'interview.pick', entity: 'interview', entityId: row.id, fields: ['status'] });
    for (const o of others) await audit(tx, actor, { action: 'interview.cancel', entity: 'interview', entityId: o.id, fields: ['status'] });
    const stage = await advanceStage(tx, actor, v, 'interview_scheduled');
    const mailed = await sendInvitation(tx, deps, actor.org, v, scheduled, 'new', 0);
    return { volunteerId: v.id, stage, mailed, interviews: await interviewViews(tx, [scheduled, ...others]) };
  });
}

/** Moves a scheduled interview: the calendar event keeps its UID and gets a higher SEQUENCE. */
export async function rescheduleInterview(deps: ScreeningDeps, actor: RequestActor, interviewId: string, input: RescheduleInput): Promise<InterviewOutcome> {
  return withTenant(deps.db, actor, async (tx) => {
    const row = await lockedInterview(tx, actor.organisationId, interviewId);
    if (row.status !== 'scheduled') throw new AppError('CONFLICT');
    const v = await volunteerOf(tx, actor.organisationId, row.volunteerId);
    const sequence = ((await lastSequence(tx, actor.organisationId, row.id)) ?? 0) + 1;
    const place = encodePlace(input.place);
    const updated = (await updateInterview(tx, actor.organisationId, row.id, ['scheduled'], { startsAt: input.startsAt, minutes: input.minutes, place }))!;
    const fields = [row.startsAt.getTime() !== input.startsAt.getTime() ? 'startsAt' : '', row.minutes !== input.minutes ? 'minutes' : '', row.place !== place ? 'place' : ''].filter(Boolean);
    await addEvent(tx, actor.organisationId, { volunteerId: v.id, actorUserId: actor.userId, kind: 'interview', detail: { interviewId: row.id, action: 'rescheduled', from: row.startsAt.toISOString(), startsAt: input.startsAt.toISOString(), sequence } });
    await audit(tx, actor, { action: 'interview.reschedule', entity: 'interview', entityId: row.id, fields });
    const mailed = await sendInvitation(tx, deps, actor.org, v, updated, 'updated', sequence);
    return { volunteerId: v.id, stage: null, mailed, interviews: await interviewViews(tx, [updated]) };
  });
}

/** Cancels an offered or scheduled interview; a scheduled one's calendar event is cancelled (METHOD:CANCEL). */
export async function cancelInterview(deps: ScreeningDeps, actor: RequestActor, interviewId: string): Promise<InterviewOutcome> {
  return withTenant(deps.db, actor, async (tx) => {
    const row = await lockedInterview(tx, actor.organisationId, interviewId);
    if (row.status !== 'scheduled' && row.status !== 'offered') throw new AppError('CONFLICT');
    const v = await volunteerOf(tx, actor.organisationId, row.volunteerId);
    const cancelled = (await updateInterview(tx, actor.organisationId, row.id, [row.status], { status: 'cancelled' }))!;
    const sequence = row.status === 'scheduled' ? ((await lastSequence(tx, actor.organisationId, row.id)) ?? 0) + 1 : undefined;
    await addEvent(tx, actor.organisationId, { volunteerId: v.id, actorUserId: actor.userId, kind: 'interview', detail: { interviewId: row.id, action: 'cancelled', ...(sequence !== undefined ? { sequence } : {}) } });
    await audit(tx, actor, { action: 'interview.cancel', entity: 'interview', entityId: row.id, fields: ['status'] });
    const mailed = sequence !== undefined ? await sendInvitation(tx, deps, actor.org, v, cancelled, 'cancelled', sequence) : false;
    return { volunteerId: v.id, stage: null, mailed, interviews: await interviewViews(tx, [cancelled]) };
  });
}

/**
 * After the interview: held, with structured notes and the recommendation (a volunteer at
 * `interview_scheduled` moves to `interviewed` by the rules), or the volunteer did not come (no_show).
 */
export async function recordInterview(deps: ScreeningDeps, actor: RequestActor, interviewId: string, input: RecordInput): Promise<InterviewOutcome> {
  return withTenant(deps.db, actor, async (tx) => {
    const row = await lockedInterview(tx, actor.organisationId, interviewId);
    if (row.status !== 'scheduled') throw new AppError('CONFLICT');
    const v = await volunteerOf(tx, actor.organisationId, row.volunteerId);
    const notes = Object.fromEntries((['motivation', 'experience', 'availability', 'languages', 'concerns'] as const).filter((k) => input[k]).map((k) => [k, input[k]!]));
    const recommendation = input.outcome === 'held' ? (input.recommendation ?? null) : null;
    const recorded = (await updateInterview(tx, actor.organisationId, row.id, ['scheduled'], { status: input.outcome, notes, recommendation, interviewerUserId: actor.userId }))!;
    await addEvent(tx, actor.organisationId, { volunteerId: v.id, actorUserId: actor.userId, kind: 'interview', detail: { interviewId: row.id, action: input.outcome, ...(recommendation ? { recommendation } : {}) } });
    await audit(tx, actor, { action: input.outcome === 'held' ? 'interview.record' : 'interview.no_show', entity: 'interview', entityId: row.id, fields: ['status', ...Object.keys(notes), ...(recommendation ? ['recommendation'] : [])] });
    const stage = input.outcome === 'held' && v.stage === 'interview_scheduled' ? await advanceStage(tx, actor, v, 'interviewed') : null;
    return { volunteerId: v.id, stage, mailed: false, interviews: await interviewViews(tx, [recorded]) };
  });
}

/** A volunteer's name for a form page (a read of personal data: audited). NOT_FOUND for another organisation's id. */
export async function volunteerForForm(db: Db, actor: RequestActor, volunteerId: string) {
  return withTenant(db, actor, async (tx) => {
    const v = await volunteerOf(tx, actor.organisationId, volunteerId);
    const { org } = actor;
    await audit(tx, actor, { action: 'volunteer.view', entity: 'volunteer', entityId: v.id, fields: ['name'] });
    return { id: v.id, name: `${v.givenName} ${v.familyName}`, country: org.country };
  });
}

/** An interview with its volunteer's name, for the record and reschedule forms (audited read). */
export async function interviewForForm(db: Db, actor: RequestActor, interviewId: string) {
  return withTenant(db, actor, async (tx) => {
    const row = await findInterview(tx, actor.organisationId, interviewId);
    if (!row) throw new AppError('NOT_FOUND');
    const v = await volunteerOf(tx, actor.organisationId, row.volunteerId);
    await audit(tx, actor, { action: 'volunteer.view', entity: 'volunteer', entityId: v.id, fields: ['name'] });
    return { interview: row, volunteer: { id: v.id, name: `${v.givenName} ${v.familyName}` } };
  });
}

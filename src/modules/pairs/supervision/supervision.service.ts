import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { utcToZoned, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { attendeeOptions, findAttendees, findSession, insertSession, listSessions, replaceAttendees, updateSession, type SessionValues } from './supervision.repository.js';
import type { AttendanceInput, SessionInput } from './supervision.schemas.js';

/**
 * Group supervision for volunteers and for coordinators. Attendance (who was there) is personal data: the session
 * page, which shows it, is audited, as is every change. Training hours are computed from these tables by
 * pairs/meetings/hours.ts (attended sessions' minutes), not here.
 */

/** The instant of the form's wall-clock date and time in the organisation's zone; a time skipped by the clock change is a field error. */
function valuesOf(input: SessionInput, zone: string): SessionValues {
  const startsAt = zonedToUtc(input.date, input.time, zone);
  if (!startsAt) throw invalid('time', 'pairs.supervision.validation.timeSkipped');
  return { audience: input.audience, startsAt, minutes: input.minutes, place: input.place ?? null, onlineLink: input.onlineLink ?? null, facilitator: input.facilitator, topics: input.topics ?? '' };
}

async function sessionOrNotFound(tx: Tx, actor: RequestActor, id: string, lock = false) {
  const row = await findSession(tx, actor.organisationId, id, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function listSupervision(db: Db, actor: RequestActor, now = new Date()) {
  return withTenant(db, actor, async (tx) => ({
    upcoming: await listSessions(tx, actor.organisationId, 'upcoming', now),
    past: await listSessions(tx, actor.organisationId, 'past', now),
    timeZone: actor.org.timeZone,
  }));
}

export async function createSession(db: Db, actor: RequestActor, input: SessionInput): Promise<string> {
  return withTenant(db, actor, async (tx) => {
    const id = await insertSession(tx, actor.organisationId, actor.userId, valuesOf(input, actor.org.timeZone));
    await audit(tx, actor, { action: 'supervision.create', entity: 'supervision_session', entityId: id });
    return id;
  });
}

export async function editSession(db: Db, actor: RequestActor, id: string, input: SessionInput): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    await sessionOrNotFound(tx, actor, id, true);
    await updateSession(tx, actor.organisationId, id, valuesOf(input, actor.org.timeZone));
    await audit(tx, actor, { action: 'supervision.update', entity: 'supervision_session', entityId: id, fields: Object.keys(input) });
  });
}

/** The session's form values: date and time on the organisation's wall clock. */
export async function sessionForForm(db: Db, actor: RequestActor, id: string) {
  return withTenant(db, actor, async (tx) => {
    const s = await sessionOrNotFound(tx, actor, id);
    const at = utcToZoned(s.startsAt, actor.org.timeZone);
    return { id: s.id, values: { audience: s.audience, date: at.date, time: at.time, minutes: s.minutes, place: s.place ?? '', onlineLink: s.onlineLink ?? '', facilitator: s.facilitator, topics: s.topics } };
  });
}

/** The session with the people who may be ticked and who attended (audited: attendance is personal data). */
export async function viewSession(db: Db, actor: RequestActor, id: string, now = new Date()) {
  return withTenant(db, actor, async (tx) => {
    const session = await sessionOrNotFound(tx, actor, id);
    const result = {
      session,
      options: await attendeeOptions(tx, actor.organisationId, session.audience, id),
      attendees: await findAttendees(tx, actor.organisationId, id),
      started: session.startsAt.getTime() <= now.getTime(),
      timeZone: actor.org.timeZone,
    };
    await audit(tx, actor, { action: 'supervision.view', entity: 'supervision_session', entityId: id });
    return result;
  });
}
export type SessionView = Awaited<ReturnType<typeof viewSession>>;

/**
 * Records who attended and the short record, once the session has begun. Only people the form offers may be ticked
 * (the audience's people of this organisation); anything else is refused, nothing written.
 */
export async function recordAttendance(db: Db, actor: RequestActor, id: string, input: AttendanceInput, now = new Date()): Promise<number> {
  return withTenant(db, actor, async (tx) => {
    const session = await sessionOrNotFound(tx, actor, id, true);
    if (session.startsAt.getTime() > now.getTime()) throw invalid('_form', 'pairs.supervision.validation.notYet');
    const allowed = new Set((await attendeeOptions(tx, actor.organisationId, session.audience, id)).map((o) => o.personId));
    const ticked = [...new Set(input.attendees.map((p) => p.toLowerCase()))];
    if (ticked.some((p) => !allowed.has(p))) throw invalid('attendees', 'validation.choice');
    await replaceAttendees(tx, actor.organisationId, id, ticked);
    await updateSession(tx, actor.organisationId, id, { record: input.record ?? null });
    await audit(tx, actor, { action: 'supervision.attendance', entity: 'supervision_session', entityId: id, fields: ['attendees', 'record'] });
    return ticked.length;
  });
}

import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { permits } from '../../../core/policy.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { addEvent, findConsents, findMenteeById, lockMentee, updateMentee, type MenteeRow } from '../mentees.repository.js';
import type { StatusInput } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import { findProgrammes, findStaff, type Option } from '../options.repository.js';
import { findCaseStaff, findCreatedEvent, findEvents, findNotes, isCaseStaff } from './case.repository.js';
import type { CurrentMatchesReader } from './current-matches.js';
import { actionsFrom, nextStatus, reasonRequired, type MoveTarget } from './status.js';

/** What the request form said beyond the profile, kept on the `created` event. */
export interface RequestFacts {
  carerName: string | null;
  statedAge: number | null;
}

/**
 * Everything the case page shows, read in one tenant transaction and audited `mentee.view`. The case notes are read
 * only for the case's staff (and audited `mentee.notes.view`); for anyone else `notes` is null, and row-level
 * security would return none anyway. The current matches come from `currentMatches` (filled by matching, see
 * current-matches.ts). NOT_FOUND for an unknown id or another organisation's.
 */
export async function viewCase(db: Db, actor: RequestActor, id: string, currentMatches: CurrentMatchesReader, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const mentee = await findMenteeById(tx, actor.organisationId, id);
    if (!mentee) throw new AppError('NOT_FOUND');
    const onCase = await isCaseStaff(tx, actor.organisationId, id, actor.userId);
    const staff = await findCaseStaff(tx, actor.organisationId, id);
    const canChangeStaff = await permits(tx, actor, menteesPolicy, 'changeStaff', id);
    const onStaff = new Set(staff.map((s) => s.userId));
    const created = await findCreatedEvent(tx, actor.organisationId, id);
    const result = {
      mentee,
      /** The organisation's "now", zone and today: days waiting and ages are counted in it. */
      clock: clockOf(actor, now),
      programme: mentee.programmeId ? ((await findProgrammes(tx, actor.organisationId, false)).find((p) => p.value === mentee.programmeId)?.label ?? null) : null,
      consents: await findConsents(tx, actor.organisationId, id),
      events: await findEvents(tx, actor.organisationId, id),
      matches: await currentMatches(tx, actor.organisationId, id),
      staff,
      onCase,
      canChangeStaff,
      staffOptions: canChangeStaff ? (await findStaff(tx, actor.organisationId, menteesPolicy.roles('caseStaff'))).filter((o) => !onStaff.has(o.value)) : ([] as Option[]),
      actions: actionsFrom(mentee.status),
      request: {
        carerName: typeof created?.detail.carerName === 'string' ? created.detail.carerName : null,
        statedAge: typeof created?.detail.statedAge === 'number' ? created.detail.statedAge : null,
      } satisfies RequestFacts,
      notes: onCase ? await findNotes(tx, actor.organisationId, id) : null,
    };
    await audit(tx, actor, { action: 'mentee.view', entity: 'mentee', entityId: id });
    if (onCase) await audit(tx, actor, { action: 'mentee.notes.view', entity: 'mentee', entityId: id });
    return result;
  });
}
export type CaseView = Awaited<ReturnType<typeof viewCase>>;

/** The locked mentee with the version the user saw, or NOT_FOUND / CONFLICT (nothing written). */
export async function lockedAtVersion(tx: Tx, actor: RequestActor, id: string, version: number): Promise<MenteeRow> {
  const row = await lockMentee(tx, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== version) throw new AppError('CONFLICT', 'mentees.case.conflict');
  return row;
}

/**
 * Puts a case on hold, back on the waiting list, closes or reopens it (see status.ts). The place on the waiting list
 * (`waiting_since`) is kept throughout. A stale version is CONFLICT; a move not possible from the current status,
 * a close without a reason, or closing while matches are still running (`currentMatches`) is VALIDATION on its field.
 * One `status` event and one audit entry `mentee.status`.
 */
export async function changeStatus(db: Db, actor: RequestActor, id: string, input: StatusInput, currentMatches: CurrentMatchesReader, now = new Date()): Promise<MoveTarget> {
  return withTenant(db, actor, async (tx) => {
    const row = await lockedAtVersion(tx, actor, id, input.version);
    const to = nextStatus(row.status, input.action);
    if (!to) throw invalid('action', 'mentees.status.notAllowed');
    if (reasonRequired(input.action) && !input.reason) throw invalid('reason', 'mentees.status.reasonRequired');
    if (to === 'closed' && (await currentMatches(tx, actor.organisationId, id)).length > 0) throw invalid('action', 'mentees.status.activeMatches');
    const set = { status: to, statusReason: input.reason ?? null, ...(to === 'waiting' && !row.waitingSince ? { waitingSince: now } : {}) };
    if ((await updateMentee(tx, actor.organisationId, id, input.version, set, now)) === undefined) throw new AppError('CONFLICT', 'mentees.case.conflict');
    await addEvent(tx, actor.organisationId, { menteeId: id, actorUserId: actor.userId, kind: 'status', fromStatus: row.status, toStatus: to, detail: input.reason ? { reason: input.reason } : {}, at: now });
    await audit(tx, actor, { action: 'mentee.status', entity: 'mentee', entityId: id, fields: ['status', ...(input.reason ? ['statusReason'] : [])] });
    return to;
  });
}

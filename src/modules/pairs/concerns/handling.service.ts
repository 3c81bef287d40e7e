import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { findActions, findStaff, insertAction, onCaseBesidesAssignment, updateConcern } from './concerns.repository.js';
import { nextStatuses, type ActionInput, type AssignInput, type StatusInput, type ConcernStatus } from './concerns.schemas.js';
import { visibleConcern } from './concerns.service.js';

/**
 * A concern's page and the work on it: assignment, notes and actions taken, status up to closure. Only staff on
 * the case get here (others: NOT_FOUND, so a concern's existence is not revealed). Every view and change is audited.
 */

export async function viewConcern(db: Db, actor: RequestActor, id: string) {
  return withTenant(db, actor, async (tx) => {
    const { row, followed } = await visibleConcern(tx, actor, id);
    const result = {
      concern: row,
      actions: await findActions(tx, actor.organisationId, id),
      staff: await findStaff(tx, actor.organisationId),
      /** Reassigning away from oneself would lock the user out when the assignment is their only link to the case. */
      mayAssignAway: await onCaseBesidesAssignment(tx, actor.organisationId, actor.userId, followed, id),
      timeZone: actor.org.timeZone,
      me: actor.userId,
    };
    await audit(tx, actor, { action: 'concern.view', entity: 'concern', entityId: id });
    return result;
  });
}
export type ConcernView = Awaited<ReturnType<typeof viewConcern>>;

/** The locked concern at the version the user saw, or CONFLICT; a closed one accepts no more changes. */
async function lockedAt(tx: Tx, actor: RequestActor, id: string, version: number) {
  const found = await visibleConcern(tx, actor, id, true);
  if (found.row.version !== version) throw new AppError('CONFLICT', 'pairs.concerns.conflict');
  return found;
}

/** Assigns the concern to a staff member of the organisation (who then sees it). */
export async function assignConcern(db: Db, actor: RequestActor, id: string, input: AssignInput): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const { row, followed } = await lockedAt(tx, actor, id, input.version);
    if (row.status === 'closed') throw invalid('_form', 'pairs.concerns.validation.closed');
    if (!(await findStaff(tx, actor.organisationId)).some((s) => s.userId === input.assigneeUserId)) throw invalid('assigneeUserId', 'validation.choice');
    if (row.assignedToUserId === input.assigneeUserId) throw invalid('assigneeUserId', 'pairs.concerns.validation.alreadyAssigned');
    if (input.assigneeUserId !== actor.userId && !(await onCaseBesidesAssignment(tx, actor.organisationId, actor.userId, followed, id)))
      throw invalid('assigneeUserId', 'pairs.concerns.validation.keepAccess');
    if (!(await updateConcern(tx, actor.organisationId, id, input.version, { assignedToUserId: input.assigneeUserId }))) throw new AppError('CONFLICT', 'pairs.concerns.conflict');
    await insertAction(tx, actor.organisationId, { concernId: id, byUserId: actor.userId, kind: 'assigned', detail: { userId: input.assigneeUserId } });
    await audit(tx, actor, { action: 'concern.assign', entity: 'concern', entityId: id, fields: ['assignedToUserId'] });
  });
}

/** Adds a note or an action taken (append-only; no version needed: nothing is overwritten). */
export async function addAction(db: Db, actor: RequestActor, id: string, input: ActionInput): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    await visibleConcern(tx, actor, id, true);
    await insertAction(tx, actor.organisationId, { concernId: id, byUserId: actor.userId, kind: input.kind, text: input.text });
    await audit(tx, actor, { action: `concern.${input.kind}`, entity: 'concern', entityId: id, fields: ['text'] });
  });
}

/**
 * Moves the concern on (open → in progress → resolved → closed; resolved may go back to work). Resolving needs the
 * resolution in words; closing is possible only once resolved. A move not allowed from the current status is a
 * field error; a stale form is CONFLICT. One `status` action and one audit entry.
 */
export async function changeConcernStatus(db: Db, actor: RequestActor, id: string, input: StatusInput, now = new Date()): Promise<ConcernStatus> {
  return withTenant(db, actor, async (tx) => {
    const { row } = await lockedAt(tx, actor, id, input.version);
    if (!nextStatuses(row.status).includes(input.status)) throw invalid('status', 'pairs.concerns.validation.transition');
    const set =
      input.status === 'resolved'
        ? { status: input.status, resolution: input.resolution ?? null, resolvedAt: now }
        : input.status === 'closed'
          ? { status: input.status, closedAt: now }
          : { status: input.status, resolvedAt: null };
    if (!(await updateConcern(tx, actor.organisationId, id, input.version, set))) throw new AppError('CONFLICT', 'pairs.concerns.conflict');
    await insertAction(tx, actor.organisationId, { concernId: id, byUserId: actor.userId, kind: 'status', text: input.status === 'resolved' ? (input.resolution ?? '') : '', detail: { from: row.status, to: input.status } });
    await audit(tx, actor, { action: 'concern.status', entity: 'concern', entityId: id, fields: Object.keys(set) });
    return input.status;
  });
}

import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { enqueue } from '../../../core/jobs/queue.js';
import { allowed } from '../../../core/policy.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { coveredUsers, followedMatchIds, volunteerOfUser } from '../access.js';
import { findConcern, findPairs, findRaisedBy, insertAction, insertConcern, listConcerns, type PairOption } from './concerns.repository.js';
import { concernsPolicy } from './concerns.policy.js';
import type { ListQuery, RaiseInput } from './concerns.schemas.js';

/** The job that tells staff about a new concern (meeting logs enqueue it too). */
export const NOTIFY_JOB = 'pairs.concern.notify';

/** Who raises: staff on /concerns/new, the pair's volunteer on /me/concerns/new. */
export type RaisedThrough = 'staff' | 'volunteer';

/** The matches a staff member follows today (coordinator, cover, mentee's case staff): the pairs whose concerns they see. */
export async function followedToday(tx: Tx, actor: RequestActor): Promise<string[]> {
  return followedMatchIds(tx, actor.organisationId, actor.userId, actor.clock.today);
}

/**
 * The running pairs (active or paused) a user may raise a concern about: the volunteer's own; for staff the pairs
 * they follow today; administrators any pair of the organisation.
 */
async function raisablePairs(tx: Tx, actor: RequestActor, through: RaisedThrough): Promise<PairOption[]> {
  if (through === 'volunteer') {
    const v = await volunteerOfUser(tx, actor.organisationId, actor.userId);
    return v ? findPairs(tx, actor.organisationId, { volunteerId: v.id }) : [];
  }
  if (allowed(actor, concernsPolicy, 'anyPair')) return findPairs(tx, actor.organisationId, {});
  return findPairs(tx, actor.organisationId, { ids: await followedToday(tx, actor) });
}

/** The capacity in which staff raise a concern: the pair's coordinator (or cover) first, then the case's social worker. */
async function capacityOf(tx: Tx, actor: RequestActor, pair: PairOption): Promise<string> {
  const coordinator = allowed(actor, concernsPolicy, 'raiseAsCoordinator');
  if (coordinator && pair.coordinatorUserId && (await coveredUsers(tx, actor.organisationId, actor.userId, actor.clock.today)).includes(pair.coordinatorUserId)) return 'coordinator';
  if (allowed(actor, concernsPolicy, 'raiseAsSocialWorker')) return 'social_worker';
  return coordinator ? 'coordinator' : 'administrator';
}

/** The pairs the raise form offers; an unknown or foreign `matchId` in the link is answered 404 (pairs stay private). */
export async function raiseForm(db: Db, actor: RequestActor, through: RaisedThrough, matchId?: string): Promise<{ pairs: PairOption[] }> {
  return withTenant(db, actor, async (tx) => {
    const pairs = await raisablePairs(tx, actor, through);
    if (matchId && !pairs.some((p) => p.id === matchId)) throw new AppError('NOT_FOUND');
    return { pairs };
  });
}

/**
 * Raises a concern about a pair in one transaction: the concern, its first `status` action (open), an audit entry
 * and the notification job (exactly once per concern by its unique key). A pair the user may not raise about is
 * NOT_FOUND, nothing written.
 */
export async function raiseConcern(db: Db, actor: RequestActor, through: RaisedThrough, input: RaiseInput): Promise<string> {
  return withTenant(db, actor, async (tx) => {
    const pair = (await raisablePairs(tx, actor, through)).find((p) => p.id === input.matchId);
    if (!pair) throw new AppError('NOT_FOUND');
    const raisedAs = through === 'volunteer' ? 'volunteer' : await capacityOf(tx, actor, pair);
    const id = await insertConcern(tx, actor.organisationId, {
      matchId: pair.id,
      menteeId: pair.menteeId,
      volunteerId: pair.volunteerId,
      raisedByUserId: actor.userId,
      raisedAs,
      severity: input.severity,
      summary: input.summary,
      description: input.description ?? '',
    });
    await insertAction(tx, actor.organisationId, { concernId: id, byUserId: actor.userId, kind: 'status', detail: { to: 'open' } });
    await audit(tx, actor, { action: 'concern.create', entity: 'concern', entityId: id, fields: ['severity', 'summary', ...(input.description ? ['description'] : [])] });
    await enqueue(tx, NOTIFY_JOB, { concernId: id }, { uniqueKey: `concern-notify:${id}` });
    return id;
  });
}

/** The concerns a staff member is on the case of, oldest open first, filtered; the list view is audited. */
export async function listForStaff(db: Db, actor: RequestActor, q: ListQuery) {
  return withTenant(db, actor, async (tx) => {
    const rows = await listConcerns(tx, actor.organisationId, actor.userId, await followedToday(tx, actor), q);
    await audit(tx, actor, { action: 'concern.list', entity: 'concern' });
    return { rows, timeZone: actor.org.timeZone };
  });
}

/** The volunteer's own concerns (status only, never staff notes) and the pairs they may raise one about. */
export async function myConcerns(db: Db, actor: RequestActor) {
  return withTenant(db, actor, async (tx) => ({
    concerns: await findRaisedBy(tx, actor.organisationId, actor.userId),
    pairs: await raisablePairs(tx, actor, 'volunteer'),
    timeZone: actor.org.timeZone,
  }));
}

/** A concern the user is on the case of, or NOT_FOUND — also when it exists but is not theirs to see. */
export async function visibleConcern(tx: Tx, actor: RequestActor, id: string, lock = false) {
  const followed = await followedToday(tx, actor);
  const row = await findConcern(tx, actor.organisationId, actor.userId, followed, id, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return { row, followed };
}


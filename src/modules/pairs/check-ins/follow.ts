import type { Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { utcToZoned } from '../../../core/i18n/time-zone.js';
import { authorize } from '../../../core/policy.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { findPair, type PairRow } from './check-ins.repository.js';

/** The day a match started, in the organisation's zone (never the UTC day of the timestamp). */
export const startedOn = (pair: Pick<PairRow, 'startedAt'>, timeZone: string) => utcToZoned(pair.startedAt, timeZone).date;

/**
 * The pair, if the actor may follow it today: NOT_FOUND for an unknown id or another organisation's pair,
 * FORBIDDEN for staff of this organisation who neither follow it (as coordinator, cover or case staff) nor administer.
 */
export async function followedPair(tx: Tx, actor: RequestActor, matchId: string, today: string): Promise<PairRow> {
  const pair = await findPair(tx, actor.organisationId, matchId);
  if (!pair) throw new AppError('NOT_FOUND');
  await authorize(tx, { ...actor, clock: { ...actor.clock, today } }, checkInsPolicy, 'follow', matchId);
  return pair;
}

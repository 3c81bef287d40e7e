import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import type { RequestActor } from '../tenancy/actor.js';
import { clockAt } from '../tenancy/org-clock.js';
import { orgFacts } from '../tenancy/org-facts.js';
import type { Role } from '../tenancy/tenancy.table.js';

/**
 * A complete request actor for tests that call services directly: the organisation's facts read as a session
 * would, and its clock at `now` (the moment the test pretends the request came in).
 */
export async function actorFor(db: Db, who: { organisationId: string; userId: string; roles: readonly Role[]; requestId?: string }, now = new Date()): Promise<RequestActor> {
  const org = await withSystem(db, (tx) => orgFacts(tx, who.organisationId));
  return { organisationId: who.organisationId, userId: who.userId, requestId: who.requestId, roles: who.roles, org, clock: clockAt(now, org.timeZone) };
}

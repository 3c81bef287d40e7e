import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import type { RequestActor } from '../tenancy/actor.js';
import { clockAt } from '../tenancy/org-clock.js';
import { orgFacts } from '../tenancy/org-facts.js';
import type { Role } from '../tenancy/tenancy.table.js';

/**
 * A complete request actor for tests (and E2E seeds) that call services directly: the organisation's facts read as
 * a session would. With `now`, its clock stands at that moment (a test at midnight); without, the clock reads the
 * time afresh on every use, so one actor serving many calls behaves like one request per call.
 */
export async function actorFor(db: Db, who: { organisationId: string; userId: string; roles: readonly Role[]; requestId?: string }, now?: Date): Promise<RequestActor> {
  const org = await withSystem(db, (tx) => orgFacts(tx, who.organisationId));
  const fixed = now ? clockAt(now, org.timeZone) : undefined;
  return {
    organisationId: who.organisationId,
    userId: who.userId,
    requestId: who.requestId,
    roles: who.roles,
    org,
    get clock() {
      return fixed ?? clockAt(new Date(), org.timeZone);
    },
  };
}

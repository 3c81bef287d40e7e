import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf, daysWaiting } from '../../../core/tenancy/org-clock.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import type { Locale, Translate } from '../../../core/i18n/index.js';
import { findMatches } from '../matches.repository.js';
import { presentMatch } from '../matches.service.js';
import { findRuns, waitingList } from './batch.repository.js';

/**
 * The matching overview: how many are waiting (and the longest waiting), open batch runs, recent matches.
 * Shows names, so it is audited (`matching.overview.view`).
 */
export async function matchingOverview(db: Db, actor: RequestActor, t: Translate, locale: Locale, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const org = actor.organisationId;
    const clock = clockOf(actor, now);
    const waiting = await waitingList(tx, org, 10);
    const recent = await findMatches(tx, org, { status: 'active' }, { offset: 0, limit: 10 });
    const result = {
      timeZone: clock.timeZone,
      waitingCount: waiting.count,
      longestWaiting: waiting.longest.map((m) => ({ ...m, daysWaiting: m.waitingSince ? daysWaiting(clock, m.waitingSince) : 0 })),
      activeMatches: recent.total,
      recentMatches: recent.rows.map((r) => presentMatch(r, t, locale)),
      openRuns: await findRuns(tx, org, { limit: 10, open: true }),
    };
    await audit(tx, actor, { action: 'matching.overview.view', entity: 'mentee', fields: waiting.longest.length || recent.rows.length ? ['name'] : [] });
    return result;
  });
}
export type MatchingOverview = Awaited<ReturnType<typeof matchingOverview>>;

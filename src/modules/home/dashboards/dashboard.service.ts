import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { allowed } from '../../../core/policy.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import type { Role } from '../../../core/tenancy/tenancy.table.js';
import { followedMatchIds, meetingsPolicy, volunteerOfUser, followUpLists, meetingTotals, periodStarts } from '../../pairs/index.js';
import { homePolicy } from '../home.policy.js';
import { organisationCounts } from '../home.repository.js';
import { countStaffFigures, findMyClients, findMyPairs, findNextIntroduction } from './dashboard.repository.js';

/** Which parts of the dashboard a person sees (homePolicy). */
export function dashboardParts(who: { roles: readonly Role[] }) {
  return {
    volunteer: allowed(who, homePolicy, 'volunteerPart'),
    coordinator: allowed(who, homePolicy, 'coordinatorPart'),
    socialWorker: allowed(who, homePolicy, 'socialWorkerPart'),
    figures: allowed(who, homePolicy, 'figures'),
  };
}

/** The volunteer's part: their running pairs (first names), the next introduction, hours this month and in all. */
async function volunteerPart(tx: Tx, actor: RequestActor, today: string, now: Date) {
  const me = await volunteerOfUser(tx, actor.organisationId, actor.userId);
  if (!me) return null;
  const pairs = await findMyPairs(tx, actor.organisationId, me.id);
  const next = await findNextIntroduction(tx, actor.organisationId, pairs.map((p) => p.matchId), now);
  const month = await meetingTotals(tx, actor.organisationId, { volunteerIds: [me.id], from: periodStarts(today).month, to: today });
  const total = await meetingTotals(tx, actor.organisationId, { volunteerIds: [me.id] });
  if (pairs.length > 0) await audit(tx, actor, { action: 'dashboard.view', entity: 'match', fields: ['mentee.givenName', ...(next ? ['introduction'] : [])] });
  return { pairs, next: next ? { ...next, with: pairs.find((p) => p.matchId === next.matchId)?.givenName ?? '' } : null, monthMinutes: month.minutes, totalMinutes: total.minutes };
}

/**
 * Everything the signed-in home page shows, read in one tenant transaction for the parts the actor's roles allow.
 * Coordinators count the overdue check-ins and quiet pairs of the pairs they follow today; administrators those of
 * every pair. Lists with names (the volunteer's pairs, the social worker's clients) are audited `dashboard.view`
 * and `mentee.list`; counts are not personal data.
 */
export async function loadDashboard(db: Db, actor: RequestActor, now = actor.clock.now) {
  const parts = dashboardParts(actor);
  return withTenant(db, actor, async (tx) => {
    const clock = clockOf(actor, now);
    const { today, timeZone } = clock;
    const volunteer = parts.volunteer ? await volunteerPart(tx, actor, today, now) : null;
    let coordinator = null;
    if (parts.coordinator) {
      const all = allowed(actor, meetingsPolicy, 'all');
      const followed = all ? null : await followedMatchIds(tx, actor.organisationId, actor.userId, today);
      const lists = await followUpLists(tx, actor.organisationId, followed, clock);
      const hours = await meetingTotals(tx, actor.organisationId, { from: periodStarts(today).month, to: today });
      coordinator = { ...(await countStaffFigures(tx, actor.organisationId)), overdue: lists.overdue.length, quiet: lists.quiet.length, monthMinutes: hours.minutes, allPairs: all };
    }
    let socialWorker = null;
    if (parts.socialWorker) {
      const clients = await findMyClients(tx, actor.organisationId, actor.userId);
      if (clients.length > 0) await audit(tx, actor, { action: 'mentee.list', entity: 'mentee', fields: ['name', 'status', 'matches'] });
      socialWorker = { clients, requested: (await countStaffFigures(tx, actor.organisationId)).requested };
    }
    const figures = parts.figures ? await organisationCounts(tx, actor.organisationId) : null;
    return { parts, timeZone, today, volunteer, coordinator, socialWorker, figures };
  });
}
export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { allowed } from '../../../core/policy.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import type { OrgClock } from '../../../core/tenancy/org-clock.js';
import { followedMatchIds } from '../access.js';
import { findFollowUpFacts, type FollowUpFacts } from './check-ins.repository.js';
import { SIDES, type Side } from './check-ins.schemas.js';
import { followUpOf } from './follow-up.js';
import { startedOn } from './follow.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { daysOverdue, daysQuiet, isQuiet, nextCheckInDue } from './rules.js';

type Person = { id: string; givenName: string; familyName: string };

/** A check-in with one side of an active pair that is past its due day. */
export interface OverdueCheckIn {
  matchId: string;
  side: Side;
  dueOn: string;
  /** Whole days past the due day (1 or more). */
  days: number;
  coordinatorUserId: string | null;
  volunteer: Person;
  mentee: Person;
}

/** An active pair with no meeting logged for more than its programme's quietAfterDays. */
export interface QuietPair {
  matchId: string;
  /** The last meeting day, or null when none was ever logged (then counted from the start). */
  lastMeetingOn: string | null;
  startedOn: string;
  days: number;
  coordinatorUserId: string | null;
  volunteer: Person;
  mentee: Person;
}

function overdueOf(facts: FollowUpFacts[], timeZone: string, today: string): OverdueCheckIn[] {
  const result: OverdueCheckIn[] = [];
  for (const f of facts) {
    const match = { status: f.status, startedOn: startedOn(f, timeZone) };
    const settings = followUpOf(f.followUp);
    for (const side of SIDES) {
      const last = f.lastCheckIn[side];
      const checkIns = last ? [{ heldOn: last }] : [];
      const days = daysOverdue(match, checkIns, f.firstMeeting, settings, today);
      if (days > 0) result.push({ matchId: f.id, side, dueOn: nextCheckInDue(match, checkIns, f.firstMeeting, settings)!, days, coordinatorUserId: f.coordinatorUserId, volunteer: f.volunteer, mentee: f.mentee });
    }
  }
  return result.sort((a, b) => b.days - a.days || a.matchId.localeCompare(b.matchId) || a.side.localeCompare(b.side));
}

function quietOf(facts: FollowUpFacts[], timeZone: string, today: string): QuietPair[] {
  return facts
    .map((f) => ({ f, match: { status: f.status, startedOn: startedOn(f, timeZone) } }))
    .filter(({ f, match }) => isQuiet(f.lastMeeting, match, followUpOf(f.followUp), today))
    .map(({ f, match }) => ({
      matchId: f.id,
      lastMeetingOn: f.lastMeeting,
      startedOn: match.startedOn,
      days: daysQuiet(f.lastMeeting, match.startedOn, today),
      coordinatorUserId: f.coordinatorUserId,
      volunteer: f.volunteer,
      mentee: f.mentee,
    }))
    .sort((a, b) => b.days - a.days || a.matchId.localeCompare(b.matchId));
}

/** The organisation's today and zone the lists are counted on. */
type DayClock = Pick<OrgClock, 'today' | 'timeZone'>;

/**
 * Overdue check-ins of the organisation's active pairs (or only of `matchIds`, e.g. followedMatchIds), most
 * overdue first, counted on `clock` (the organisation's today and zone: the actor's clock, or a job's). Runs in the caller's tenant transaction and
 * does not audit: the caller that shows names does.
 */
export async function overdueCheckIns(tx: Tx, organisationId: string, matchIds: readonly string[] | null, { today, timeZone }: DayClock): Promise<OverdueCheckIn[]> {
  return overdueOf(await findFollowUpFacts(tx, organisationId, matchIds), timeZone, today);
}

/** Quiet pairs of the organisation (or of `matchIds`), longest quiet first. Same contract as overdueCheckIns. */
export async function quietPairs(tx: Tx, organisationId: string, matchIds: readonly string[] | null, { today, timeZone }: DayClock): Promise<QuietPair[]> {
  return quietOf(await findFollowUpFacts(tx, organisationId, matchIds), timeZone, today);
}

/** Both lists from one read of the pairs. */
export async function followUpLists(tx: Tx, organisationId: string, matchIds: readonly string[] | null, { today, timeZone }: DayClock) {
  const facts = await findFollowUpFacts(tx, organisationId, matchIds);
  return { overdue: overdueOf(facts, timeZone, today), quiet: quietOf(facts, timeZone, today) };
}

/** Who may switch the overdue list to every pair of the organisation. */
export const mayListAll = (actor: RequestActor) => allowed(actor, checkInsPolicy, 'listAll');

/**
 * The /pairs/overdue page: overdue check-ins and quiet pairs of the pairs the actor follows today (their own, those
 * of colleagues they cover for, their clients'), or of all pairs for administrators and coordinators who ask.
 * Audited `pairs.overdue.view` (names of both people).
 */
export async function overduePage(db: Db, actor: RequestActor, wantAll: boolean, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const { today, timeZone } = clockOf(actor, now);
    const all = wantAll && mayListAll(actor);
    const ids = all ? null : await followedMatchIds(tx, actor.organisationId, actor.userId, today);
    const lists = await followUpLists(tx, actor.organisationId, ids, { today, timeZone });
    await audit(tx, actor, { action: 'pairs.overdue.view', entity: 'match', fields: ['volunteer.name', 'mentee.name', all ? 'scope.all' : 'scope.followed'] });
    return { ...lists, all, today, timeZone };
  });
}

import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { parseInput } from '../../../core/http/validation.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { findCheckIns, findFollowUpFacts, insertCheckIn } from './check-ins.repository.js';
import { checkInInput, SIDES, type Side } from './check-ins.schemas.js';
import { followUpOf } from './follow-up.js';
import { followedPair, startedOn } from './follow.js';
import { nextCheckInDue } from './rules.js';

const PAIR_FIELDS = ['volunteer.name', 'mentee.name'];

/** A check-in as the list shows it: the row with the name of whoever recorded it. */
export type CheckInView = Awaited<ReturnType<typeof findCheckIns>>[number];

/**
 * The check-ins of a pair, newest first, with when the next one with each side is due (null when the pair is not
 * active). Audited `check_in.list` (names, ratings and notes are personal data).
 */
export async function checkInsPage(db: Db, actor: RequestActor, matchId: string, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const { today, timeZone } = clockOf(actor, now);
    const pair = await followedPair(tx, actor, matchId, today);
    const items = await findCheckIns(tx, actor.organisationId, matchId);
    const [facts] = await findFollowUpFacts(tx, actor.organisationId, [matchId]);
    const due = Object.fromEntries(
      SIDES.map((side) => {
        if (!facts) return [side, null];
        const last = facts.lastCheckIn[side];
        return [side, nextCheckInDue({ status: facts.status, startedOn: startedOn(facts, timeZone) }, last ? [{ heldOn: last }] : [], facts.firstMeeting, followUpOf(facts.followUp))];
      }),
    ) as Record<Side, string | null>;
    await audit(tx, actor, { action: 'check_in.list', entity: 'match', entityId: matchId, fields: [...PAIR_FIELDS, 'check_ins'] });
    return { pair, items, due, today, timeZone };
  });
}

/** What the check-in form needs: the pair (names shown: audited `match.view`), today and its first day. */
export async function checkInForm(db: Db, actor: RequestActor, matchId: string, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const { today, timeZone } = clockOf(actor, now);
    const pair = await followedPair(tx, actor, matchId, today);
    if (pair.status === 'closed') throw new AppError('CONFLICT', 'pairs.checkIns.closed');
    await audit(tx, actor, { action: 'match.view', entity: 'match', entityId: matchId, fields: PAIR_FIELDS });
    return { pair, today, startedOn: startedOn(pair, timeZone), timeZone };
  });
}

/**
 * Records a regular check-in with one side of an active or paused pair, in one transaction with its audit entry
 * (`check_in.create`). The form is validated against the organisation's today and the pair's start: VALIDATION with
 * field errors and nothing written on bad input; CONFLICT for a closed pair (its closing conversations belong to closure).
 * `body` is the posted form or the API's JSON (a number for `rating`); returns the check-in as the list shows it.
 */
export async function recordCheckIn(db: Db, actor: RequestActor, matchId: string, body: unknown, now = actor.clock.now): Promise<{ id: string; side: Side; checkIn: CheckInView }> {
  return withTenant(db, actor, async (tx) => {
    const { today, timeZone } = clockOf(actor, now);
    const pair = await followedPair(tx, actor, matchId, today);
    if (pair.status === 'closed') throw new AppError('CONFLICT', 'pairs.checkIns.closed');
    const input = parseInput(checkInInput(today, startedOn(pair, timeZone)), body);
    const row = await insertCheckIn(tx, actor.organisationId, {
      matchId,
      side: input.side,
      kind: 'regular',
      heldOn: input.heldOn,
      rating: input.rating,
      howItGoes: input.howItGoes,
      notes: input.notes ?? null,
      recordedByUserId: actor.userId,
    });
    await audit(tx, actor, { action: 'check_in.create', entity: 'check_in', entityId: row.id, fields: ['side', 'heldOn', 'rating', 'howItGoes', ...(input.notes ? ['notes'] : [])] });
    // As the list shows it (with the recorder's name), for the API's answer.
    const checkIn = (await findCheckIns(tx, actor.organisationId, matchId)).find((c) => c.id === row.id)!;
    return { id: row.id, side: input.side, checkIn };
  });
}

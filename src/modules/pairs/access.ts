import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import type { ResourceRule } from '../../core/policy.js';
import { people } from '../../core/tenancy/tenancy.table.js';
import { matches } from '../matching/index.js';
import { menteeCaseStaff } from '../mentees/index.js';
import { volunteers } from '../volunteers/index.js';
import { covers } from './pairs.table.js';

/**
 * Who follows which pair. A pair is followed by its coordinator (`matches.coordinator_user_id`) and, while that
 * person is away, by their named cover; the mentee's case staff (social workers) see their clients' pairs too.
 * Every function takes `today` as a calendar date in the organisation's zone (covers are whole days).
 */

/** The users whose pairs `userId` follows today: themselves and everyone they cover for. */
export async function coveredUsers(tx: Tx, organisationId: string, userId: string, today: string): Promise<string[]> {
  const rows = await tx
    .select({ absent: covers.absentUserId })
    .from(covers)
    .where(and(eq(covers.organisationId, organisationId), eq(covers.coverUserId, userId), sql`${today}::date between ${covers.startsOn} and ${covers.endsOn}`));
  return [userId, ...new Set(rows.map((r) => r.absent))];
}

/** Ids of the matches (any status) a staff member follows today, as coordinator, cover or case staff of the mentee. */
export async function followedMatchIds(tx: Tx, organisationId: string, userId: string, today: string): Promise<string[]> {
  const users = await coveredUsers(tx, organisationId, userId, today);
  const rows = await tx
    .select({ id: matches.id })
    .from(matches)
    .where(
      and(
        eq(matches.organisationId, organisationId),
        sql`(${inArray(matches.coordinatorUserId, users)} or exists (select 1 from ${menteeCaseStaff} s where s.mentee_id = ${matches.menteeId} and s.user_id = ${userId}))`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Whether a staff member follows this match today. */
export async function followsMatch(tx: Tx, organisationId: string, userId: string, matchId: string, today: string): Promise<boolean> {
  return (await followedMatchIds(tx, organisationId, userId, today)).includes(matchId);
}

/** The policies' rule "follows the match" (resource: the match id), on the actor's today. */
export const followsMatchRule: ResourceRule = (tx, actor, matchId) => followsMatch(tx, actor.organisationId, actor.userId, matchId, actor.clock.today);

/**
 * The users who must hear about a pair today (high concerns, digests): its coordinator — or, while they are away,
 * their cover instead — plus the mentee's case staff. Deduplicated; never empty unless the pair has nobody at all.
 */
export async function responsibleUsers(tx: Tx, organisationId: string, matchId: string, today: string): Promise<string[]> {
  const [m] = await tx.select({ coordinator: matches.coordinatorUserId, menteeId: matches.menteeId }).from(matches).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId)));
  if (!m) return [];
  const result = new Set<string>();
  if (m.coordinator) {
    const away = await tx
      .select({ cover: covers.coverUserId })
      .from(covers)
      .where(and(eq(covers.organisationId, organisationId), eq(covers.absentUserId, m.coordinator), sql`${today}::date between ${covers.startsOn} and ${covers.endsOn}`));
    if (away.length > 0) for (const a of away) result.add(a.cover);
    else result.add(m.coordinator);
  }
  const staff = await tx.select({ userId: menteeCaseStaff.userId }).from(menteeCaseStaff).where(and(eq(menteeCaseStaff.organisationId, organisationId), eq(menteeCaseStaff.menteeId, m.menteeId)));
  for (const s of staff) result.add(s.userId);
  return [...result];
}

/** The volunteer record of a signed-in user in this organisation (through their person), or undefined. */
export async function volunteerOfUser(tx: Tx, organisationId: string, userId: string): Promise<{ id: string; personId: string; locale: string } | undefined> {
  const [row] = await tx
    .select({ id: volunteers.id, personId: volunteers.personId, locale: volunteers.locale })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), eq(people.userId, userId)))
    .orderBy(sql`${volunteers.createdAt} desc`)
    .limit(1);
  return row;
}

import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { lockPeopleOfMatches } from '../matches.repository.js';
import { deleteExclusion, insertExclusion } from './suggestions.repository.js';
import type { ExclusionInput } from './suggestions.schemas.js';

/**
 * "Never suggest this pair": recorded with the reason and who decided. It takes the same locks as making a match
 * (volunteer, then mentee), so a match of the pair being made at the same moment either finishes first or sees the
 * exclusion. An exclusion already there is kept. Audited `match_exclusion.create`; NOT_FOUND for unknown ids.
 */
export async function excludePair(db: Db, actor: Actor, input: Pick<ExclusionInput, 'menteeId' | 'volunteerId' | 'reason'>): Promise<{ id: string | null }> {
  return withTenant(db, actor, async (tx) => {
    const locked = await lockPeopleOfMatches(tx, actor.organisationId, [input.volunteerId], [input.menteeId]);
    if (!locked.volunteers.has(input.volunteerId) || !locked.mentees.has(input.menteeId)) throw new AppError('NOT_FOUND');
    const id = await insertExclusion(tx, actor.organisationId, { menteeId: input.menteeId, volunteerId: input.volunteerId, reason: input.reason, createdByUserId: actor.userId });
    if (id) await audit(tx, actor, { action: 'match_exclusion.create', entity: 'match_exclusion', entityId: id, fields: ['mentee', 'volunteer', 'reason'] });
    return { id };
  });
}

/**
 * Lifts one exclusion of a mentee (the pair may be suggested again) and returns the volunteer's id. Audited;
 * NOT_FOUND when there is no such one.
 */
export async function removeExclusion(db: Db, actor: Actor, menteeId: string, exclusionId: string): Promise<string> {
  return withTenant(db, actor, async (tx) => {
    const volunteerId = await deleteExclusion(tx, actor.organisationId, menteeId, exclusionId);
    if (!volunteerId) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'match_exclusion.delete', entity: 'match_exclusion', entityId: exclusionId });
    return volunteerId;
  });
}

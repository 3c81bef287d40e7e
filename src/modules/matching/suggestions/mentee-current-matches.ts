import { and, asc, eq, inArray } from 'drizzle-orm';
import { people } from '../../../core/tenancy/tenancy.table.js';
import type { CurrentMatchesReader } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { matches } from '../matching.table.js';

/**
 * A mentee's current matches (active or paused) with the volunteer's name, oldest first: added to mentees'
 * `currentMatchesOfMentee` slot, for the case page's list and its check that no match runs when a case closes.
 */
export const findCurrentMatchesOfMentee: CurrentMatchesReader = async (tx, organisationId, menteeId) => {
  const rows = await tx
    .select({ id: matches.id, volunteerId: matches.volunteerId, status: matches.status, needs: matches.needs, startedAt: matches.startedAt, givenName: people.givenName, familyName: people.familyName })
    .from(matches)
    .innerJoin(volunteers, eq(volunteers.id, matches.volunteerId))
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(matches.organisationId, organisationId), eq(matches.menteeId, menteeId), inArray(matches.status, ['active', 'paused'])))
    .orderBy(asc(matches.startedAt));
  return rows.map(({ status, ...row }) => ({ ...row, paused: status === 'paused' }));
};

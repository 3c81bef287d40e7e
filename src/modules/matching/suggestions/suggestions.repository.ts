import { aliasedTable, and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { matchExclusions } from '../matching.table.js';

/** SQL of the suggestion pages: exclusions and the volunteer's matching profile. Every function takes the organisation. */

const volunteerPerson = aliasedTable(people, 'volunteer_person');
const menteePerson = aliasedTable(people, 'mentee_person');

export interface ExclusionRow {
  id: string;
  menteeId: string;
  volunteerId: string;
  reason: string;
  createdAt: Date;
  menteeGivenName: string;
  menteeFamilyName: string;
  volunteerGivenName: string;
  volunteerFamilyName: string;
  createdByName: string | null;
}

/** The exclusions of one mentee or one volunteer, newest first, with both names and who made them. */
export async function findExclusions(tx: Tx, organisationId: string, of: { menteeId?: string; volunteerId?: string }): Promise<ExclusionRow[]> {
  return tx
    .select({
      id: matchExclusions.id,
      menteeId: matchExclusions.menteeId,
      volunteerId: matchExclusions.volunteerId,
      reason: matchExclusions.reason,
      createdAt: matchExclusions.createdAt,
      menteeGivenName: menteePerson.givenName,
      menteeFamilyName: menteePerson.familyName,
      volunteerGivenName: volunteerPerson.givenName,
      volunteerFamilyName: volunteerPerson.familyName,
      createdByName: sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${matchExclusions.organisationId} and p.user_id = ${matchExclusions.createdByUserId} limit 1)`,
    })
    .from(matchExclusions)
    .innerJoin(mentees, eq(mentees.id, matchExclusions.menteeId))
    .innerJoin(menteePerson, eq(menteePerson.id, mentees.personId))
    .innerJoin(volunteers, eq(volunteers.id, matchExclusions.volunteerId))
    .innerJoin(volunteerPerson, eq(volunteerPerson.id, volunteers.personId))
    .where(
      and(
        eq(matchExclusions.organisationId, organisationId),
        of.menteeId ? eq(matchExclusions.menteeId, of.menteeId) : undefined,
        of.volunteerId ? eq(matchExclusions.volunteerId, of.volunteerId) : undefined,
      ),
    )
    .orderBy(desc(matchExclusions.createdAt), asc(matchExclusions.id))
    .limit(500);
}

/** Records an excluded pair; an existing exclusion of the pair is kept as it is. Returns the new id, or null. */
export async function insertExclusion(tx: Tx, organisationId: string, e: { menteeId: string; volunteerId: string; reason: string; createdByUserId: string }): Promise<string | null> {
  const [row] = await tx
    .insert(matchExclusions)
    .values({ organisationId, ...e })
    .onConflictDoNothing({ target: [matchExclusions.menteeId, matchExclusions.volunteerId] })
    .returning({ id: matchExclusions.id });
  return row?.id ?? null;
}

/** Removes one exclusion of a mentee; returns its volunteer's id, or null when there is none with this id. */
export async function deleteExclusion(tx: Tx, organisationId: string, menteeId: string, id: string): Promise<string | null> {
  const [row] = await tx
    .delete(matchExclusions)
    .where(and(eq(matchExclusions.organisationId, organisationId), eq(matchExclusions.menteeId, menteeId), eq(matchExclusions.id, id)))
    .returning({ volunteerId: matchExclusions.volunteerId });
  return row?.volunteerId ?? null;
}

/** Sets the volunteer's capacity and the person's gender (the volunteer row must be locked by the caller). */
export async function setVolunteerProfile(tx: Tx, organisationId: string, v: { volunteerId: string; personId: string; capacity: number; gender: string | null; at: Date }): Promise<void> {
  // The pipeline's `version` guards stage moves; a change of places is not one, so it leaves the version alone and
  // does not turn an open stage form into a conflict.
  await tx
    .update(volunteers)
    .set({ capacity: v.capacity, updatedAt: v.at })
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, v.volunteerId)));
  await tx
    .update(people)
    .set({ gender: v.gender, updatedAt: v.at })
    .where(and(eq(people.organisationId, organisationId), eq(people.id, v.personId)));
}

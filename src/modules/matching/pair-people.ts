import { aliasedTable, eq } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { people } from '../../core/tenancy/tenancy.table.js';
import { mentees } from '../mentees/index.js';
import { volunteers } from '../volunteers/index.js';

/**
 * Both people of a pair in one query: a match, a batch proposal or any row with a mentee and a volunteer. Each
 * person's `people` row gets its own alias (`mentee_person`, `volunteer_person`), so a select can take names,
 * addresses or search text of either side. Every repository that lists pairs joins them in this one way.
 */
export const menteePerson = aliasedTable(people, 'mentee_person');
export const volunteerPerson = aliasedTable(people, 'volunteer_person');

/**
 * Adds the inner joins from `pair`'s mentee and volunteer ids to their mentee, volunteer and person rows (a pair
 * whose person was erased drops out). Use on `tx.select(...).from(table).$dynamic()`.
 */
export function joinPairPeople<T extends PgSelect>(query: T, pair: { menteeId: PgColumn; volunteerId: PgColumn }) {
  return query
    .innerJoin(mentees, eq(mentees.id, pair.menteeId))
    .innerJoin(menteePerson, eq(menteePerson.id, mentees.personId))
    .innerJoin(volunteers, eq(volunteers.id, pair.volunteerId))
    .innerJoin(volunteerPerson, eq(volunteerPerson.id, volunteers.personId));
}

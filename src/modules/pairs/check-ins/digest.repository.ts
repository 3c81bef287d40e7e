import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { matches } from '../../matching/index.js';
import { volunteers } from '../../volunteers/index.js';

/**
 * Volunteers to remind about a month (`from`–`to`, calendar days): they have an active pair that started before
 * `startedBefore` and logged no meeting with any pair in that month. With `volunteerId`, only that one (the re-check
 * before sending).
 */
export async function findVolunteersToRemind(tx: Tx, organisationId: string, month: { from: string; to: string }, startedBefore: Date, volunteerId?: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: volunteers.id })
    .from(volunteers)
    .innerJoin(matches, and(eq(matches.volunteerId, volunteers.id), eq(matches.status, 'active'), sql`${matches.startedAt} < ${startedBefore.toISOString()}::timestamptz`))
    .where(
      and(
        eq(volunteers.organisationId, organisationId),
        ...(volunteerId ? [eq(volunteers.id, volunteerId)] : []),
        sql`not exists (select 1 from meetings mt where mt.volunteer_id = ${volunteers.id} and mt.meeting_date between ${month.from}::date and ${month.to}::date)`,
      ),
    )
    .limit(50_000);
  return rows.map((r) => r.id);
}

/** A volunteer's first name, address and language, for the reminder. */
export async function findVolunteerContact(tx: Tx, organisationId: string, volunteerId: string) {
  const [row] = await tx
    .select({ givenName: people.givenName, email: people.email, locale: volunteers.locale })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, volunteerId)));
  return row;
}

import { and, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { people } from '../../core/tenancy/tenancy.table.js';
import type { Stage, VolunteerFacts } from './pipeline/stages.js';
import { safeguardingChecks, volunteerDocuments, volunteerEvents, volunteers } from './volunteers.table.js';

/** Shared reads and writes of the volunteers module; every function takes the organisation id. */

export type VolunteerRow = typeof volunteers.$inferSelect & {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  userId: string | null;
};

const withPerson = {
  givenName: people.givenName,
  familyName: people.familyName,
  email: people.email,
  phone: people.phone,
  birthDate: people.birthDate,
  userId: people.userId,
};

export async function findVolunteerById(tx: Tx, organisationId: string, id: string): Promise<VolunteerRow | undefined> {
  const [row] = await tx
    .select({ ...volunteerColumns(), ...withPerson })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, id)));
  return row;
}

/** The volunteer record of a signed-in person (self-service), if any. */
export async function findVolunteerByUser(tx: Tx, organisationId: string, userId: string): Promise<VolunteerRow | undefined> {
  const [row] = await tx
    .select({ ...volunteerColumns(), ...withPerson })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), eq(people.userId, userId)))
    .orderBy(desc(volunteers.appliedAt))
    .limit(1);
  return row;
}

const volunteerColumns = () => getTableColumns(volunteers);

/**
 * What the pipeline rules need, read in the same transaction as the move (so they cannot change under it).
 * `today` is the organisation's date (OrgClock.today): checks still valid and the age are counted on it.
 */
export async function volunteerFacts(tx: Tx, organisationId: string, v: Pick<VolunteerRow, 'id' | 'stage' | 'worksWithMinors' | 'plannedDays' | 'birthDate' | 'guardianConfirmedAt'>, today: string): Promise<VolunteerFacts> {
  const [check] = await tx
    .select({ id: safeguardingChecks.id })
    .from(safeguardingChecks)
    .where(and(eq(safeguardingChecks.organisationId, organisationId), eq(safeguardingChecks.volunteerId, v.id), sql`${safeguardingChecks.renewBy} > ${today}`))
    .limit(1);
  const [agreement] = await tx
    .select({ id: volunteerDocuments.id })
    .from(volunteerDocuments)
    .where(
      and(
        eq(volunteerDocuments.organisationId, organisationId),
        eq(volunteerDocuments.volunteerId, v.id),
        eq(volunteerDocuments.kind, 'agreement'),
        sql`${volunteerDocuments.acceptedAt} is not null`,
        isNull(volunteerDocuments.revokedAt),
      ),
    )
    .limit(1);
  return {
    stage: v.stage as Stage,
    worksWithMinors: v.worksWithMinors,
    safeguardingValid: Boolean(check),
    plannedDays: v.plannedDays,
    agreementSigned: Boolean(agreement),
    awaitingGuardian: isMinor(v.birthDate, today) && !v.guardianConfirmedAt,
  };
}

/** Under 18 on `today` (both YYYY-MM-DD; `today` in the organisation's zone, see OrgClock). */
export function isMinor(birthDate: string | null, today: string): boolean {
  if (!birthDate) return false;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  return age < 18;
}

/** Appends to the volunteer's timeline. */
export async function addEvent(
  tx: Tx,
  organisationId: string,
  e: { volunteerId: string; actorUserId: string | null; kind: string; fromStage?: string | null; toStage?: string | null; reason?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(volunteerEvents).values({
    organisationId,
    volunteerId: e.volunteerId,
    actorUserId: e.actorUserId,
    kind: e.kind,
    fromStage: e.fromStage ?? null,
    toStage: e.toStage ?? null,
    reason: e.reason ?? null,
    detail: e.detail ?? {},
  });
}

import { and, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { organisations, people } from '../../core/tenancy/tenancy.table.js';
import { missingSafeguarding, type SafeguardingRequirement } from './screening/requirements.js';
import type { Stage, VolunteerFacts } from './pipeline/stages.js';
import { insuranceRecords, safeguardingChecks, volunteerDocuments, volunteerEvents, volunteerSettings, volunteers } from './volunteers.table.js';

/** Shared reads and writes of the volunteers module; every function takes the organisation id. */

export type VolunteerRow = typeof volunteers.$inferSelect & {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  userId: string | null;
};

/** The person fields of a VolunteerRow (the volunteer joined to its person record). */
export const volunteerPersonFields = {
  givenName: people.givenName,
  familyName: people.familyName,
  email: people.email,
  phone: people.phone,
  birthDate: people.birthDate,
  userId: people.userId,
};

/** Volunteers with their person record, as VolunteerRow. */
function volunteerQuery(tx: Tx) {
  return tx
    .select({ ...getTableColumns(volunteers), ...volunteerPersonFields })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId));
}

export async function findVolunteerById(tx: Tx, organisationId: string, id: string): Promise<VolunteerRow | undefined> {
  const [row] = await volunteerQuery(tx).where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, id)));
  return row;
}

/** The volunteer record of a signed-in person (self-service), if any. */
export async function findVolunteerByUser(tx: Tx, organisationId: string, userId: string): Promise<VolunteerRow | undefined> {
  const [row] = await volunteerQuery(tx)
    .where(and(eq(volunteers.organisationId, organisationId), eq(people.userId, userId)))
    .orderBy(desc(volunteers.appliedAt))
    .limit(1);
  return row;
}

/**
 * What the law still asks of each of these volunteers before work with minors (screening/requirements.ts), by
 * volunteer id, in a few set-based reads: the organisation's country, each volunteer's "lived abroad" answer and
 * all their checks. Matching (eligibility for minors), the pipeline and the volunteer page all ask this.
 */
export async function safeguardingMissingOf(tx: Tx, organisationId: string, ids: readonly string[], today: string): Promise<Map<string, SafeguardingRequirement[]>> {
  const result = new Map<string, SafeguardingRequirement[]>();
  if (ids.length === 0) return result;
  const [org] = await tx.select({ country: organisations.country }).from(organisations).where(eq(organisations.id, organisationId));
  const rows = await tx
    .select({ id: volunteers.id, livedAbroad: volunteers.livedAbroad })
    .from(volunteers)
    .where(and(eq(volunteers.organisationId, organisationId), inArray(volunteers.id, [...ids])));
  const checks = await tx
    .select({ volunteerId: safeguardingChecks.volunteerId, kind: safeguardingChecks.kind, renewBy: safeguardingChecks.renewBy })
    .from(safeguardingChecks)
    .where(and(eq(safeguardingChecks.organisationId, organisationId), inArray(safeguardingChecks.volunteerId, [...ids])));
  // Grouped once: matching asks this for every volunteer of the organisation.
  const checksOf = new Map<string, typeof checks>();
  for (const c of checks) {
    const own = checksOf.get(c.volunteerId);
    if (own) own.push(c);
    else checksOf.set(c.volunteerId, [c]);
  }
  for (const r of rows) {
    result.set(r.id, missingSafeguarding({ country: org?.country ?? 'PL', livedAbroad: r.livedAbroad, checks: checksOf.get(r.id) ?? [], today }));
  }
  return result;
}

/**
 * What the pipeline rules need, read in the same transaction as the move (so they cannot change under it).
 * `today` is the organisation's date (OrgClock.today): checks still valid and the age are counted on it.
 */
export async function volunteerFacts(
  tx: Tx,
  organisationId: string,
  v: Pick<VolunteerRow, 'id' | 'stage' | 'worksWithMinors' | 'plannedDays' | 'birthDate' | 'guardianConfirmedAt' | 'healthSafetyOn' | 'travelCosts'>,
  today: string,
): Promise<VolunteerFacts> {
  const missing = await safeguardingMissingOf(tx, organisationId, [v.id], today);
  const agreements = await tx
    .select({ how: volunteerDocuments.acceptedHow })
    .from(volunteerDocuments)
    .where(
      and(
        eq(volunteerDocuments.organisationId, organisationId),
        eq(volunteerDocuments.volunteerId, v.id),
        eq(volunteerDocuments.kind, 'agreement'),
        sql`${volunteerDocuments.acceptedAt} is not null`,
        isNull(volunteerDocuments.revokedAt),
      ),
    );
  const [insured] = await tx
    .select({ id: insuranceRecords.id })
    .from(insuranceRecords)
    .where(and(eq(insuranceRecords.organisationId, organisationId), eq(insuranceRecords.volunteerId, v.id), sql`${insuranceRecords.validTo} >= ${today}`))
    .limit(1);
  const [settings] = await tx.select({ form: volunteerSettings.longServiceForm }).from(volunteerSettings).where(eq(volunteerSettings.organisationId, organisationId));
  const hows = agreements.map((a) => a.how);
  return {
    stage: v.stage,
    worksWithMinors: v.worksWithMinors,
    safeguardingMissing: missing.get(v.id) ?? [],
    plannedDays: v.plannedDays,
    agreement: hows.some((h) => h === 'paper' || h === 'qualified') ? 'written' : hows.length > 0 ? 'electronic' : 'none',
    longServiceForm: settings?.form === 'electronic' ? 'electronic' : 'written',
    insured: Boolean(insured),
    healthSafetyAcknowledged: v.healthSafetyOn !== null,
    travelCostsRecorded: v.travelCosts !== null,
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
  e: { volunteerId: string; actorUserId: string | null; kind: string; fromStage?: Stage | null; toStage?: Stage | null; reason?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  // A field left out takes the column's default (no stage or reason, an empty detail).
  await tx.insert(volunteerEvents).values({ organisationId, ...e });
}

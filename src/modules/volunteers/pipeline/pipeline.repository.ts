import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { addDays, startOfDayIn } from '../../../core/i18n/time-zone.js';
import type { OrgClock } from '../../../core/tenancy/org-clock.js';
import type { Tx } from '../../../core/db/tx.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { volunteerPersonFields, type VolunteerRow } from '../volunteers.repository.js';
import { volunteerConsents, volunteerEvents, volunteers } from '../volunteers.table.js';
import type { Stage } from './stages.js';
import { personSearchConditions } from '../../../core/tenancy/people-search.js';

/** All SQL of the pipeline part; every function takes the organisation id (RLS backs it up). */

const withPerson = { ...getTableColumns(volunteers), ...volunteerPersonFields };

export interface VolunteerFilter {
  q?: string;
  stage?: Stage;
  language?: string;
  activity?: string;
  /**
   * Only those waiting at least this many days in their stage, counted as `daysWaiting` counts them: calendar
   * days in the organisation's zone (changed on or before `today` − waitingMin there).
   */
  waitingMin?: number;
  clock: OrgClock;
}

/**
 * Volunteers of one organisation matching the filters (district is matched by the service, folded). Sorting and
 * paging happen in the service with the viewer's collation (PostgreSQL's collations differ between engines).
 * At most 20 000 rows.
 */
export async function findVolunteers(tx: Tx, organisationId: string, f: VolunteerFilter): Promise<VolunteerRow[]> {
  const conditions: SQL[] = [eq(volunteers.organisationId, organisationId)];
  conditions.push(...personSearchConditions([people.searchText], f.q));
  if (f.stage) conditions.push(eq(volunteers.stage, f.stage));
  if (f.language) conditions.push(sql`${volunteers.languages} @> ${JSON.stringify([{ code: f.language }])}::jsonb`);
  if (f.activity) conditions.push(sql`${f.activity} = any(${volunteers.activities})`);
  if (f.waitingMin !== undefined) {
    const before = startOfDayIn(addDays(f.clock.today, 1 - f.waitingMin), f.clock.timeZone);
    conditions.push(sql`${volunteers.stageChangedAt} < ${before.toISOString()}`);
  }
  return tx
    .select(withPerson)
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(...conditions))
    .limit(20_000);
}

/** The language codes the organisation's volunteers speak, for the language filter. */
export async function spokenLanguages(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ code: sql<string>`l.value->>'code'` })
    .from(sql`${volunteers}, jsonb_array_elements(${volunteers.languages}) as l(value)`)
    .where(eq(volunteers.organisationId, organisationId));
  return rows.map((r) => r.code).filter((c): c is string => typeof c === 'string' && /^[a-z]{2,3}$/.test(c));
}

/**
 * Reads volunteers and locks their rows until the transaction ends (`FOR UPDATE OF volunteers`), in id
 * order so that two bulk moves over overlapping sets cannot deadlock. A concurrent mover waits here and
 * then sees the committed version.
 */
export async function lockVolunteers(tx: Tx, organisationId: string, ids: string[]): Promise<VolunteerRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select(withPerson)
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), inArray(volunteers.id, ids)))
    .orderBy(asc(volunteers.id))
    .for('update', { of: volunteers });
}

/**
 * Moves a locked volunteer to `stage` if it still has `version`; returns the new state, or undefined when the
 * version changed (which the lock makes impossible, but the condition keeps the write honest).
 */
export async function setStage(tx: Tx, organisationId: string, id: string, change: { stage: Stage; reason: string | null; version: number; at: Date }) {
  const [row] = await tx
    .update(volunteers)
    .set({ stage: change.stage, stageReason: change.reason, stageChangedAt: change.at, version: sql`${volunteers.version} + 1`, updatedAt: change.at })
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, id), eq(volunteers.version, change.version)))
    .returning({ id: volunteers.id, stage: volunteers.stage, stageReason: volunteers.stageReason, stageChangedAt: volunteers.stageChangedAt, version: volunteers.version });
  return row;
}

export type EventRow = typeof volunteerEvents.$inferSelect & { actorName: string | null };

/** A volunteer's timeline, newest first, with the name of the staff member who acted (when known here). */
export async function findEvents(tx: Tx, organisationId: string, volunteerId: string): Promise<EventRow[]> {
  const actor = sql`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${organisationId} and p.user_id = "volunteer_events"."actor_user_id" limit 1)`;
  return tx
    .select({ ...getTableColumns(volunteerEvents), actorName: sql<string | null>`${actor}` })
    .from(volunteerEvents)
    .where(and(eq(volunteerEvents.organisationId, organisationId), eq(volunteerEvents.volunteerId, volunteerId)))
    .orderBy(desc(volunteerEvents.at), desc(volunteerEvents.id))
    .limit(500);
}

export async function findConsents(tx: Tx, organisationId: string, volunteerId: string) {
  return tx
    .select()
    .from(volunteerConsents)
    .where(and(eq(volunteerConsents.organisationId, organisationId), eq(volunteerConsents.volunteerId, volunteerId)))
    .orderBy(asc(volunteerConsents.givenAt));
}

/** Number of volunteers per stage. */
export async function countByStage(tx: Tx, organisationId: string): Promise<Partial<Record<Stage, number>>> {
  const rows = await tx
    .select({ stage: volunteers.stage, n: sql<number>`count(*)::int` })
    .from(volunteers)
    .where(eq(volunteers.organisationId, organisationId))
    .groupBy(volunteers.stage);
  return Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
}

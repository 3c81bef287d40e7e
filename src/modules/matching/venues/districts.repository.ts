import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { organisations } from '../../../core/tenancy/tenancy.table.js';
import { rowsOf } from '../../../core/db/tx.js';
import { mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { venues } from '../matching.table.js';
import { districts } from '../../../core/tenancy/districts.table.js';

export type DistrictRow = typeof districts.$inferSelect;

/** How many records name a district (compared ignoring case and surrounding spaces, as the scorer does). */
export interface DistrictUsage {
  volunteers: number;
  mentees: number;
  venues: number;
}

export function findDistricts(tx: Tx, organisationId: string): Promise<DistrictRow[]> {
  return tx.select().from(districts).where(eq(districts.organisationId, organisationId)).limit(2_000);
}

export async function findDistrictById(tx: Tx, organisationId: string, id: string): Promise<DistrictRow | undefined> {
  const [row] = await tx.select().from(districts).where(and(eq(districts.organisationId, organisationId), eq(districts.id, id)));
  return row;
}

/**
 * Whether another district of the organisation has this name, ignoring case. Compared here rather than with SQL
 * lower(), which folds only ASCII letters on a PostgreSQL cluster with the C locale ("Ś" ≠ "ś").
 */
export async function districtNameTaken(tx: Tx, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  const conditions = [eq(districts.organisationId, organisationId)];
  if (exceptId) conditions.push(ne(districts.id, exceptId));
  const rows = await tx.select({ name: districts.name }).from(districts).where(and(...conditions)).limit(2_000);
  return rows.some((r) => foldName(r.name) === foldName(name));
}

export async function insertDistrict(tx: Tx, organisationId: string, v: { name: string; latitude: number; longitude: number }): Promise<DistrictRow> {
  const [row] = await tx.insert(districts).values({ organisationId, ...v }).returning();
  return row!;
}

export async function updateDistrict(tx: Tx, organisationId: string, id: string, v: { name: string; latitude: number; longitude: number }): Promise<void> {
  await tx.update(districts).set(v).where(and(eq(districts.organisationId, organisationId), eq(districts.id, id)));
}

export async function deleteDistrict(tx: Tx, organisationId: string, id: string): Promise<void> {
  await tx.delete(districts).where(and(eq(districts.organisationId, organisationId), eq(districts.id, id)));
}

/** Whether the organisation's forms may take a place outside its district list ("other"). */
export async function findDistrictOtherAllowed(tx: Tx, organisationId: string, lock = false): Promise<boolean> {
  const query = tx.select({ allowed: organisations.districtOtherAllowed }).from(organisations).where(eq(organisations.id, organisationId));
  const [row] = lock ? await query.for('update') : await query;
  return row?.allowed ?? false;
}

export async function saveDistrictOtherAllowed(tx: Tx, organisationId: string, allowed: boolean): Promise<void> {
  await tx.update(organisations).set({ districtOtherAllowed: allowed }).where(eq(organisations.id, organisationId));
}

/** A district name as compared everywhere: without surrounding spaces, ignoring case. */
export const foldName = (name: string) => name.trim().toLocaleLowerCase();

/** Usage counts of every district name of the organisation (volunteers, mentees, venues), keyed by `foldName`. */
export async function districtUsageByName(tx: Tx, organisationId: string): Promise<Map<string, DistrictUsage>> {
  const rows = rowsOf<{ name: string; kind: keyof DistrictUsage; n: number }>(
    await tx.execute(sql`
      select district as name, 'volunteers' as kind, count(*)::int as n from volunteers where organisation_id = ${organisationId} and district is not null group by 1
      union all
      select district, 'mentees', count(*)::int from mentees where organisation_id = ${organisationId} and district is not null group by 1
      union all
      select district, 'venues', count(*)::int from venues where organisation_id = ${organisationId} and district is not null group by 1`),
  );
  const usage = new Map<string, DistrictUsage>();
  for (const r of rows) {
    const key = foldName(r.name);
    const u = usage.get(key) ?? { volunteers: 0, mentees: 0, venues: 0 };
    u[r.kind] += Number(r.n);
    usage.set(key, u);
  }
  return usage;
}

/** The spellings of `name` (case, spaces) that volunteers, mentees and venues of the organisation use. */
async function spellingsOf(tx: Tx, organisationId: string, name: string): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await tx.execute(sql`
      select distinct district as name from volunteers where organisation_id = ${organisationId} and district is not null
      union select district from mentees where organisation_id = ${organisationId} and district is not null
      union select district from venues where organisation_id = ${organisationId} and district is not null`),
  );
  return rows.map((r) => r.name).filter((n) => foldName(n) === foldName(name));
}

/**
 * Moves every volunteer, mentee and venue that names `from` (in any spelling) to `to`, so a renamed district
 * keeps its people. Returns the ids changed, for the audit trail.
 */
export async function renameDistrictReferences(tx: Tx, organisationId: string, from: string, to: string) {
  const spellings = await spellingsOf(tx, organisationId, from);
  if (spellings.length === 0) return { volunteers: [], mentees: [], venues: [] };
  const v = await tx
    .update(volunteers)
    .set({ district: to, updatedAt: new Date(), version: sql`${volunteers.version} + 1` })
    .where(and(eq(volunteers.organisationId, organisationId), inArray(volunteers.district, spellings)))
    .returning({ id: volunteers.id });
  const m = await tx
    .update(mentees)
    .set({ district: to, updatedAt: new Date(), version: sql`${mentees.version} + 1` })
    .where(and(eq(mentees.organisationId, organisationId), inArray(mentees.district, spellings)))
    .returning({ id: mentees.id });
  const p = await tx
    .update(venues)
    .set({ district: to })
    .where(and(eq(venues.organisationId, organisationId), inArray(venues.district, spellings)))
    .returning({ id: venues.id });
  return { volunteers: v.map((r) => r.id), mentees: m.map((r) => r.id), venues: p.map((r) => r.id) };
}

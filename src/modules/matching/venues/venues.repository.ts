import { and, count, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { introductions, venues } from '../matching.table.js';
import { foldName } from './districts.repository.js';
import type { VenueInput } from './settings.schemas.js';

export type VenueRow = typeof venues.$inferSelect;

export function findVenues(tx: Tx, organisationId: string, opts: { activeOnly?: boolean } = {}): Promise<VenueRow[]> {
  const where = opts.activeOnly ? and(eq(venues.organisationId, organisationId), eq(venues.active, true)) : eq(venues.organisationId, organisationId);
  return tx.select().from(venues).where(where).limit(2_000);
}

export async function findVenueById(tx: Tx, organisationId: string, id: string): Promise<VenueRow | undefined> {
  const [row] = await tx.select().from(venues).where(and(eq(venues.organisationId, organisationId), eq(venues.id, id)));
  return row;
}

/** Whether another venue of the organisation has this name, ignoring case (compared here: see districtNameTaken). */
export async function venueNameTaken(tx: Tx, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  const conditions = [eq(venues.organisationId, organisationId)];
  if (exceptId) conditions.push(ne(venues.id, exceptId));
  const rows = await tx.select({ name: venues.name }).from(venues).where(and(...conditions)).limit(2_000);
  return rows.some((r) => foldName(r.name) === foldName(name));
}

export async function insertVenue(tx: Tx, organisationId: string, v: VenueInput): Promise<VenueRow> {
  const [row] = await tx.insert(venues).values({ organisationId, ...v }).returning();
  return row!;
}

export async function updateVenue(tx: Tx, organisationId: string, id: string, v: Partial<VenueInput & { active: boolean }>): Promise<void> {
  await tx.update(venues).set(v).where(and(eq(venues.organisationId, organisationId), eq(venues.id, id)));
}

export async function deleteVenue(tx: Tx, organisationId: string, id: string): Promise<void> {
  await tx.delete(venues).where(and(eq(venues.organisationId, organisationId), eq(venues.id, id)));
}

/** How many introductions (of any status) took or will take place at the venue. */
export async function venueIntroductionCount(tx: Tx, organisationId: string, id: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(introductions)
    .where(and(eq(introductions.organisationId, organisationId), eq(introductions.venueId, id)));
  return Number(row?.n ?? 0);
}

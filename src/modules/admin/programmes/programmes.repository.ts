import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';
import type { ProgrammeInput } from './programmes.schemas.js';

export type ProgrammeRow = typeof programmes.$inferSelect;

/** Every programme of one organisation, unsorted (the service sorts by the viewer's language). */
export function findProgrammes(tx: Tx, organisationId: string): Promise<ProgrammeRow[]> {
  return tx.select().from(programmes).where(eq(programmes.organisationId, organisationId)).limit(5_000);
}

export async function findProgrammeById(tx: Tx, organisationId: string, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await tx.select().from(programmes).where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)));
  return row;
}

/** Whether another programme of the organisation already has this name, ignoring case. */
export async function nameTaken(tx: Tx, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  const conditions = [eq(programmes.organisationId, organisationId), sql`lower(${programmes.name}) = lower(${name})`];
  if (exceptId) conditions.push(ne(programmes.id, exceptId));
  const rows = await tx.select({ id: programmes.id }).from(programmes).where(and(...conditions)).limit(1);
  return rows.length > 0;
}

export async function insertProgramme(tx: Tx, organisationId: string, input: ProgrammeInput): Promise<string> {
  const [row] = await tx
    .insert(programmes)
    .values({ organisationId, name: input.name, description: input.description, active: input.active })
    .returning({ id: programmes.id });
  return row!.id;
}

export async function updateProgramme(tx: Tx, organisationId: string, id: string, input: ProgrammeInput): Promise<void> {
  await tx
    .update(programmes)
    .set({ name: input.name, description: input.description, active: input.active })
    .where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)));
}

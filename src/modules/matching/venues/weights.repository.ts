import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';

export type ProgrammeWeightsRow = { id: string; name: string; active: boolean; matchingWeights: Record<string, number>; maxDistanceKm: number };

const columns = { id: programmes.id, name: programmes.name, active: programmes.active, matchingWeights: programmes.matchingWeights, maxDistanceKm: programmes.matchingMaxDistanceKm };

export function findProgrammesWithWeights(tx: Tx, organisationId: string): Promise<ProgrammeWeightsRow[]> {
  return tx.select(columns).from(programmes).where(eq(programmes.organisationId, organisationId)).limit(2_000);
}

export async function findProgrammeWeights(tx: Tx, organisationId: string, id: string, lock = false): Promise<ProgrammeWeightsRow | undefined> {
  const query = tx.select(columns).from(programmes).where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Replaces the programme's weights (`{}` returns it to the defaults of matching/scoring) and its distance limit (km). */
export async function saveProgrammeWeights(tx: Tx, organisationId: string, id: string, weights: Record<string, number>, maxDistanceKm: number): Promise<void> {
  await tx
    .update(programmes)
    .set({ matchingWeights: weights, matchingMaxDistanceKm: maxDistanceKm })
    .where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)));
}

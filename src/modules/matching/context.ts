import type { Tx } from '../../core/db/tx.js';
import { loadDistricts, loadExcludedPairs, loadProgrammeWeights } from './profiles.repository.js';
import { MAX_DISTANCE_KM, weightsFrom } from './scoring/index.js';
import type { ScoringContext } from './scoring/types.js';

/**
 * The scoring contexts of one organisation: its districts and excluded pairs are shared, the weights and distance
 * limit are those of the mentee's programme (the defaults for a mentee without one). Exclusions are read for the given mentees or
 * volunteers only when a scope is given (a suggestion page needs one person's, a batch run the whole list's).
 */
export async function loadContexts(
  tx: Tx,
  organisationId: string,
  programmeIds: (string | null)[],
  scope: { menteeIds?: string[]; volunteerIds?: string[] } = {},
): Promise<(programmeId: string | null) => ScoringContext> {
  const ids = [...new Set(programmeIds.filter((p): p is string => p !== null))];
  const [weights, districts, excluded] = [await loadProgrammeWeights(tx, organisationId, ids), await loadDistricts(tx, organisationId), await loadExcludedPairs(tx, organisationId, scope)];
  const cache = new Map<string | null, ScoringContext>();
  return (programmeId) => {
    let ctx = cache.get(programmeId);
    if (!ctx) {
      const programme = programmeId ? weights.get(programmeId) : undefined;
      ctx = { weights: weightsFrom(programme?.weights ?? {}), districts, excluded, maxDistanceKm: programme?.maxDistanceKm ?? MAX_DISTANCE_KM };
      cache.set(programmeId, ctx);
    }
    return ctx;
  };
}

import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import { DEFAULT_WEIGHTS, MAX_DISTANCE_KM, weightsFrom } from '../scoring/index.js';
import type { Weights } from '../scoring/types.js';
import { WEIGHT_KEYS, type WeightsOutput } from './settings.schemas.js';
import { findProgrammesWithWeights, findProgrammeWeights, saveProgrammeWeights, type ProgrammeWeightsRow } from './weights.repository.js';

/** A programme's weights as scoring will use them, and whether any differ from the defaults. */
function present(p: ProgrammeWeightsRow): WeightsOutput {
  const weights = weightsFrom(p.matchingWeights);
  const custom = WEIGHT_KEYS.some((k) => weights[k] !== DEFAULT_WEIGHTS[k]) || p.maxDistanceKm !== MAX_DISTANCE_KM;
  return { programmeId: p.id, programme: p.name, custom, maxDistanceKm: p.maxDistanceKm, weights: { ...weights } };
}

export { DEFAULT_WEIGHTS, MAX_DISTANCE_KM };

/** Every programme of the organisation in `tx` with its weights: active first, then by name. */
export async function programmesWithWeights(tx: Tx, organisationId: string, locale: Locale): Promise<(WeightsOutput & { active: boolean })[]> {
  const compare = compareNames(locale);
  const rows = await findProgrammesWithWeights(tx, organisationId);
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || compare(a.name, b.name)).map((p) => ({ ...present(p), active: p.active }));
}

/** One programme's weights; NOT_FOUND for another organisation's programme. */
export async function getProgrammeWeights(db: Db, actor: Actor, programmeId: string): Promise<WeightsOutput> {
  return withTenant(db, actor, async (tx) => {
    const p = await findProgrammeWeights(tx, actor.organisationId, programmeId);
    if (!p) throw new AppError('NOT_FOUND');
    return present(p);
  });
}

/**
 * Stores all six weights of a programme and its distance limit in km (audited `programme.weights`, with the names of
 * what changed: `weights.<key>`, `maxDistanceKm`), or with `null` returns both to the defaults. Without
 * `maxDistanceKm` the limit stays as it is.
 */
export async function saveWeights(db: Db, actor: Actor, programmeId: string, weights: Weights | null, maxDistanceKm?: number): Promise<WeightsOutput> {
  return withTenant(db, actor, async (tx) => {
    const before = await findProgrammeWeights(tx, actor.organisationId, programmeId, true);
    if (!before) throw new AppError('NOT_FOUND');
    const old = weightsFrom(before.matchingWeights);
    const next = weights ?? DEFAULT_WEIGHTS;
    const stored = weights ? Object.fromEntries(WEIGHT_KEYS.map((k) => [k, weights[k]])) : {};
    const km = weights ? (maxDistanceKm ?? before.maxDistanceKm) : MAX_DISTANCE_KM;
    const fields: string[] = WEIGHT_KEYS.filter((k) => old[k] !== next[k]).map((k) => `weights.${k}`);
    if (km !== before.maxDistanceKm) fields.push('maxDistanceKm');
    // Storing explicit values equal to the defaults still matters: they no longer follow later default changes.
    const explicitNow = weights !== null;
    const explicitBefore = Object.keys(before.matchingWeights).length > 0;
    if (fields.length > 0 || explicitNow !== explicitBefore) {
      await saveProgrammeWeights(tx, actor.organisationId, programmeId, stored, km);
      await audit(tx, actor, { action: weights ? 'programme.weights' : 'programme.weights_reset', entity: 'programme', entityId: programmeId, fields });
    }
    return present({ ...before, matchingWeights: stored, maxDistanceKm: km });
  });
}

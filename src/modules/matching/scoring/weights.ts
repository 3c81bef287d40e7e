/**
 * Programme weights (programmes.matching_weights, jsonb): each component 0–100, 0 switches it off.
 */
import { COMPONENT_KEYS } from './components.js';
import type { Weights } from './types.js';

/** Used for every key a programme has not set (they sum to 100, so points read as a percentage by default). */
export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  language: 25,
  availability: 20,
  distance: 15,
  interests: 10,
  needs: 20,
  waiting: 10,
});

const isWeight = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 100;

/** Weights from stored JSON: each missing or invalid key (not an integer 0–100) takes its default. Never throws. */
export function weightsFrom(json: unknown): Weights {
  const stored = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const out = { ...DEFAULT_WEIGHTS };
  for (const key of COMPONENT_KEYS) {
    const value = stored[key];
    if (isWeight(value)) out[key] = value;
  }
  return out;
}

export function totalWeight(w: Weights): number {
  return COMPONENT_KEYS.reduce((sum, k) => sum + w[k], 0);
}

/** A score as a whole percentage of the most a pair can get with these weights (0 when all weights are 0). */
export function percentOf(score: number, weights: Weights): number {
  const total = totalWeight(weights);
  return total > 0 ? Math.round((Math.min(Math.max(score, 0), total) / total) * 100) : 0;
}

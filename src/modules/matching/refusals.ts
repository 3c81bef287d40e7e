import { VIOLATION_KEYS } from './scoring/index.js';
import type { ViolationKey } from './scoring/types.js';
import type { MessageKey } from '../../core/i18n/index.js';
import { isOneOf } from '../../core/one-of.js';

/**
 * Why a match cannot be made when someone asks for it: a broken hard constraint (scoring's violations, re-checked on
 * fresh data) or a state that changed meanwhile. Stored as plain JSON with a stale proposal, so the reason can be shown
 * again later in any viewer's language, with the names added at display time (names are not copied into the reason).
 */
export type RefusalKey = ViolationKey | 'volunteer_unavailable' | 'mentee_unavailable' | 'pair_active';

export interface Refusal {
  key: RefusalKey;
  detail: Record<string, unknown>;
}

const KEYS: readonly RefusalKey[] = [...VIOLATION_KEYS, 'volunteer_unavailable', 'mentee_unavailable', 'pair_active'];

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** The catalogue key and parameters of a refusal, e.g. "Anna Nowak has no free place any more (2 of 2 taken)." */
export function refusalMessage(r: Refusal, names: { mentee: string; volunteer: string }): { key: MessageKey; params: Record<string, string | number> } {
  const params: Record<string, string | number> = { ...names };
  if (r.key === 'capacity_full') Object.assign(params, { taken: num(r.detail.activeMatches), capacity: num(r.detail.capacity) });
  return { key: `matching.refusal.${r.key}`, params };
}

/** The JSON kept in `match_proposals.reason` of a stale proposal. */
export const storeRefusals = (refusals: Refusal[]): string => JSON.stringify({ refusals });

/** Refusals read back from a stale proposal's reason; unknown or damaged entries are dropped. */
export function readRefusals(stored: string | null): Refusal[] {
  if (!stored) return [];
  try {
    const parsed = JSON.parse(stored) as { refusals?: unknown };
    if (!Array.isArray(parsed.refusals)) return [];
    return parsed.refusals.flatMap((r: unknown) => {
      const o = r as { key?: unknown; detail?: unknown };
      if (typeof o?.key !== 'string' || !isOneOf(KEYS, o.key)) return [];
      const detail = typeof o.detail === 'object' && o.detail !== null ? (o.detail as Record<string, unknown>) : {};
      return [{ key: o.key as RefusalKey, detail }];
    });
  } catch {
    return [];
  }
}

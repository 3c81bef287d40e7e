import type { Translate } from '../../core/i18n/catalogue.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { StoredComponent } from './matching.table.js';
import { explainComponent, summary } from './scoring/index.js';
import type { Component, ComponentKey } from './scoring/types.js';
import { isOneOf } from '../../core/one-of.js';

const KEYS: readonly ComponentKey[] = ['language', 'availability', 'distance', 'interests', 'needs', 'waiting'];

/** Scoring components as stored with a match or proposal (plain JSON), back as components; unknown keys are dropped. */
export function componentsFromStore(stored: readonly StoredComponent[]): Component[] {
  return stored.filter((c): c is StoredComponent & { key: ComponentKey } => isOneOf(KEYS, c.key)).map((c) => ({ key: c.key, points: c.points, max: c.max, detail: c.detail }));
}

export const toStore = (components: readonly Component[]): StoredComponent[] => components.map((c) => ({ key: c.key, points: c.points, max: c.max, detail: c.detail }));

/**
 * A score as a whole percentage of the most a pair could get with the weights in force when it was scored (the sum
 * of the components' maxima, so a later change of the programme's weights does not change old figures).
 */
export function percentOfComponents(score: number | null, components: readonly Component[]): number | null {
  if (score === null) return null;
  const total = components.reduce((sum, c) => sum + c.max, 0);
  return total > 0 ? Math.round((Math.min(Math.max(score, 0), total) / total) * 100) : 0;
}

export interface Explained {
  summary: string;
  components: { key: string; points: number; max: number; reason: string }[];
}

/** The reason sentence and one reason per component (weight above 0), in the viewer's language. */
export function explain(components: readonly Component[], t: Translate, locale: Locale): Explained {
  return {
    summary: summary(components, t, locale),
    components: components.filter((c) => c.max > 0).map((c) => ({ key: c.key, points: c.points, max: c.max, reason: explainComponent(c, t, locale) })),
  };
}

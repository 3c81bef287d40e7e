import type { ModuleContext } from '../../../core/module.js';
import { batchApi } from './batch.api.js';
import { batchPages } from './batch.pages.js';

/**
 * Batch matching of a waiting list on the exact engine (engine/), proposed pair by pair for review, and the matching
 * overview page `/matching`.
 */
export function batchRoutes(ctx: ModuleContext) {
  batchPages(ctx);
  batchApi(ctx);
}

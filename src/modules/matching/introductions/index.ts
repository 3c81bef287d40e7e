import type { ModuleContext } from '../../../core/module.js';
import { introductionsPages } from './introductions.pages.js';

/**
 * The first meeting of a new pair at one of the organisation's venues (issue 5, part 6): scheduled, moved,
 * cancelled or marked as held, with notices (and calendar events) to both people and the social worker.
 */
export function introductionsRoutes(ctx: ModuleContext) {
  introductionsPages(ctx);
}

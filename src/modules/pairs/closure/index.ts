import type { ModuleContext } from '../../../core/module.js';
import { closureApi } from './closure.api.js';
import { closurePages } from './closure.pages.js';

/** Routes of pairs/closure: ending a pair with its closing conversations, and re-matching through the waiting list; page and JSON twin. */
export function closureRoutes(ctx: ModuleContext) {
  closurePages(ctx);
  closureApi(ctx);
}

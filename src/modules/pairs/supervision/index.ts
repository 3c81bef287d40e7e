import type { ModuleContext } from '../../../app.js';

/** Routes of pairs/supervision (being built). */
export function supervisionRoutes(_ctx: ModuleContext) {}

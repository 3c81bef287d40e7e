import type { ModuleContext } from '../../../app.js';

/** Routes of pairs/concerns (being built). */
export function concernsRoutes(_ctx: ModuleContext) {}

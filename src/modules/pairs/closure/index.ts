import type { ModuleContext } from '../../../app.js';

/** Routes of pairs/closure (being built). */
export function closureRoutes(_ctx: ModuleContext) {}

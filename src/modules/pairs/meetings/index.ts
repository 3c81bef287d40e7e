import type { ModuleContext } from '../../../app.js';

/** Routes of pairs/meetings (being built). */
export function meetingsRoutes(_ctx: ModuleContext) {}

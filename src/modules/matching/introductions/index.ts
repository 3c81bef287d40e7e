import type { ModuleContext } from '../../../app.js';

/** Routes of matching/introductions (being built). */
export function introductionsRoutes(_ctx: ModuleContext) {}

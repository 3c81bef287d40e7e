import type { ModuleContext } from '../../../app.js';

/** Routes of matching/batch (being built). */
export function batchRoutes(_ctx: ModuleContext) {}

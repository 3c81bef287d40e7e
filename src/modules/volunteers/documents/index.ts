import type { ModuleContext } from '../../../app.js';

/** Routes of this part of the volunteers module (being built). */
export function documentsRoutes(_ctx: ModuleContext) {}

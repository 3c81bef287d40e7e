import type { ModuleContext } from '../../../app.js';

/** Routes of matching/venues (being built). */
export function venuesRoutes(_ctx: ModuleContext) {}

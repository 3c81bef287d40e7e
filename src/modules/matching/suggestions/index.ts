import type { ModuleContext } from '../../../app.js';

/** Routes of matching/suggestions (being built). */
export function suggestionsRoutes(_ctx: ModuleContext) {}

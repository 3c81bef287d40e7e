import type { ModuleContext } from '../../../core/module.js';
import { supervisionApi } from './supervision.api.js';
import { supervisionPages } from './supervision.pages.js';

/**
 * Routes of pairs/supervision: /supervision… and its JSON twin /api/v1/supervision…, for administrators and
 * coordinators. Training hours from attendance are computed by pairs/meetings/hours.ts from supervision_attendees
 * (attended) and supervision_sessions.minutes.
 */
export function supervisionRoutes(ctx: ModuleContext) {
  supervisionPages(ctx);
  supervisionApi(ctx);
}

import type { ModuleContext } from '../../../core/module.js';
import { selfServiceApi } from './self-service.api.js';
import { selfServicePages } from './self-service.pages.js';

export { inviteApprovedVolunteer, INVITABLE_STAGES } from './invite.service.js';

/** The volunteer's own pages (issue point 7): stage, documents, acceptance of the agreement, profile. */
export function selfServiceRoutes(ctx: ModuleContext) {
  selfServicePages(ctx);
  selfServiceApi(ctx);
}

import type { ModuleContext } from '../../../core/module.js';
import { applicationApi } from './application.api.js';
import { applicationPages } from './application.pages.js';
import { settingsPages } from './settings.pages.js';

export { findSettings as findVolunteerSettings } from './application.repository.js';

/**
 * The public application (/o/:slug/apply, the guardian's confirmation link), the staff API for entering an
 * application, and the form and safeguarding settings (/volunteers/settings).
 */
export function applicationRoutes(ctx: ModuleContext) {
  applicationPages(ctx);
  applicationApi(ctx);
  settingsPages(ctx);
}

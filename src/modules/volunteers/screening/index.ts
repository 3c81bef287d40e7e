import type { ModuleContext } from '../../../core/module.js';
import { screeningApi } from './screening.api.js';
import { screeningPages } from './screening.pages.js';

export { safeguardingStatus, checkStatus, type SafeguardingStatus } from './safeguarding-status.js';
export { screeningJobs, REMINDER_JOB } from './safeguarding.service.js';
export { ScreeningPanel } from './panel.js';
export { loadScreeningPanel, type ScreeningPanelData } from './panel-data.js';

/**
 * Interviews, safeguarding checks and accident insurance of volunteers (issue points 4 and 5). The job
 * handlers (`screeningJobs`) reach the worker through the volunteers module's definition (its `jobs`).
 */
export function screeningRoutes(ctx: ModuleContext) {
  screeningPages(ctx);
  screeningApi(ctx);
}

import type { ModuleContext } from '../../../core/module.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../core/db/database.js';
import type { JobHandler } from '../../../core/jobs/queue.js';
import { checkInsApi } from './check-ins.api.js';
import { checkInsPages } from './check-ins.pages.js';
import { coversPages } from './covers.pages.js';
import { JOB } from './digest.service.js';
import { followUpJobs } from './jobs.js';
import { overdueApi } from './overdue.api.js';
import { overduePages } from './overdue.pages.js';
import { settingsPages } from './settings.pages.js';

export { overdueCheckIns, quietPairs, type OverdueCheckIn, type QuietPair } from './overdue.service.js';
export { DEFAULT_FOLLOW_UP, followUpOf, type FollowUpSettings } from './follow-up.js';

/**
 * Check-ins with each side of a pair, the overdue list and quiet pairs, covers for absent coordinators and the
 * programmes' follow-up settings (issue 6 point 2). Static routes (/pairs/overdue, /pairs/covers, /pairs/settings)
 * take precedence over the meetings part's /pairs/:matchId. The check-ins and the overdue list have JSON twins (*.api.ts).
 */
export function checkInsRoutes(ctx: ModuleContext) {
  overduePages(ctx);
  coversPages(ctx);
  settingsPages(ctx);
  checkInsPages(ctx);
  overdueApi(ctx);
  checkInsApi(ctx);
}

/** The hourly job that decides in each organisation's zone whether the digest or the reminder is due. */
export const FOLLOW_UP_HOURLY_JOB = JOB.hourly;

/** The weekly digest and the monthly reminder (see jobs.ts); calendar-driven scheduling is off in tests. */
export const checkInsJobs = (db: Db, config: Config): Record<string, JobHandler> =>
  followUpJobs(db, { baseUrl: () => config.baseUrl, calendar: config.env !== 'test' });

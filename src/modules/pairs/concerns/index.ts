import type { ModuleContext } from '../../../core/module.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../core/db/database.js';
import type { JobHandler } from '../../../core/jobs/queue.js';
import { concernsApi } from './concerns.api.js';
import { concernsPages } from './concerns.pages.js';
import { escalateOverdue } from './escalation.service.js';
import { notifyJobs } from './notify.service.js';

export { NOTIFY_JOB } from './concerns.service.js';

/** Routes of pairs/concerns: /concerns… for the staff on a case, /me/concerns… for the pair's volunteer, and their JSON twins under /api/v1. */
export function concernsRoutes(ctx: ModuleContext) {
  concernsPages(ctx);
  concernsApi(ctx);
}

/** The hourly job of the automatic escalation (listed in the pairs module's hourlyJobs). */
export const ESCALATE_JOB = 'pairs.concern.escalate';

/**
 * Job handlers of pairs/concerns: `pairs.concern.notify` {concernId} (enqueued by raising and by meeting logs) and
 * the hourly `pairs.concern.escalate` (urgent concerns nobody acknowledged in time).
 */
export const concernsJobs = (db: Db, config: Config): Record<string, JobHandler> => ({
  ...notifyJobs(db, config.baseUrl),
  [ESCALATE_JOB]: async () => {
    await escalateOverdue(db, config.baseUrl);
  },
});

import type { ModuleContext } from '../../../app.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../core/db/database.js';
import type { JobHandler } from '../../../core/jobs/queue.js';

/** Routes of pairs/check-ins (being built). */
export function checkInsRoutes(_ctx: ModuleContext) {}

/** Job handlers of pairs/check-ins (being built). */
export const checkInsJobs = (_db: Db, _config: Config): Record<string, JobHandler> => ({});

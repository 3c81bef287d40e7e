import type { ModuleContext } from '../../app.js';
import type { Config } from '../../config.js';
import type { Db } from '../../core/db/database.js';
import type { JobHandler } from '../../core/jobs/queue.js';
import { checkInsJobs, checkInsRoutes } from './check-ins/index.js';
import { closureRoutes } from './closure/index.js';
import { concernsJobs, concernsRoutes } from './concerns/index.js';
import { meetingsRoutes } from './meetings/index.js';
import { supervisionRoutes } from './supervision/index.js';

/**
 * Following the pairs (SPEC §3.4): the volunteer's meeting log and hours (meetings/), check-ins, quiet pairs, covers
 * and the digests (check-ins/), concerns and incidents (concerns/), group supervision (supervision/), and ending a
 * match with its closing conversations (closure/). Who follows which pair: access.ts.
 */
export function pairsModule(ctx: ModuleContext) {
  meetingsRoutes(ctx);
  checkInsRoutes(ctx);
  concernsRoutes(ctx);
  supervisionRoutes(ctx);
  closureRoutes(ctx);
}

/** Background jobs: the weekly digest to coordinators, the monthly reminder to volunteers, the notice of a new concern. */
export const pairsJobs = (db: Db, config: Config): Record<string, JobHandler> => ({ ...checkInsJobs(db, config), ...concernsJobs(db, config) });

/** Hours as the hours module counts and shows them (for aggregates elsewhere, such as the network page). */
export { toHours } from './meetings/hours.js';
export { formatHourValue } from './meetings/format-hours.js';

import type { ModuleContext } from '../../app.js';
import { applicationRoutes } from './application/index.js';
import { documentsRoutes } from './documents/index.js';
import { pipelineRoutes } from './pipeline/index.js';
import { screeningJobs, screeningRoutes } from './screening/index.js';
import type { Config } from '../../config.js';
import type { Db } from '../../core/db/database.js';
import { selfServiceRoutes } from './self-service/index.js';

export { isMinor, safeguardingMissingOf } from './volunteers.repository.js';
export { missingSafeguarding, type SafeguardingRequirement } from './screening/requirements.js';

/**
 * Volunteers (SPEC §3.1): the public application, the coordinator's pipeline, interviews and safeguarding
 * checks, the legal documents, and the volunteer's own pages.
 */
export function volunteersModule(ctx: ModuleContext) {
  applicationRoutes(ctx);
  pipelineRoutes(ctx);
  screeningRoutes(ctx);
  documentsRoutes(ctx);
  selfServiceRoutes(ctx);
}

/** The module's background jobs (safeguarding renewal reminders). */
export const volunteersJobs = (db: Db, config: Config) => screeningJobs(db, { baseUrl: config.baseUrl });

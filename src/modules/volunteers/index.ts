import type { ModuleDefinition } from '../../core/module.js';
import { applicationRoutes } from './application/index.js';
import { documentsRoutes } from './documents/index.js';
import { pipelineRoutes } from './pipeline/index.js';
import { screeningJobs, screeningRoutes } from './screening/index.js';
import { selfServiceRoutes } from './self-service/index.js';

export { isMinor, safeguardingMissingOf } from './volunteers.repository.js';
export { missingSafeguarding, type SafeguardingRequirement } from './screening/requirements.js';

/**
 * Volunteers (SPEC §3.1): the public application, the coordinator's pipeline, interviews and safeguarding
 * checks, the legal documents, and the volunteer's own pages.
 */
export const volunteersModule: ModuleDefinition = {
  name: 'volunteers',
  register(ctx) {
    applicationRoutes(ctx);
    pipelineRoutes(ctx);
    screeningRoutes(ctx);
    documentsRoutes(ctx);
    selfServiceRoutes(ctx);
  },
  /** Safeguarding renewal reminders. */
  jobs: (db, config) => screeningJobs(db, { baseUrl: config.baseUrl }),
};

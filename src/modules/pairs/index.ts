import { routes, type ModuleDefinition } from '../../core/module.js';
import { checkInsJobs, checkInsRoutes, FOLLOW_UP_HOURLY_JOB } from './check-ins/index.js';
import { closureRoutes } from './closure/index.js';
import { concernsJobs, concernsRoutes, ESCALATE_JOB } from './concerns/index.js';
import { meetingsRoutes } from './meetings/index.js';
import { supervisionRoutes } from './supervision/index.js';

/**
 * Following the pairs (SPEC §3.4): the volunteer's meeting log and hours (meetings/), check-ins, quiet pairs, covers
 * and the digests (check-ins/), concerns and incidents (concerns/), group supervision (supervision/), and ending a
 * match with its closing conversations (closure/). Who follows which pair: access.ts.
 */
export const pairsModule: ModuleDefinition = {
  name: 'pairs',
  register: routes(meetingsRoutes, checkInsRoutes, concernsRoutes, supervisionRoutes, closureRoutes),
  /** The weekly digest to coordinators, the monthly reminder to volunteers, the notice of a new concern. */
  jobs: (db, config) => ({ ...checkInsJobs(db, config), ...concernsJobs(db, config) }),
  /** The follow-ups (digest, reminder) and the automatic escalation of unacknowledged concerns decide each hour what is due. */
  hourlyJobs: [FOLLOW_UP_HOURLY_JOB, ESCALATE_JOB],
};

/** Hours as the hours module counts and shows them (for aggregates elsewhere, such as the network page). */
export { toHours } from './meetings/hours.js';
export { formatHourValue } from './meetings/format-hours.js';

// What other modules use: read functions, types, labels and views they show.
export { followedMatchIds, volunteerOfUser } from './access.js';
export { followUpLists } from './check-ins/overdue.service.js';
export { concernsPolicy } from './concerns/concerns.policy.js';
export { formatHours } from './meetings/format-hours.js';
export { meetingTotals, periodStarts } from './meetings/hours.js';
export { meetingsPolicy } from './meetings/meetings.policy.js';
export { pairsPolicy } from './pairs.policy.js';

// Tables other modules may read in joins; writes go through this module's services.
export { checkIns, concerns, meetings, supervisionSessions } from './pairs.table.js';

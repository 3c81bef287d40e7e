import { routes, type ModuleDefinition } from '../../core/module.js';
import { menteesApi } from './api/mentees.api.js';
import { casePages } from './cases/case.pages.js';
import { intakePages } from './intake/intake.pages.js';
import { listPages } from './list/list.pages.js';
import { requestPages } from './request/request.pages.js';

export { NEEDS, STATUSES, type Need, type Status } from './mentees.schemas.js';
export { menteesPolicy } from './mentees.policy.js';
export { needName, statusName } from './views/labels.js';
export { currentMatchesOfMentee, type CurrentMatch, type CurrentMatchesReader } from './cases/current-matches.js';

/**
 * People who need support (SPEC §3.2): intake by staff (intake/), the public request form and its review
 * (request/, review/), the waiting list (list/), the case page with consents, case staff and notes (cases/), and the
 * JSON API (api/). See README.md.
 */
export const menteesModule: ModuleDefinition = {
  name: 'mentees',
  // /mentees/new before /mentees/:id reads better; the router prefers the static route either way.
  register: routes(intakePages, listPages, casePages, requestPages, menteesApi),
};

// Tables other modules may read in joins; writes go through this module's services.
export { menteeCaseStaff, menteeConsents, menteeEvents, menteeNotes, mentees } from './mentees.table.js';

import { routes, type ModuleDefinition } from '../../core/module.js';
import { auditLogPages } from './audit-log/audit-log.pages.js';
import { organisationPages } from './organisation/organisation.pages.js';
import { outboxPages } from './outbox/outbox.pages.js';
import { programmesApi } from './programmes/programmes.api.js';
import { programmesPages } from './programmes/programmes.pages.js';
import { teamPages } from './team/team.pages.js';

export { adminPolicy, invitableRoles } from './admin.policy.js';
export type { ProgrammeOutput } from './programmes/programmes.schemas.js';

/** Administration of one organisation: team and invitations, programmes, settings, audit log, outgoing mail. */
export const adminModule: ModuleDefinition = {
  name: 'admin',
  register: routes(teamPages, programmesPages, programmesApi, organisationPages, auditLogPages, outboxPages),
};

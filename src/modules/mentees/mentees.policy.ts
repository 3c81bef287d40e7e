import { definePolicy } from '../../core/policy.js';
import { isCaseStaff } from './cases/case.repository.js';

/**
 * Who may do what with the people an organisation supports, in their own organisation (the tenant check comes
 * first, in RLS and every query). Programme managers see aggregates elsewhere, never cases.
 */
export const menteesPolicy = definePolicy(
  {
    /** See the waiting list, requests and case pages (personal data: every read is audited). */
    read: { roles: ['administrator', 'coordinator', 'social_worker'] },
    /** Record, edit, review requests, change status and consents. */
    manage: { roles: ['administrator', 'coordinator', 'social_worker'] },
    /** Change a case's staff: administrators and coordinators any case's, social workers only of cases they are on. */
    changeStaff: { roles: ['administrator', 'coordinator', 'social_worker'], rule: 'onCase', everyRecord: ['administrator', 'coordinator'] },
    /** May be the responsible social worker of a case. */
    responsible: { roles: ['social_worker', 'coordinator'] },
    /** May be added to a case's staff. */
    caseStaff: { roles: ['administrator', 'coordinator', 'social_worker'] },
  },
  {
    /** The actor is on the case's staff (resource: the mentee id). */
    onCase: (tx, actor, menteeId) => isCaseStaff(tx, actor.organisationId, menteeId, actor.userId),
  },
);


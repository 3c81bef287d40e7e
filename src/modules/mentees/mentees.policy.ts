import type { Role } from '../../core/tenancy/tenancy.table.js';

/**
 * Who may do what with the people an organisation supports, in their own organisation (the tenant check comes
 * first, in RLS and every query). Programme managers see aggregates elsewhere, never cases.
 */
export const menteesPolicy = {
  /** See the waiting list, requests and case pages (personal data: every read is audited). */
  read: ['administrator', 'coordinator', 'social_worker'],
  /** Record, edit, review requests, change status and consents. */
  manage: ['administrator', 'coordinator', 'social_worker'],
  /** Change any case's staff; others may change it only for cases they work on. */
  staffAnyCase: ['administrator', 'coordinator'],
  /** May be the responsible social worker of a case. */
  responsible: ['social_worker', 'coordinator'],
  /** May be added to a case's staff. */
  caseStaff: ['administrator', 'coordinator', 'social_worker'],
} as const satisfies Record<string, readonly Role[]>;

export const can = (roles: readonly Role[], action: keyof typeof menteesPolicy) => menteesPolicy[action].some((r) => roles.includes(r));

import type { Role } from '../../core/tenancy/tenancy.table.js';

/** Who may do what with people records, in their own organisation (the tenant check comes first, in RLS and every query). */
export const peoplePolicy = {
  /** Read people records (personal data: every read is audited). */
  read: ['administrator', 'coordinator', 'social_worker', 'programme_manager'],
  /** Create and correct people records. */
  write: ['administrator', 'coordinator', 'social_worker'],
} as const satisfies Record<string, readonly Role[]>;

export const can = (roles: readonly Role[], action: keyof typeof peoplePolicy) => peoplePolicy[action].some((r) => roles.includes(r));

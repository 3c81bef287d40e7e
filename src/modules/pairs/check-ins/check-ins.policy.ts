import type { Role } from '../../../core/tenancy/tenancy.table.js';

/** Who may do what in pairs/check-ins; which pairs a staff member may touch is decided by access.ts. */
export const checkInsPolicy = {
  /** Staff who can follow pairs: check-ins, the overdue list. */
  follow: ['administrator', 'coordinator', 'social_worker'],
  /** Covers and the programmes' follow-up settings. */
  configure: ['administrator', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

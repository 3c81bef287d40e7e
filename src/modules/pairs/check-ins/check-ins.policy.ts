import { definePolicy } from '../../../core/policy.js';
import { followsMatchRule } from '../access.js';

/** Who may do what in pairs/check-ins; which pairs a staff member may touch is decided by access.ts. */
export const checkInsPolicy = definePolicy(
  {
    /** Staff who can follow pairs: check-ins, the overdue list; a pair's check-ins only if they follow it (administrators: any). */
    follow: { roles: ['administrator', 'coordinator', 'social_worker'], rule: 'followsMatch', everyRecord: ['administrator'] },
    /** Switch the overdue list to every pair of the organisation. */
    listAll: { roles: ['administrator', 'coordinator'] },
    /** Covers and the programmes' follow-up settings. */
    configure: { roles: ['administrator', 'coordinator'] },
  },
  { followsMatch: followsMatchRule },
);

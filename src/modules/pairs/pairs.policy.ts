import { definePolicy } from '../../core/policy.js';
import { followsMatchRule } from './access.js';

/**
 * Who may end pairs and run group supervision, in their own organisation. Which pair a staff member may end is the
 * `followsMatch` rule (access.ts: its coordinator, their cover, the mentee's case staff, on the organisation's today);
 * administrators may end any pair.
 */
export const pairsPolicy = definePolicy(
  {
    /** End a pair (resource: the match id). */
    close: { roles: ['administrator', 'coordinator', 'social_worker'], rule: 'followsMatch', everyRecord: ['administrator'] },
    /** Plan supervision sessions and record attendance. */
    supervise: { roles: ['administrator', 'coordinator'] },
  },
  { followsMatch: followsMatchRule },
);

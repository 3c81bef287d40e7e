import type { Role } from '../../core/tenancy/tenancy.table.js';

/**
 * Who may do what in matching, always within their own organisation (another organisation's ids are answered 404 by
 * the services, which filter every query by the actor's organisation).
 */
export const matchingPolicy = {
  /** See suggestions, matches, batch runs and their proposals (personal data: every view is audited). */
  read: ['administrator', 'coordinator', 'social_worker'],
  /** Make a match, exclude a pair, run batch matching, accept or reject proposals, edit a volunteer's matching profile. */
  decide: ['administrator', 'coordinator', 'social_worker'],
} as const satisfies Record<string, readonly Role[]>;

export const canMatch = (roles: readonly Role[], action: keyof typeof matchingPolicy) => matchingPolicy[action].some((r) => roles.includes(r));

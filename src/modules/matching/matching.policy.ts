import { definePolicy } from '../../core/policy.js';

/**
 * Who may do what in matching, always within their own organisation (another organisation's ids are answered 404 by
 * the services, which filter every query by the actor's organisation).
 */
export const matchingPolicy = definePolicy({
  /** See suggestions, matches, batch runs and their proposals (personal data: every view is audited). */
  read: { roles: ['administrator', 'coordinator', 'social_worker'] },
  /** Make a match, exclude a pair, run batch matching, accept or reject proposals, edit a volunteer's matching profile. */
  decide: { roles: ['administrator', 'coordinator', 'social_worker'] },
});


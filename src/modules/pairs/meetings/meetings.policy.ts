import { definePolicy } from '../../../core/policy.js';

/**
 * Who may do what with meeting logs, always within their own organisation. Staff see only the pairs they follow
 * (access.ts: coordinator, their cover, the mentee's case staff) — administrators see every pair.
 */
export const meetingsPolicy = definePolicy({
  /** Log one's own meetings, see one's own history, totals and hours certificate. */
  self: { roles: ['volunteer', 'migrant_assistant'] },
  /** See the pairs they follow, their logs and totals, and answer a log with a comment. */
  follow: { roles: ['administrator', 'coordinator', 'social_worker'] },
  /** See every pair of the organisation, followed or not. */
  all: { roles: ['administrator'] },
  /** Print any volunteer's hours certificate. */
  certificate: { roles: ['administrator', 'coordinator'] },
  /** Who may see the hours of the whole organisation (issue 6 point 1): the people who report on the programmes. */
  hoursReport: { roles: ['administrator', 'coordinator', 'programme_manager'] },
});


import type { Role } from '../../../core/tenancy/tenancy.table.js';

/**
 * Who may do what with meeting logs, always within their own organisation. Staff see only the pairs they follow
 * (access.ts: coordinator, their cover, the mentee's case staff) — administrators see every pair.
 */
export const meetingsPolicy = {
  /** Log one's own meetings, see one's own history, totals and hours certificate. */
  self: ['volunteer', 'migrant_assistant'],
  /** See the pairs they follow, their logs and totals, and answer a log with a comment. */
  follow: ['administrator', 'coordinator', 'social_worker'],
  /** See every pair of the organisation, followed or not. */
  all: ['administrator'],
  /** Print any volunteer's hours certificate. */
  certificate: ['administrator', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export const canMeetings = (roles: readonly Role[], action: keyof typeof meetingsPolicy) => meetingsPolicy[action].some((r) => roles.includes(r));

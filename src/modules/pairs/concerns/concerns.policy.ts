import type { Role } from '../../../core/tenancy/tenancy.table.js';

/**
 * Who may use the concern pages. The roles only open the door: which concern a staff member sees is decided per
 * concern (raised it, assigned to it, follows the pair, on the mentee's case) in the queries and by row-level security.
 */
export const concernsPolicy = {
  /** The staff pages /concerns… */
  staff: ['administrator', 'coordinator', 'social_worker'],
  /** The volunteer's own pages /me/concerns… */
  self: ['volunteer', 'migrant_assistant'],
} as const satisfies Record<string, readonly Role[]>;

export const can = (roles: readonly Role[], what: keyof typeof concernsPolicy) => concernsPolicy[what].some((r) => roles.includes(r));

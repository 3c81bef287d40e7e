import { definePolicy } from '../../../core/policy.js';

/**
 * Who may use the concern pages. The roles only open the door: which concern a staff member sees is decided per
 * concern (raised it, assigned to it, follows the pair, on the mentee's case) in the queries and by row-level security.
 */
export const concernsPolicy = definePolicy({
  /** The staff pages /concerns… */
  staff: { roles: ['administrator', 'coordinator', 'social_worker'] },
  /** Raise a concern about any running pair of the organisation, not only the ones they follow. */
  anyPair: { roles: ['administrator'] },
  /** The capacities in which staff raise a concern (kept with it): the pair's coordinator, the case's social worker. */
  raiseAsCoordinator: { roles: ['coordinator'] },
  raiseAsSocialWorker: { roles: ['social_worker'] },
  /** The volunteer's own pages /me/concerns… */
  self: { roles: ['volunteer', 'migrant_assistant'] },
});


import { definePolicy } from '../../core/policy.js';

/** The parts of the signed-in home page, one per role a person holds (a coordinator who also volunteers sees both). */
export const homePolicy = definePolicy({
  /** Their running pairs, the next introduction, their hours. */
  volunteerPart: { roles: ['volunteer', 'migrant_assistant'] },
  /** Follow-up of the pairs they follow (administrators: every pair). */
  coordinatorPart: { roles: ['administrator', 'coordinator'] },
  /** Their clients on the waiting list and in pairs. */
  socialWorkerPart: { roles: ['social_worker'] },
  /** The organisation's counts. */
  figures: { roles: ['administrator', 'coordinator', 'social_worker', 'programme_manager'] },
});

import { definePolicy } from '../../core/policy.js';

/**
 * Who may do what with people records, in their own organisation (the tenant check comes first, in RLS and every query).
 *
 * The people directory holds everyone the organisation knows: staff, volunteers and the people it supports (mentees,
 * children among them). So reading it is for the roles that may see mentees' cases (`menteesPolicy.roles('read')`) and no
 * one else: a programme manager sees aggregates only (SPEC §2: dashboards, hours, the network's figures), never a
 * person's record. `people.access.test.ts` checks this for every role, on the pages and the API.
 */
export const peoplePolicy = definePolicy({
  /** Read people records: the list, one person, the API (personal data: every read is audited). */
  read: { roles: ['administrator', 'coordinator', 'social_worker'] },
  /** Create and correct people records. */
  write: { roles: ['administrator', 'coordinator', 'social_worker'] },
});


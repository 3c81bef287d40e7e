import { definePolicy } from '../../core/policy.js';

/** Who may do what with volunteers of their own organisation. */
export const volunteersPolicy = definePolicy({
  /** See applications, the pipeline, interviews, checks and documents. */
  read: { roles: ['administrator', 'coordinator', 'programme_manager'] },
  /** Move through the pipeline, schedule interviews, record checks, issue documents, export. */
  manage: { roles: ['administrator', 'coordinator'] },
  /** Edit document templates and the application form settings. */
  configure: { roles: ['administrator', 'coordinator'] },
  /** Decide how the organisation concludes agreements over 30 days (it departs from the law's default). */
  agreements: { roles: ['administrator'] },
  /** The volunteer's own pages. */
  self: { roles: ['volunteer', 'migrant_assistant'] },
});


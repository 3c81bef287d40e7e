import type { Role } from '../../core/tenancy/tenancy.table.js';

/** Who may do what with volunteers of their own organisation. */
export const volunteersPolicy = {
  /** See applications, the pipeline, interviews, checks and documents. */
  read: ['administrator', 'coordinator', 'programme_manager'],
  /** Move through the pipeline, schedule interviews, record checks, issue documents, export. */
  manage: ['administrator', 'coordinator'],
  /** Edit document templates and the application form settings. */
  configure: ['administrator', 'coordinator'],
  /** The volunteer's own pages. */
  self: ['volunteer', 'migrant_assistant'],
} as const satisfies Record<string, readonly Role[]>;

export const can = (roles: readonly Role[], action: keyof typeof volunteersPolicy) => volunteersPolicy[action].some((r) => roles.includes(r));

import type { Role } from '../../../core/tenancy/tenancy.table.js';

/** Who keeps the organisation's matching settings: districts, venues and the weights of each programme. */
export const settingsPolicy = {
  configure: ['administrator', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

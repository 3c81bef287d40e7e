import { definePolicy } from '../../../core/policy.js';

/** Who keeps the organisation's matching settings: districts, venues and the weights of each programme. */
export const settingsPolicy = definePolicy({
  configure: { roles: ['administrator', 'coordinator'] },
});

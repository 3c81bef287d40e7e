import { routes, type ModuleDefinition } from '../../core/module.js';
import { networkApi } from './network.api.js';
import { networkPages } from './network.pages.js';

export { suppressSmallCounts } from './suppression.js';

/** Networks (a city and its centres, a regional partnership): aggregates of their organisations, never personal data. */
export const networkModule: ModuleDefinition = {
  name: 'network',
  register: routes(networkPages, networkApi),
};

import type { ModuleContext } from '../../app.js';
import { networkApi } from './network.api.js';
import { networkPages } from './network.pages.js';

export { suppressSmallCounts } from './suppression.js';

/** Networks (a city and its centres, a regional partnership): aggregates of their organisations, never personal data. */
export function networkModule(ctx: ModuleContext) {
  networkPages(ctx);
  networkApi(ctx);
}

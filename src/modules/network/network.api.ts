import type { ModuleContext } from '../../app.js';
import { apiDoc } from '../../core/http/api.js';
import { NetworkAggregates } from './network.schemas.js';
import { networkAggregates } from './network.service.js';

/** JSON API: /api/v1/network/aggregates, the same figures and suppression as the page. */
export function networkApi({ app, db }: ModuleContext) {
  app.get(
    '/api/v1/network/aggregates',
    {
      config: { access: 'network' },
      schema: apiDoc({ summary: 'Counts per organisation of the networks you manage, small counts suppressed', tag: 'network', response: { 200: NetworkAggregates } }),
    },
    async (req) => networkAggregates(db, req.auth!.userId, req.locale),
  );
}

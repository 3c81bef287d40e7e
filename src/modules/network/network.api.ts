import type { ModuleContext } from '../../core/module.js';
import { apiDoc } from '../../core/http/api.js';
import { parseInput } from '../../core/http/validation.js';
import { NetworkAggregates, NetworkQuery } from './network.schemas.js';
import { networkAggregates } from './network.service.js';
import { periodOf } from './period.js';

/** JSON API: /api/v1/network/aggregates?period=…, the same figures, definitions and suppression as the page. */
export function networkApi({ app, db }: ModuleContext) {
  app.get(
    '/api/v1/network/aggregates',
    {
      config: { access: 'network' },
      schema: apiDoc({
        summary: 'Counts and outcome figures (pairs, hours, median days waiting, concerns) per organisation of the networks you manage, small counts suppressed',
        tag: 'network',
        querystring: NetworkQuery,
        response: { 200: NetworkAggregates },
      }),
    },
    async (req) => {
      const query = parseInput(NetworkQuery, req.query ?? {});
      return networkAggregates(db, req.auth!.userId, req.locale, periodOf(query.period, new Date()));
    },
  );
}

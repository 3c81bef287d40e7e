import type { ModuleContext } from '../../app.js';
import { sendPage } from '../../core/ui/index.js';
import { networkAggregates } from './network.service.js';
import { NetworkAggregatesView } from './views/network-aggregates.js';

/** GET /network: aggregates of the networks the signed-in user manages (network managers only). */
export function networkPages({ app, db }: ModuleContext) {
  app.get('/network', { config: { access: 'network' } }, async (req, reply) => {
    const data = await networkAggregates(db, req.auth!.userId, req.locale);
    return sendPage(req, reply, (c) => c.t('network.title'), (ctx) => <NetworkAggregatesView ctx={ctx} data={data} />);
  });
}

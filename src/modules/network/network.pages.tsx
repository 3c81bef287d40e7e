import type { ModuleContext } from '../../core/module.js';
import { fieldErrors } from '../../core/http/validation.js';
import { sendPage } from '../../core/ui/index.js';
import { NetworkQuery } from './network.schemas.js';
import { networkAggregates } from './network.service.js';
import { offeredYears, periodOf, periodValue } from './period.js';
import { NetworkAggregatesView } from './views/network-aggregates.js';

/**
 * GET /network?period=…: aggregates of the networks the signed-in user manages (network managers only), the
 * outcome figures over the chosen period (default the last 12 months). A period that is not one (a hand-edited
 * link) is answered 422 with the message next to the select and the default period's figures.
 */
export function networkPages({ app, db }: ModuleContext) {
  app.get('/network', { config: { access: 'network' } }, async (req, reply) => {
    const parsed = NetworkQuery.safeParse(req.query ?? {});
    const now = new Date();
    const period = periodOf(parsed.success ? parsed.data.period : undefined, now);
    const data = await networkAggregates(db, req.auth!.userId, req.locale, period);
    const form = { values: { period: periodValue(period) }, errors: parsed.success ? {} : fieldErrors(parsed.error) };
    return sendPage(
      req,
      reply,
      (c) => c.t('network.title'),
      (ctx) => <NetworkAggregatesView ctx={ctx} data={data} form={form} years={offeredYears(now)} />,
      parsed.success ? 200 : 422,
    );
  });
}

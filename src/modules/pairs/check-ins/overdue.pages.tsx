import type { ModuleContext } from '../../../core/module.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage } from '../../../core/ui/index.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { mayListAll, overduePage } from './overdue.service.js';
import { OverdueView } from './views/overdue.js';

/** /pairs/overdue: the pairs I follow (or, for administrators and coordinators who ask, all pairs). */
export function overduePages({ app, db }: ModuleContext) {
  app.get('/pairs/overdue', { config: { access: { roles: checkInsPolicy.roles('follow') } } }, async (req, reply) => {
    const actor = actorOf(req);
    const data = await overduePage(db, actor, (req.query as Record<string, unknown>).all === '1');
    return sendPage(req, reply, (c) => c.t('pairs.overdue.title'), (ctx) => <OverdueView ctx={ctx} overdue={data.overdue} quiet={data.quiet} all={data.all} canListAll={mayListAll(actor)} />);
  });
}

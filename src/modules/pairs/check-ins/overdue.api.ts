import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { OverdueOutput, OverdueQuery } from './check-ins.schemas.js';
import { overduePage } from './overdue.service.js';

/** JSON API of /pairs/overdue: overdue check-ins and quiet pairs of the pairs I follow, or of all with `all=1`. */
export function overdueApi({ app, db }: ModuleContext) {
  app.get(
    '/api/v1/pairs/overdue',
    {
      config: { access: { roles: checkInsPolicy.roles('follow') } },
      schema: apiDoc({ summary: 'Overdue check-ins and quiet pairs of the pairs I follow (`all=1`: of every pair, for administrators and coordinators)', tag: 'pairs', querystring: OverdueQuery, response: { 200: OverdueOutput } }),
    },
    async (req) => {
      const { all } = parseInput(OverdueQuery, req.query ?? {});
      const data = await overduePage(db, actorOf(req), all);
      return { all: data.all, today: data.today, overdue: data.overdue, quiet: data.quiet };
    },
  );
}

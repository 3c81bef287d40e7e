import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { HoursReportOutput, HoursReportQuery } from './hours-report.schemas.js';
import { hoursReport } from './hours-report.service.js';
import { meetingsPolicy } from './meetings.policy.js';

/** JSON API of the organisation's hours report (/pairs/hours): a bad year is 422 here, the page shows this year instead. */
export function hoursApi({ app, db }: ModuleContext) {
  app.get(
    '/api/v1/pairs/hours',
    {
      config: { access: { roles: meetingsPolicy.roles('hoursReport') } },
      schema: apiDoc({ summary: 'Meeting and training minutes of the organisation in one calendar year, per programme and month and per volunteer', tag: 'pairs', querystring: HoursReportQuery, response: { 200: HoursReportOutput } }),
    },
    async (req) => {
      const { year } = parseInput(HoursReportQuery, req.query ?? {});
      return hoursReport(db, actorOf(req), year, req.locale);
    },
  );
}

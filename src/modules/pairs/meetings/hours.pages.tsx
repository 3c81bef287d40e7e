import type { ModuleContext } from '../../../core/module.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage } from '../../../core/ui/index.js';
import { HoursReportQuery } from './hours-report.schemas.js';
import { hoursReport } from './hours-report.service.js';
import { meetingsPolicy } from './meetings.policy.js';
import { HoursReportView } from './views/hours-report.js';

/**
 * GET /pairs/hours?year=YYYY: the organisation's hours report. A year that is not one (a hand-edited link) is
 * answered 422 with the message next to the select and the current year's figures, so the page stays useful.
 */
export function hoursPages({ app, db }: ModuleContext) {
  app.get('/pairs/hours', { config: { access: { roles: meetingsPolicy.roles('hoursReport') } } }, async (req, reply) => {
    const parsed = HoursReportQuery.safeParse(req.query ?? {});
    const report = await hoursReport(db, actorOf(req), parsed.success ? parsed.data.year : undefined, req.locale);
    const form = { values: { year: String(report.year) }, errors: parsed.success ? {} : fieldErrors(parsed.error) };
    return sendPage(req, reply, (c) => c.t('pairs.meetings.hours.title'), (ctx) => <HoursReportView ctx={ctx} report={report} form={form} />, parsed.success ? 200 : 422);
  });
}

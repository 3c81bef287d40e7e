import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage } from '../../../core/ui/index.js';
import { adminPolicy } from '../admin.policy.js';
import { AuditQuery, PAGE_SIZE } from './audit-log.schemas.js';
import { listAuditActors, listAuditEntries, type AuditEntryView } from './audit-log.service.js';
import { AuditLogView } from './views/audit-log.js';

/** /admin/audit: the organisation's audit log, filtered and paged. Read-only. */
export function auditLogPages({ app, db }: ModuleContext) {
  app.get('/admin/audit', { config: { access: { roles: adminPolicy.roles('audit') } } }, async (req, reply) => {
    const actor = actorOf(req);
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const actors = await listAuditActors(db, actor, req.locale);
    const empty = { items: [] as AuditEntryView[], total: 0, page: 1, pageSize: PAGE_SIZE };
    const render = (result: typeof empty, errors = {}, status = 200) =>
      sendPage(req, reply, (c) => c.t('admin.audit.title'), (ctx) => <AuditLogView ctx={ctx} result={result} form={{ values: raw, errors }} actors={actors} />, status);
    // The filter form is a GET: the query is its input, and the result is shown, not redirected to.
    return submitForm(req, reply, {
      schema: AuditQuery,
      input: raw,
      values: raw,
      view: (form, status) => render(empty, form.errors, status),
      action: (query) => listAuditEntries(db, actor, query, actors),
      respond: (result) => render(result),
    });
  });
}

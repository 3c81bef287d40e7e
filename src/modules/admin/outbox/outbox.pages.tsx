import type { ModuleContext } from '../../../core/module.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage } from '../../../core/ui/index.js';
import { adminPolicy } from '../admin.policy.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { OutboxQuery } from './outbox.schemas.js';
import { listMails, viewMail } from './outbox.service.js';
import { MailView } from './views/mail.js';
import { OutboxListView } from './views/outbox-list.js';

/** /admin/outbox: the organisation's outgoing mail, and one mail's text. */
export function outboxPages({ app, db, mailer }: ModuleContext) {
  const access = { access: { roles: adminPolicy.roles('outbox') } };

  app.get('/admin/outbox', { config: access }, async (req, reply) => {
    const { page } = OutboxQuery.parse(req.query ?? {});
    const result = await listMails(db, actorOf(req), page);
    return sendPage(req, reply, (c) => c.t('admin.outbox.title'), (ctx) => <OutboxListView ctx={ctx} result={result} smtp={mailer.enabled} />);
  });

  app.get('/admin/outbox/:id', { config: access }, async (req, reply) => {
    const mail = await viewMail(db, actorOf(req), idParam(req));
    return sendPage(req, reply, mail.subject, (ctx) => <MailView ctx={ctx} mail={mail} />);
  });
}

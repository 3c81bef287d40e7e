import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { coverInput } from './check-ins.schemas.js';
import { coversPage, createCover } from './covers.service.js';
import { CoversView } from './views/covers.js';

/** /pairs/covers: the list of covers and the form to add one (administrators and coordinators). */
export function coversPages({ app, db }: ModuleContext) {
  const config = { access: { roles: checkInsPolicy.roles('configure') } };

  const page = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const data = await coversPage(db, actorOf(req), req.locale);
    return sendPage(req, reply, (c) => c.t('pairs.covers.title'), (ctx) => <CoversView ctx={ctx} form={form} staff={data.staff} current={data.current} past={data.past} today={data.today} />, status);
  };

  app.get('/pairs/covers', { config }, async (req, reply) => page(req, reply, emptyForm()));

  app.post('/pairs/covers', { config }, async (req, reply) =>
    submitForm(req, reply, {
      schema: coverInput,
      view: (form, status) => page(req, reply, form, status),
      action: (input) => createCover(db, actorOf(req), input),
      success: () => ({ flash: 'pairs.covers.flash.created', redirect: '/pairs/covers' }),
    }),
  );
}

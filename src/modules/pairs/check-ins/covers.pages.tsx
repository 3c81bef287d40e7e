import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { formBody, formErrorsOf } from '../../../core/http/route-helpers.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { coverInput } from './check-ins.schemas.js';
import { coversPage, createCover } from './covers.service.js';
import { CoversView } from './views/covers.js';

/** /pairs/covers: the list of covers and the form to add one (administrators and coordinators). */
export function coversPages({ app, db }: ModuleContext) {
  const config = { access: { roles: checkInsPolicy.configure } };

  const page = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const data = await coversPage(db, actorOf(req), req.locale);
    return sendPage(req, reply, (c) => c.t('pairs.covers.title'), (ctx) => <CoversView ctx={ctx} form={form} staff={data.staff} current={data.current} past={data.past} today={data.today} />, status);
  };

  app.get('/pairs/covers', { config }, async (req, reply) => page(req, reply, emptyForm()));

  app.post('/pairs/covers', { config }, async (req, reply) => {
    const body = formBody(req);
    const parsed = coverInput.safeParse(body);
    if (!parsed.success) return page(req, reply, { values: body, errors: fieldErrors(parsed.error) }, 422);
    try {
      await createCover(db, actorOf(req), parsed.data);
    } catch (err) {
      const errors = formErrorsOf(err);
      if (!errors) throw err;
      return page(req, reply, { values: body, errors }, 422);
    }
    setFlash(reply, 'success', 'pairs.covers.flash.created');
    return reply.redirect('/pairs/covers', 303);
  });
}

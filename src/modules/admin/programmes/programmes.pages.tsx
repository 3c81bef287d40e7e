import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { adminPolicy } from '../admin.policy.js';
import { formBody, idParam } from '../../../core/http/route-helpers.js';
import { ProgrammeInput } from './programmes.schemas.js';
import { createProgramme, getProgrammeById, listProgrammes, updateProgramme } from './programmes.service.js';
import { ProgrammeFormView } from './views/programme-form.js';
import { ProgrammeListView } from './views/programme-list.js';

/** /admin/programmes: list, add, edit. */
export function programmesPages({ app, db }: ModuleContext) {
  const access = { access: { roles: adminPolicy.roles('programmes') } };

  app.get('/admin/programmes', { config: access }, async (req, reply) => {
    const items = await listProgrammes(db, actorOf(req), req.locale);
    return sendPage(req, reply, (c) => c.t('admin.programmes.title'), (ctx) => <ProgrammeListView ctx={ctx} items={items} />);
  });

  const formPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, id: string | null, status = 200) =>
    sendPage(req, reply, (c) => c.t(id ? 'admin.programmes.edit' : 'admin.programmes.new'), (ctx) => <ProgrammeFormView ctx={ctx} form={form} id={id} />, status);

  /** Saves a posted form; an unticked checkbox is not sent at all, so its absence means "not active". */
  const save = async (req: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const body = formBody(req);
    return submitForm(req, reply, {
      schema: ProgrammeInput,
      input: { ...body, active: body.active ?? 'false' },
      view: (form, status) => formPage(req, reply, form, id, status),
      action: async (input) => {
        if (id) await updateProgramme(db, actorOf(req), id, input);
        else await createProgramme(db, actorOf(req), input);
      },
      success: () => ({ flash: id ? 'admin.programmes.updated' : 'admin.programmes.created', redirect: '/admin/programmes' }),
    });
  };

  app.get('/admin/programmes/new', { config: access }, async (req, reply) => formPage(req, reply, emptyForm({ active: 'true' }), null));
  app.post('/admin/programmes/new', { config: access }, async (req, reply) => save(req, reply, null));

  app.get('/admin/programmes/:id/edit', { config: access }, async (req, reply) => {
    const id = idParam(req);
    const p = await getProgrammeById(db, actorOf(req), id);
    return formPage(req, reply, emptyForm({ name: p.name, description: p.description, active: p.active ? 'true' : undefined }), id);
  });

  app.post('/admin/programmes/:id/edit', { config: access }, async (req, reply) => {
    const id = idParam(req);
    await getProgrammeById(db, actorOf(req), id); // 404 before validation: nothing is said about another organisation's id
    return save(req, reply, id);
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { pairsPolicy } from '../pairs.policy.js';
import { AttendanceInput, SessionInput } from './supervision.schemas.js';
import { createSession, editSession, listSupervision, recordAttendance, sessionForForm, viewSession } from './supervision.service.js';
import { SessionFormView } from './views/session-form.js';
import { SessionListView } from './views/session-list.js';
import { SessionPageView } from './views/session-page.js';

/** Group supervision: the list, planning and changing a session, and its attendance and record afterwards. */
export function supervisionPages({ app, db }: ModuleContext) {
  const manage = { access: { roles: pairsPolicy.roles('supervise') } };

  const formPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, action: string, editing: boolean, status = 200) => {
    const timeZone = actorOf(req).org.timeZone;
    return sendPage(req, reply, (c) => c.t(editing ? 'pairs.supervision.editTitle' : 'pairs.supervision.newTitle'), (ctx) => <SessionFormView ctx={ctx} form={form} action={action} editing={editing} timeZone={timeZone} />, status);
  };
  const sessionPage = async (req: FastifyRequest, reply: FastifyReply, id: string, form?: FormState, status = 200) => {
    const view = await viewSession(db, actorOf(req), id);
    return sendPage(req, reply, (c) => c.t('pairs.supervision.title'), (ctx) => <SessionPageView ctx={ctx} view={view} form={form} />, status);
  };
  /** Saves a session form: bad input or a time the clock skips → the form again (422), nothing written. */
  const save = async (req: FastifyRequest, reply: FastifyReply, action: string, editing: boolean, run: (input: SessionInput) => Promise<string>) =>
    submitForm(req, reply, {
      schema: SessionInput,
      view: (form, status) => formPage(req, reply, form, action, editing, status),
      action: run,
      success: (id) => ({ flash: editing ? 'pairs.supervision.flash.saved' : 'pairs.supervision.flash.created', redirect: `/supervision/${id}` }),
    });

  app.get('/supervision', { config: manage }, async (req, reply) => {
    const view = await listSupervision(db, actorOf(req));
    return sendPage(req, reply, (c) => c.t('pairs.supervision.title'), (ctx) => <SessionListView ctx={ctx} upcoming={view.upcoming} past={view.past} timeZone={view.timeZone} />);
  });

  app.get('/supervision/new', { config: manage }, async (req, reply) => formPage(req, reply, emptyForm({ audience: 'volunteers', minutes: 90 }), '/supervision', false));
  app.post('/supervision', { config: manage }, async (req, reply) => save(req, reply, '/supervision', false, (input) => createSession(db, actorOf(req), input)));

  app.get('/supervision/:id', { config: manage }, async (req, reply) => sessionPage(req, reply, idParam(req)));

  app.get('/supervision/:id/edit', { config: manage }, async (req, reply) => {
    const s = await sessionForForm(db, actorOf(req), idParam(req));
    return formPage(req, reply, emptyForm(s.values), `/supervision/${s.id}`, true);
  });
  app.post('/supervision/:id', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return save(req, reply, `/supervision/${id}`, true, async (input) => {
      await editSession(db, actorOf(req), id, input);
      return id;
    });
  });

  app.post('/supervision/:id/attendance', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: AttendanceInput,
      view: (form, status) => sessionPage(req, reply, id, form, status),
      action: (input) => recordAttendance(db, actorOf(req), id, input),
      success: (count) => ({ flash: { key: 'pairs.supervision.flash.attendance', params: { count } }, redirect: `/supervision/${id}` }),
    });
  });
}

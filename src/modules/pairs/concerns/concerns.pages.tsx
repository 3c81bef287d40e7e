import type { FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodTypeAny } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import type { Db } from '../../../core/db/database.js';
import { submitForm, versionAsForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { lenientQuery } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { concernsPolicy } from './concerns.policy.js';
import { AcknowledgeInput, ActionInput, AssignInput, EscalateInput, ListQuery, MatchQuery, RaiseInput, StatusInput } from './concerns.schemas.js';
import { listForStaff, myConcerns, raiseConcern, raiseForm, type RaisedThrough } from './concerns.service.js';
import { acknowledgeConcern, escalateConcern } from './escalation.service.js';
import { addAction, assignConcern, changeConcernStatus, viewConcern } from './handling.service.js';
import { ConcernListView } from './views/concern-list.js';
import { ConcernPageView, type ConcernForms } from './views/concern-page.js';
import { MyConcernsView } from './views/my-concerns.js';
import { RaiseFormView } from './views/raise-form.js';
import type { MessageKey } from '../../../core/i18n/index.js';
import { allowed } from '../../../core/policy.js';

const RAISE = {
  staff: { form: '/concerns/new', post: '/concerns' },
  volunteer: { form: '/me/concerns/new', post: '/me/concerns' },
} as const;

async function raisePage(db: Db, req: FastifyRequest, reply: FastifyReply, through: RaisedThrough, form: FormState, status = 200) {
  const matchId = status === 200 ? MatchQuery.parse(req.query ?? {}).matchId : undefined;
  const { pairs } = await raiseForm(db, actorOf(req), through, matchId);
  const shown = matchId && status === 200 ? { ...form, values: { matchId, ...form.values } } : form;
  return sendPage(req, reply, (c) => c.t('pairs.concerns.raiseTitle'), (ctx) => <RaiseFormView ctx={ctx} form={shown} pairs={pairs} action={RAISE[through].post} through={through} />, status);
}

async function concernPage(db: Db, req: FastifyRequest, reply: FastifyReply, id: string, opts: { forms?: ConcernForms; conflict?: boolean; status?: number } = {}) {
  const view = await viewConcern(db, actorOf(req), id);
  return sendPage(req, reply, (c) => c.t('pairs.concerns.pageTitle', { summary: view.concern.summary }), (ctx) => <ConcernPageView ctx={ctx} view={view} forms={opts.forms ?? {}} conflict={opts.conflict} />, opts.status ?? 200);
}

/**
 * One posted form of the concern page: parse → service → flash and back (303). Bad input or a refused change shows
 * the page again with the messages at the form (422); a stale version shows the current state with a notice (409).
 * Nothing is written in either case.
 */
async function handle<S extends ZodTypeAny>(db: Db, req: FastifyRequest, reply: FastifyReply, section: keyof ConcernForms, schema: S, run: (id: string, input: z.output<S>) => Promise<MessageKey>) {
  const id = idParam(req);
  return submitForm(req, reply, {
    schema,
    inputErrors: versionAsForm('pairs.concerns.validation.badForm'),
    view: (form, status) => concernPage(db, req, reply, id, { forms: { [section]: form }, status }),
    action: (input) => run(id, input),
    success: (flash) => ({ flash, redirect: `/concerns/${id}` }),
    conflict: () => concernPage(db, req, reply, id, { conflict: true, status: 409 }),
  });
}

async function raise(db: Db, req: FastifyRequest, reply: FastifyReply, through: RaisedThrough) {
  return submitForm(req, reply, {
    schema: RaiseInput,
    view: (form, status) => raisePage(db, req, reply, through, form, status),
    action: (input) => raiseConcern(db, actorOf(req), through, input),
    success: (id) =>
      through === 'volunteer' ? { flash: 'pairs.concerns.flash.raisedVolunteer', redirect: `/me/concerns#concern-${id}` } : { flash: 'pairs.concerns.flash.raised', redirect: `/concerns/${id}` },
  });
}

/** Concerns and incidents: the staff list and case pages, and the volunteer's own page to raise and follow them. */
export function concernsPages({ app, db, config }: ModuleContext) {
  const staff = { access: { roles: concernsPolicy.roles('staff') } };
  const self = { access: { roles: concernsPolicy.roles('self') } };

  app.get('/concerns', { config: staff }, async (req, reply) => {
    const { query } = lenientQuery(ListQuery, req.query);
    const { rows, timeZone } = await listForStaff(db, actorOf(req), query);
    return sendPage(req, reply, (c) => c.t('pairs.concerns.listTitle'), (ctx) => <ConcernListView ctx={ctx} rows={rows} query={query} timeZone={timeZone} />);
  });

  app.get('/concerns/new', { config: staff }, async (req, reply) => raisePage(db, req, reply, 'staff', emptyForm()));
  app.post('/concerns', { config: staff }, async (req, reply) => raise(db, req, reply, 'staff'));

  // A volunteer sent here (e.g. after logging a worrying meeting) sees their own list: staff pages are not theirs.
  app.get('/concerns/:id', { config: { access: { roles: [...concernsPolicy.roles('staff'), ...concernsPolicy.roles('self')] } } }, async (req, reply) => {
    const id = idParam(req);
    if (!allowed(req.auth, concernsPolicy, 'staff')) return reply.redirect(`/me/concerns#concern-${id}`, 303);
    return concernPage(db, req, reply, id);
  });

  app.post('/concerns/:id/assign', { config: staff }, async (req, reply) =>
    handle(db, req, reply, 'assign', AssignInput, async (id, input) => {
      await assignConcern(db, actorOf(req), id, input);
      return 'pairs.concerns.flash.assigned';
    }),
  );

  app.post('/concerns/:id/actions', { config: staff }, async (req, reply) =>
    handle(db, req, reply, 'action', ActionInput, async (id, input) => {
      await addAction(db, actorOf(req), id, input);
      return `pairs.concerns.flash.${input.kind}`;
    }),
  );

  app.post('/concerns/:id/status', { config: staff }, async (req, reply) =>
    handle(db, req, reply, 'status', StatusInput, async (id, input) => `pairs.concerns.flash.status.${await changeConcernStatus(db, actorOf(req), id, input)}`),
  );

  app.post('/concerns/:id/escalate', { config: staff }, async (req, reply) =>
    handle(db, req, reply, 'escalate', EscalateInput, async (id, input) => {
      await escalateConcern(db, actorOf(req), id, input, config.baseUrl);
      return 'pairs.concerns.flash.escalated';
    }),
  );

  app.post('/concerns/:id/acknowledge', { config: staff }, async (req, reply) =>
    handle(db, req, reply, 'acknowledge', AcknowledgeInput, async (id) => ((await acknowledgeConcern(db, actorOf(req), id)) ? 'pairs.concerns.flash.acknowledged' : 'pairs.concerns.flash.alreadyAcknowledged')),
  );

  app.get('/me/concerns', { config: self }, async (req, reply) => {
    const view = await myConcerns(db, actorOf(req));
    return sendPage(req, reply, (c) => c.t('pairs.concerns.myTitle'), (ctx) => <MyConcernsView ctx={ctx} concerns={view.concerns} pairs={view.pairs} timeZone={view.timeZone} />);
  });
  app.get('/me/concerns/new', { config: self }, async (req, reply) => raisePage(db, req, reply, 'volunteer', emptyForm()));
  app.post('/me/concerns', { config: self }, async (req, reply) => raise(db, req, reply, 'volunteer'));
}

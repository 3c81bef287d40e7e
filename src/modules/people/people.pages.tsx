import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../core/module.js';
import { submitForm } from '../../core/http/form.js';
import { idParam } from '../../core/http/route-helpers.js';
import { actorOf } from '../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../core/ui/index.js';
import { peoplePolicy } from './people.policy.js';
import { PeopleQuery, PersonInput } from './people.schemas.js';
import { createPerson, listPeople, updatePerson, viewPerson } from './people.service.js';
import { PeopleListView } from './views/people-list.js';
import { PersonFormView } from './views/person-form.js';
import { PersonView } from './views/person.js';
import { allowed } from '../../core/policy.js';

/** HTML pages: list and search, one person, add, correct. */
export function peoplePages({ app, db }: ModuleContext) {
  const read = { access: { roles: peoplePolicy.roles('read') } };
  const write = { access: { roles: peoplePolicy.roles('write') } };

  app.get('/people', { config: read }, async (req, reply) => {
    const parsed = PeopleQuery.safeParse(req.query);
    const query = parsed.success ? parsed.data : { page: 1 };
    const page = await listPeople(db, actorOf(req), query, req.locale);
    return sendPage(req, reply, (c) => c.t('people.title'), (ctx) => <PeopleListView ctx={ctx} page={page} query={query} canWrite={allowed(ctx.user, peoplePolicy, 'write')} />);
  });

  const formPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, personId: string | null, status = 200) =>
    sendPage(req, reply, (c) => c.t(personId ? 'people.edit' : 'people.new'), (ctx) => <PersonFormView ctx={ctx} form={form} personId={personId} />, status);

  app.get('/people/new', { config: write }, async (req, reply) => formPage(req, reply, emptyForm({ locale: req.locale }), null));

  app.post('/people/new', { config: write }, async (req, reply) => {
    return submitForm(req, reply, {
      schema: PersonInput,
      view: (form, status) => formPage(req, reply, form, null, status),
      action: (input) => createPerson(db, actorOf(req), input),
      success: (id) => ({ flash: 'people.created', redirect: `/people/${id}` }),
    });
  });

  app.get('/people/:id', { config: read }, async (req, reply) => {
    const id = idParam(req);
    const person = await viewPerson(db, actorOf(req), id);
    return sendPage(req, reply, `${person.givenName} ${person.familyName}`, (ctx) => <PersonView ctx={ctx} person={person} canWrite={allowed(ctx.user, peoplePolicy, 'write')} />);
  });

  app.get('/people/:id/edit', { config: write }, async (req, reply) => {
    const id = idParam(req);
    const person = await viewPerson(db, actorOf(req), id);
    return formPage(req, reply, emptyForm({ ...person }), id);
  });

  app.post('/people/:id/edit', { config: write }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: PersonInput,
      view: (form, status) => formPage(req, reply, form, id, status),
      action: (input) => updatePerson(db, actorOf(req), id, input, 'replace'),
      success: () => ({ flash: 'people.updated', redirect: `/people/${id}` }),
    });
  });
}

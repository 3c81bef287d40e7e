import type { ModuleContext } from '../../core/module.js';
import { apiDoc } from '../../core/http/api.js';
import { routeParams } from '../../core/http/route-helpers.js';
import { IdParams, parseInput } from '../../core/http/validation.js';
import { actorOf } from '../../core/tenancy/actor.js';
import { peoplePolicy } from './people.policy.js';
import { PeoplePage, PeopleQuery, PersonInput, PersonOutput, PersonPatch } from './people.schemas.js';
import { createPerson, listPeople, updatePerson, viewPerson } from './people.service.js';

/** JSON API: /api/v1/people. Same schemas and services as the pages. */
export function peopleApi({ app, db }: ModuleContext) {
  const read = { access: { roles: peoplePolicy.roles('read') } };
  const write = { access: { roles: peoplePolicy.roles('write') } };

  app.get('/api/v1/people', { config: read, schema: apiDoc({ summary: 'List people of the organisation', tag: 'people', querystring: PeopleQuery, response: { 200: PeoplePage } }) }, async (req) => {
    const query = parseInput(PeopleQuery, req.query);
    return listPeople(db, actorOf(req), query, req.locale);
  });

  app.post('/api/v1/people', { config: write, schema: apiDoc({ summary: 'Add a person', tag: 'people', body: PersonInput, response: { 201: PersonOutput }, example: { body: { givenName: 'Olena', familyName: 'Kovalenko', email: 'olena.kovalenko@example.org', phone: '+48 600 100 200', locale: 'uk' } } }) }, async (req, reply) => {
    const input = parseInput(PersonInput, req.body);
    const actor = actorOf(req);
    const id = await createPerson(db, actor, input);
    return reply.status(201).send(await viewPerson(db, actor, id));
  });

  app.get('/api/v1/people/:id', { config: read, schema: apiDoc({ summary: 'One person', tag: 'people', params: IdParams, response: { 200: PersonOutput } }) }, async (req) => {
    return viewPerson(db, actorOf(req), routeParams(req, IdParams).id);
  });

  app.patch('/api/v1/people/:id', { config: write, schema: apiDoc({ summary: 'Correct a person', tag: 'people', params: IdParams, body: PersonPatch, response: { 200: PersonOutput }, example: { body: { phone: '+48 600 100 201' } } }) }, async (req) => {
    const { id } = routeParams(req, IdParams);
    const change = parseInput(PersonPatch, req.body);
    return updatePerson(db, actorOf(req), id, change, 'patch');
  });
}

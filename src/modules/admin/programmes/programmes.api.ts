import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { adminPolicy } from '../admin.policy.js';
import { ProgrammeInput, ProgrammeList, ProgrammeOutput } from './programmes.schemas.js';
import { createProgramme, listProgrammes } from './programmes.service.js';

/** JSON API: /api/v1/programmes. Same schemas and services as the pages. */
export function programmesApi({ app, db }: ModuleContext) {
  const access = { access: { roles: adminPolicy.roles('programmes') } };

  app.get('/api/v1/programmes', { config: access, schema: apiDoc({ summary: 'List programmes of the organisation', tag: 'programmes', response: { 200: ProgrammeList } }) }, async (req) => {
    return { items: await listProgrammes(db, actorOf(req), req.locale) };
  });

  app.post('/api/v1/programmes', { config: access, schema: apiDoc({ summary: 'Add a programme', tag: 'programmes', body: ProgrammeInput, response: { 201: ProgrammeOutput }, example: { body: { name: 'Mentoring rodzin', description: 'Wolontariusze wspierają rodziny z Ukrainy w codziennych sprawach.', active: true } } }) }, async (req, reply) => {
    const input = parseInput(ProgrammeInput, req.body);
    return reply.status(201).send(await createProgramme(db, actorOf(req), input));
  });
}

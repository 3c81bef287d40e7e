import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { idParam } from './http.js';
import { MoveInput, StageOutput, VolunteerPage, VolunteerQuery } from './pipeline.schemas.js';
import { listVolunteers, moveVolunteer } from './pipeline.service.js';

/** JSON API of the pipeline: the list with the page's filters, and a move (409 on a stale version). */
export function pipelineApi({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.roles('read') } };
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };

  app.get(
    '/api/v1/volunteers',
    { config: read, schema: apiDoc({ summary: 'List volunteers (filters, search, sort, page)', tag: 'volunteers', querystring: VolunteerQuery, response: { 200: VolunteerPage } }) },
    async (req) => {
      const { languages: _languages, ...page } = await listVolunteers(db, actorOf(req), parseInput(VolunteerQuery, req.query), req.locale);
      return page;
    },
  );

  app.post(
    '/api/v1/volunteers/:id/stage',
    {
      config: manage,
      schema: apiDoc({ summary: 'Move a volunteer to another stage', tag: 'volunteers', params: IdParams, body: MoveInput, example: { body: { stage: 'contacted', reason: 'Zadzwoniłam, umówimy rozmowę', version: 1 } }, response: { 200: StageOutput, 409: ApiError.describe('Someone else changed the volunteer since `version` was read (code CONFLICT); nothing was written') } }),
    },
    async (req) => moveVolunteer(db, actorOf(req), idParam(req), parseInput(MoveInput, req.body), config.baseUrl),
  );
}

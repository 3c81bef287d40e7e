import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { idParam } from '../http.js';
import { MatchInput, MatchOutput, MatchPage, MatchQuery } from '../matches.schemas.js';
import { createMatch, listMatches, viewMatch } from '../matches.service.js';
import { matchingPolicy } from '../matching.policy.js';
import { SuggestionQuery, SuggestionsOutput } from './suggestions.schemas.js';
import { presentSuggestions, suggestionsForMentee } from './suggestions.service.js';

/** JSON API of suggestions and matches. Reasons come in the caller's language (Accept-Language or `lang`). */
export function suggestionsApi({ app, db }: ModuleContext) {
  const read = { access: { roles: matchingPolicy.roles('read') } };
  const decide = { access: { roles: matchingPolicy.roles('decide') } };

  app.get(
    '/api/v1/matching/mentees/:id/suggestions',
    { config: read, schema: apiDoc({ summary: 'The best volunteers for one mentee, with reasons and what was left out', tag: 'matching', params: IdParams, querystring: SuggestionQuery, response: { 200: SuggestionsOutput } }) },
    async (req) => {
      const view = await suggestionsForMentee(db, actorOf(req), idParam(req), parseInput(SuggestionQuery, req.query), req.t, req.locale);
      return presentSuggestions(view, req.t, req.locale);
    },
  );

  app.post(
    '/api/v1/matches',
    {
      config: decide,
      schema: apiDoc({
        summary: 'Make a match (re-checked on fresh data in one transaction)',
        tag: 'matching',
        body: MatchInput,
        example: { body: { menteeId: '7d1f0c9e-2b4a-4c55-9d38-4f1e6a2b9c01', volunteerId: 'c3a8e2f4-6b1d-4e7a-8f90-1a2b3c4d5e6f' } },
        response: { 201: MatchOutput, 409: ApiError.describe('The match may not be made now (code CONFLICT; `message` says why, `fields` lists every reason); nothing was written') },
      }),
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const input = parseInput(MatchInput, req.body);
      const made = await createMatch(db, actor, input);
      const view = await viewMatch(db, actor, made.id, req.t, req.locale);
      return reply.status(201).send(view.match);
    },
  );

  app.get(
    '/api/v1/matches',
    { config: read, schema: apiDoc({ summary: 'List matches (status, programme, person, search, page)', tag: 'matching', querystring: MatchQuery, response: { 200: MatchPage } }) },
    async (req) => {
      const { timeZone: _timeZone, ...page } = await listMatches(db, actorOf(req), parseInput(MatchQuery, req.query), req.t, req.locale);
      return page;
    },
  );

  app.get(
    '/api/v1/matches/:id',
    { config: read, schema: apiDoc({ summary: 'One match with its score and reasons', tag: 'matching', params: IdParams, response: { 200: MatchOutput } }) },
    async (req) => (await viewMatch(db, actorOf(req), idParam(req), req.t, req.locale)).match,
  );
}

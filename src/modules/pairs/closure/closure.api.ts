import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { routeParams } from '../../../core/http/route-helpers.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { pairsPolicy } from '../pairs.policy.js';
import { CloseFormOutput, CloseInput, ClosedOutput } from './closure.schemas.js';
import { closeFormData, closeMatch, type ClosureDeps } from './closure.service.js';

/** JSON API of ending a pair: what the form shows (with the version to send), and closing it. Same schema and service as the page. */
export function closureApi({ app, db, config }: ModuleContext) {
  const access = { access: { roles: pairsPolicy.roles('close') } };
  const deps: ClosureDeps = { db, baseUrl: config.baseUrl, mailFrom: config.mailFrom };
  const ended = ApiError.describe('The pair has already ended, or someone changed it since `version` was read (code CONFLICT); nothing was written');

  app.get(
    '/api/v1/pairs/:id/close',
    { config: access, schema: apiDoc({ summary: 'What ending a pair starts from: both people, its version, first day and today', tag: 'pairs', params: IdParams, response: { 200: CloseFormOutput, 409: ended } }) },
    async (req) => {
      const { match, startedOn, today } = await closeFormData(db, actorOf(req), routeParams(req, IdParams).id);
      return {
        matchId: match.id,
        status: match.status,
        version: match.version,
        startedOn,
        today,
        volunteer: { givenName: match.volunteer.givenName, familyName: match.volunteer.familyName, hasEmail: Boolean(match.volunteer.email) },
        mentee: { givenName: match.mentee.givenName, familyName: match.mentee.familyName, status: match.mentee.status },
      };
    },
  );

  app.post(
    '/api/v1/pairs/:id/close',
    {
      config: access,
      schema: apiDoc({
        summary: 'End a pair with its reason and the closing conversations; the mentee goes back to the waiting list as the reason or `returnChoice` says',
        tag: 'pairs',
        params: IdParams,
        body: CloseInput,
        response: { 200: ClosedOutput, 409: ended },
        example: { body: { version: 1, reason: 'no_contact', returnChoice: 'auto', sendThanks: true, volunteerHeldOn: '2026-11-30', volunteerRating: 3, volunteerNotes: 'Zofia tried to call many times in November.' } },
      }),
    },
    async (req) => {
      const matchId = routeParams(req, IdParams).id;
      const input = parseInput(CloseInput, req.body);
      const closed = await closeMatch(deps, actorOf(req), matchId, input);
      return { matchId, status: 'closed', version: closed.version, endedAt: closed.endedAt.toISOString(), reason: input.reason, reasonText: input.reasonText, menteeStatus: closed.menteeStatus, returned: closed.returned, thanked: closed.thanked };
    },
  );
}

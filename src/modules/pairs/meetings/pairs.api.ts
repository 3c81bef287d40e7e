import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { routeParams } from '../../../core/http/route-helpers.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { meetingsPolicy } from './meetings.policy.js';
import { CommentInput, CommentOutput, CommentParams, PairLogOutput, PairsOutput } from './meetings.schemas.js';
import { commentOnMeeting, pairLog, pairsOverview } from './pairs.service.js';
import { presentComment, presentLogged, presentPair } from './present.js';

/** JSON API of the staff views of the meeting logs: the pairs I follow, one pair's log, a comment under a meeting. */
export function pairsApi({ app, db }: ModuleContext) {
  const follow = { access: { roles: meetingsPolicy.roles('follow') } };

  app.get(
    '/api/v1/pairs',
    { config: follow, schema: apiDoc({ summary: 'The pairs I follow (administrators: all), with the last meeting and the minutes met this month', tag: 'pairs', response: { 200: PairsOutput } }) },
    async (req) => {
      const data = await pairsOverview(db, actorOf(req));
      return { today: data.today, all: data.all, pairs: data.pairs.map((s) => ({ ...presentPair(s.pair), lastMeetingDate: s.lastMeetingDate, monthMinutes: s.monthMinutes })) };
    },
  );

  app.get(
    '/api/v1/pairs/:id',
    { config: follow, schema: apiDoc({ summary: 'One pair’s meeting log with staff comments and the minutes per month', tag: 'pairs', params: IdParams, response: { 200: PairLogOutput } }) },
    async (req) => {
      const log = await pairLog(db, actorOf(req), routeParams(req, IdParams).id);
      return { pair: presentPair(log.pair), meetings: log.meetings.map(presentLogged), months: log.months, total: log.total };
    },
  );

  app.post(
    '/api/v1/pairs/:id/meetings/:meetingId/comments',
    {
      config: follow,
      schema: apiDoc({
        summary: 'Answer a meeting log of a pair I follow with a short comment',
        tag: 'pairs',
        params: CommentParams,
        body: CommentInput,
        response: { 201: CommentOutput },
        example: { body: { body: 'Dziękuję za notatkę. Zadzwonię do Oleny w tym tygodniu w sprawie lekarza.' } },
      }),
    },
    async (req, reply) => {
      const { id, meetingId } = routeParams(req, CommentParams);
      const input = parseInput(CommentInput, req.body);
      return reply.status(201).send(presentComment(await commentOnMeeting(db, actorOf(req), id, meetingId, input)));
    },
  );
}

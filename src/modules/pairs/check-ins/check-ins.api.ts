import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { routeParams } from '../../../core/http/route-helpers.js';
import { IdParams } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { checkInsPolicy } from './check-ins.policy.js';
import type { PairRow } from './check-ins.repository.js';
import { CheckInBody, CheckInOutput, CheckInsOutput } from './check-ins.schemas.js';
import { checkInsPage, recordCheckIn, type CheckInView } from './check-ins.service.js';

const presentPair = (p: PairRow) => ({ id: p.id, status: p.status, startedAt: p.startedAt.toISOString(), programmeId: p.programmeId, coordinatorUserId: p.coordinatorUserId, volunteer: p.volunteer, mentee: p.mentee });

function presentCheckIn(c: CheckInView): CheckInOutput {
  return { id: c.id, matchId: c.matchId, side: c.side, kind: c.kind === 'closing' ? 'closing' : 'regular', heldOn: c.heldOn, rating: c.rating, howItGoes: c.howItGoes, notes: c.notes, recordedBy: c.recordedBy, createdAt: c.createdAt.toISOString() };
}

/** JSON API of a pair's check-ins: the list and recording one with either side. Same schema and services as the pages. */
export function checkInsApi({ app, db }: ModuleContext) {
  const config = { access: { roles: checkInsPolicy.roles('follow') } };

  app.get(
    '/api/v1/pairs/:id/check-ins',
    { config, schema: apiDoc({ summary: 'A pair’s check-ins (newest first) and when the next one with each side is due', tag: 'pairs', params: IdParams, response: { 200: CheckInsOutput } }) },
    async (req) => {
      const data = await checkInsPage(db, actorOf(req), routeParams(req, IdParams).id);
      return { pair: presentPair(data.pair), items: data.items.map(presentCheckIn), due: data.due, today: data.today };
    },
  );

  app.post(
    '/api/v1/pairs/:id/check-ins',
    {
      config,
      schema: apiDoc({
        summary: 'Record a check-in with one side of a pair I follow',
        tag: 'pairs',
        params: IdParams,
        body: CheckInBody,
        response: { 201: CheckInOutput, 409: ApiError.describe('The pair has ended (code CONFLICT): its closing conversations are recorded when it is closed; nothing was written') },
        example: { body: { side: 'mentee', heldOn: '2026-11-27', rating: 4, howItGoes: 'Olena says the meetings help; she now calls the clinic herself.', notes: 'Would like to meet on Saturdays instead.' } },
      }),
    },
    async (req, reply) => {
      const { checkIn } = await recordCheckIn(db, actorOf(req), routeParams(req, IdParams).id, req.body ?? {});
      return reply.status(201).send(presentCheckIn(checkIn));
    },
  );
}

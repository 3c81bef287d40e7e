import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf, type RequestActor } from '../../../core/tenancy/actor.js';
import { pairsPolicy } from '../pairs.policy.js';
import { sessionListOutput, sessionOutput } from './session-output.js';
import { AttendanceInput, SessionInput, SessionList, SessionOutput, SessionPatch } from './supervision.schemas.js';
import { createSession, editSession, listSupervision, recordAttendance, sessionForForm, viewSession } from './supervision.service.js';

const tag = 'supervision';
const session = { audience: 'volunteers', date: '2027-03-18', time: '17:30', minutes: 90, place: 'Dom Sąsiedzki, ul. Lipowa 4', facilitator: 'dr Ewa Kowalska', topics: 'Boundaries with the people we support' };

/**
 * JSON API of group supervision (administrators and coordinators): the list, one session, planning and changing
 * one, and recording attendance. Same schemas and services as the pages; the session's view and changes are audited.
 */
export function supervisionApi({ app, db }: ModuleContext) {
  const manage = { access: { roles: pairsPolicy.roles('supervise') } };
  const view = async (actor: RequestActor, id: string) => sessionOutput(await viewSession(db, actor, id));

  app.get('/api/v1/supervision', { config: manage, schema: apiDoc({ summary: 'Supervision sessions: upcoming and past', tag, response: { 200: SessionList } }) }, async (req) =>
    sessionListOutput(await listSupervision(db, actorOf(req))),
  );

  app.post(
    '/api/v1/supervision',
    { config: manage, schema: apiDoc({ summary: 'Plan a session (date and time on the organisation’s wall clock; a place, an online link or both)', tag, body: SessionInput, response: { 201: SessionOutput }, example: { body: session } }) },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createSession(db, actor, parseInput(SessionInput, req.body ?? {}));
      return reply.status(201).send(await view(actor, id));
    },
  );

  app.get('/api/v1/supervision/:id', { config: manage, schema: apiDoc({ summary: 'One session with who may attend and who attended', tag, params: IdParams, response: { 200: SessionOutput } }) }, async (req) =>
    view(actorOf(req), idParam(req)),
  );

  app.patch(
    '/api/v1/supervision/:id',
    {
      config: manage,
      schema: apiDoc({ summary: 'Change a session: the fields sent replace the current ones (blank place or link: none), checked as a whole', tag, params: IdParams, body: SessionPatch, response: { 200: SessionOutput }, example: { body: { time: '18:00', place: '', onlineLink: 'https://meet.example.org/supervision-march' } } }),
    },
    async (req) => {
      const id = idParam(req);
      const actor = actorOf(req);
      const patch = parseInput(SessionPatch, req.body ?? {});
      const current = await sessionForForm(db, actor, id);
      await editSession(db, actor, id, parseInput(SessionInput, { ...current.values, ...patch }));
      return view(actor, id);
    },
  );

  app.post(
    '/api/v1/supervision/:id/attendance',
    {
      config: manage,
      schema: apiDoc({
        summary: 'Record who attended (the people listed in `attendance`; anyone left out is not present) and a short record, once the session has begun',
        tag,
        params: IdParams,
        body: AttendanceInput,
        response: { 200: SessionOutput },
        example: { body: { attendees: ['3d6f0a8e-9b1c-4f7a-8e2d-1c5b7a9f0e4d'], record: 'We talked about saying no kindly; next time: burnout.' } },
      }),
    },
    async (req) => {
      const id = idParam(req);
      const actor = actorOf(req);
      await recordAttendance(db, actor, id, parseInput(AttendanceInput, req.body ?? {}));
      return view(actor, id);
    },
  );
}

import type { z, ZodTypeAny } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf, type RequestActor } from '../../../core/tenancy/actor.js';
import { concernOutput, listItem, myConcernsOutput, pairItem } from './concern-output.js';
import { concernsPolicy } from './concerns.policy.js';
import { AcknowledgeInput, ActionInput, AssignInput, ConcernList, ConcernOutput, EscalateInput, ListQuery, MyConcern, MyConcerns, RaisablePairs, RaiseInput, StatusInput } from './concerns.schemas.js';
import { listForStaff, myConcerns, raiseConcern, raiseForm, type RaisedThrough } from './concerns.service.js';
import { acknowledgeConcern, escalateConcern } from './escalation.service.js';
import { addAction, assignConcern, changeConcernStatus, viewConcern } from './handling.service.js';

const tag = 'concerns';
const STALE = ApiError.describe('Someone else changed the concern since `version` was read (code CONFLICT); nothing was written');
const NOT_SEEN = 'A concern the caller is not on the case of is 404, as if it did not exist.';

/**
 * JSON API of concerns: the staff list and case (`/api/v1/concerns…`: the same visibility as the pages — raised it,
 * assigned to it, follows the pair, on the mentee's case — else 404) and the volunteer's own (`/api/v1/me/concerns`:
 * status only). Same schemas and services as the pages; every view and change is audited by the service.
 */
export function concernsApi({ app, db, config }: ModuleContext) {
  const staff = { access: { roles: concernsPolicy.roles('staff') } };
  const self = { access: { roles: concernsPolicy.roles('self') } };
  const view = async (actor: RequestActor, id: string) => concernOutput(await viewConcern(db, actor, id));

  app.get('/api/v1/concerns', { config: staff, schema: apiDoc({ summary: 'Concerns the caller is on the case of, oldest open first', tag, querystring: ListQuery, response: { 200: ConcernList } }) }, async (req) => {
    const { rows } = await listForStaff(db, actorOf(req), parseInput(ListQuery, req.query ?? {}));
    return { items: rows.map(listItem) };
  });

  app.get('/api/v1/concerns/pairs', { config: staff, schema: apiDoc({ summary: 'Running pairs the caller may raise a concern about (those they follow; administrators: all)', tag, response: { 200: RaisablePairs } }) }, async (req) => {
    const { pairs } = await raiseForm(db, actorOf(req), 'staff');
    return { items: pairs.map(pairItem) };
  });

  const raiseExample = { matchId: '0f8b7c7e-2a7d-4c49-9d0a-6c1f4f1d2b3a', severity: 'high', summary: 'Olena seemed frightened at our meeting', description: 'She said the landlord shouted at her twice this week.' };

  /** Raising, through either door: the page's schema and service, then what that door may see of it (201). */
  const raise = <O extends ZodTypeAny>(through: RaisedThrough, path: string, summary: string, output: O, present: (actor: RequestActor, id: string) => Promise<z.output<O>>) =>
    app.post(path, { config: through === 'staff' ? staff : self, schema: apiDoc({ summary, tag, body: RaiseInput, response: { 201: output }, example: { body: raiseExample } }) }, async (req, reply) => {
      const actor = actorOf(req);
      const id = await raiseConcern(db, actor, through, parseInput(RaiseInput, req.body ?? {}));
      return reply.status(201).send(await present(actor, id));
    });

  raise('staff', '/api/v1/concerns', 'Raise a concern about a pair the caller follows (staff are told at once for high and safeguarding)', ConcernOutput, view);

  app.get('/api/v1/concerns/:id', { config: staff, schema: apiDoc({ summary: `One concern with its history. ${NOT_SEEN}`, tag, params: IdParams, response: { 200: ConcernOutput } }) }, async (req) => view(actorOf(req), idParam(req)));

  /** One change to a concern: parse → the page's service → the concern as it is now (200). */
  const change = <S extends ZodTypeAny>(path: string, summary: string, body: S, example: z.input<S>, run: (actor: RequestActor, id: string, input: z.output<S>) => Promise<unknown>, stale = true) =>
    app.post(
      `/api/v1/concerns/:id/${path}`,
      { config: staff, schema: apiDoc({ summary: `${summary} ${NOT_SEEN}`, tag, params: IdParams, body, response: stale ? { 200: ConcernOutput, 409: STALE } : { 200: ConcernOutput }, example: { body: example } }) },
      async (req) => {
        const id = idParam(req);
        const actor = actorOf(req);
        await run(actor, id, parseInput(body, req.body ?? {}));
        return view(actor, id);
      },
    );

  change('acknowledge', '"I have seen this and am taking it": who and when, once (a second press changes nothing); stops the automatic escalation.', AcknowledgeInput, {}, (actor, id) => acknowledgeConcern(db, actor, id), false);
  change('actions', 'Add a note or an action taken to the history (append-only, no version needed).', ActionInput, { kind: 'action', text: 'Called Olena; she is safe and staying with her sister this week.' }, (actor, id, input) => addAction(db, actor, id, input), false);
  change('assign', 'Assign the concern to a staff member of the organisation.', AssignInput, { version: 1, assigneeUserId: '5b0e8f6a-3c1d-4e2f-8a9b-7c6d5e4f3a2b' }, (actor, id, input) => assignConcern(db, actor, id, input));
  change('escalate', 'Escalate to a higher severity with a reason (never lower); the next level is told by mail.', EscalateInput, { version: 1, severity: 'safeguarding', reason: 'She mentioned being locked in her room.' }, (actor, id, input) => escalateConcern(db, actor, id, input, config.baseUrl));
  change('status', 'Move the concern on: open → in progress → resolved (with the resolution) → closed; resolved may go back to work.', StatusInput, { version: 1, status: 'in_progress' }, (actor, id, input) => changeConcernStatus(db, actor, id, input));

  app.get('/api/v1/me/concerns', { config: self, schema: apiDoc({ summary: 'The concerns the caller (a volunteer) raised, status only, and the pairs they may raise one about', tag, response: { 200: MyConcerns } }) }, async (req) =>
    myConcernsOutput(await myConcerns(db, actorOf(req))),
  );

  raise('volunteer', '/api/v1/me/concerns', 'Raise a concern about the caller’s own pair (as its volunteer)', MyConcern, async (actor, id) =>
    myConcernsOutput(await myConcerns(db, actor)).concerns.find((c) => c.id === id)!,
  );
}

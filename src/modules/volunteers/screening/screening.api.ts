import type { FastifyRequest } from 'fastify';
import type { ZodType, ZodTypeAny, ZodTypeDef } from 'zod';
import { z } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf, type RequestActor } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { factsForForm, recordLegal, recordLivedAbroad } from './facts.service.js';
import { recordInsurance } from './insurance.service.js';
import { cancelInterview, pickSlot, recordInterview, rescheduleInterview, scheduleInterviews, type InterviewOutcome, type ScreeningDeps } from './interviews.service.js';
import { presentChange, presentInterview, presentScreening } from './present.js';
import { recordCheck } from './safeguarding.service.js';
import { CheckOutput, FactsOutput, InsuranceInput, InsuranceOutput, InterviewChangeOutput, InterviewOutput, LegalInput, LivedAbroadInput, RecordInput, RescheduleInput, SafeguardingInput, ScheduleInput, ScreeningOutput } from './screening.schemas.js';
import { viewScreening } from './screening.service.js';

/** A day of next year (MM-DD): interview examples must lie in the future whenever the app starts. */
const nextYear = (monthDay: string) => `${new Date().getUTCFullYear() + 1}-${monthDay}`;
const stale = (what: string) => ApiError.describe(`${what} (code CONFLICT); nothing was written`);

/**
 * JSON API of screening: the record as the screening page shows it, interviews (offer or schedule, pick, reschedule,
 * record, cancel), safeguarding checks, insurance, the lived-abroad answer and the legal facts. Same schemas and
 * services as the pages (screening.pages.tsx).
 */
export function screeningApi({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.roles('read') } };
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };
  const deps: ScreeningDeps = { db, baseUrl: config.baseUrl, mailFrom: config.mailFrom };
  const doc = (summary: string, response: Record<number, ZodTypeAny>, body?: ZodTypeAny, example?: unknown) =>
    apiDoc({ summary, tag: 'volunteers', params: IdParams, response, ...(body ? { body, example: { body: example } } : {}) });

  app.get('/api/v1/volunteers/:id/screening', { config: read, schema: doc('A volunteer’s screening record: interviews, safeguarding checks (and what the law still asks), insurance', { 200: ScreeningOutput }) }, async (req) => {
    const { volunteer, data } = await viewScreening(db, actorOf(req), idParam(req));
    return presentScreening(volunteer.id, data);
  });

  app.get('/api/v1/volunteers/:id/interviews', { config: read, schema: doc('A volunteer’s interviews, earliest first', { 200: z.array(InterviewOutput) }) }, async (req) => {
    const { data } = await viewScreening(db, actorOf(req), idParam(req));
    return data.interviews.map(presentInterview);
  });

  const change = (req: FastifyRequest, outcome: InterviewOutcome) => presentChange(outcome, req.t);

  app.post(
    '/api/v1/volunteers/:id/interviews',
    {
      config: manage,
      schema: doc(
        'Offer interview slots (up to three, Europe/Warsaw local date and time): one slot is scheduled at once with a calendar invitation, several are offered for the volunteer to choose',
        { 201: InterviewChangeOutput, 409: stale('Someone else changed the volunteer meanwhile') },
        ScheduleInput,
        { date1: nextYear('03-10'), time1: '10:00', date2: nextYear('03-12'), time2: '16:30', minutes: 45, mode: 'video', link: 'https://meet.example.org/tandem-rozmowa' },
      ),
    },
    async (req, reply) => reply.status(201).send(change(req, await scheduleInterviews(deps, actorOf(req), idParam(req), parseInput(ScheduleInput, req.body)))),
  );

  /**
   * An action on one interview, `POST /api/v1/volunteers/interviews/:id/<action>` (409 when its state no longer allows
   * it): runs `act` (the page's service) with the parsed body, if the action takes one, and answers with what changed.
   */
  const interviewAction = <B>(action: string, summary: string, conflict: string, act: (actor: RequestActor, id: string, body: B) => Promise<InterviewOutcome>, body?: { schema: ZodType<B, ZodTypeDef, unknown>; example: unknown }) =>
    app.post(`/api/v1/volunteers/interviews/:id/${action}`, { config: manage, schema: doc(summary, { 200: InterviewChangeOutput, 409: stale(conflict) }, body?.schema, body?.example) }, async (req) =>
      change(req, await act(actorOf(req), idParam(req), (body ? parseInput(body.schema, req.body) : undefined) as B)),
    );

  interviewAction('pick', 'The volunteer chose this offered slot: it is scheduled (invitation sent), the other offers are cancelled', 'The slot is no longer offered', (actor, id) => pickSlot(deps, actor, id));

  interviewAction('reschedule', 'Move a scheduled interview to another time or place (the calendar event is updated)', 'The interview is no longer scheduled', (actor, id, input) => rescheduleInterview(deps, actor, id, input), {
    schema: RescheduleInput,
    example: { date1: nextYear('03-11'), time1: '09:30', minutes: 60, mode: 'in_person', address: 'ul. Katowicka 35, Świętochłowice' },
  });

  interviewAction('record', 'Record the outcome of a scheduled interview: held (notes, recommendation) or the volunteer did not come', 'The interview is no longer scheduled', (actor, id, input) => recordInterview(deps, actor, id, input), {
    schema: RecordInput,
    example: {
      outcome: 'held',
      recommendation: 'recommend',
      motivation: 'Sama przyjechała z Charkowa w 2022 r. i chce pomóc rodzinom w podobnej sytuacji.',
      languages: 'ukraiński (ojczysty), polski B2',
      availability: 'wtorki i czwartki po 17:00',
    },
  });

  interviewAction('cancel', 'Cancel an offered or scheduled interview (a scheduled one’s calendar event is cancelled)', 'The interview was already held, recorded or cancelled', (actor, id) => cancelInterview(deps, actor, id));

  app.post(
    '/api/v1/volunteers/:id/safeguarding-checks',
    {
      config: manage,
      schema: doc('Record that a safeguarding document was seen (register check, criminal record, statements); never the document itself', { 201: CheckOutput }, SafeguardingInput, { kind: 'pl_criminal_record', seenOn: '2026-11-20' }),
    },
    async (req, reply) => {
      const input = parseInput(SafeguardingInput, req.body);
      const volunteerId = idParam(req);
      const { checkId, renewBy } = await recordCheck(db, actorOf(req), volunteerId, input);
      return reply.status(201).send({ id: checkId, volunteerId, kind: input.kind, seenOn: input.seenOn, renewBy } satisfies CheckOutput);
    },
  );

  app.post(
    '/api/v1/volunteers/:id/insurance',
    { config: manage, schema: doc('Record accident insurance (NNW)', { 201: InsuranceOutput }, InsuranceInput, { insurer: 'PZU SA', policyNumber: 'NNW/2026/004512', validFrom: '2026-01-01', validTo: '2026-12-31' }) },
    async (req, reply) => {
      const input = parseInput(InsuranceInput, req.body);
      const volunteerId = idParam(req);
      const id = await recordInsurance(db, actorOf(req), volunteerId, input);
      return reply.status(201).send({ id, volunteerId, ...input } satisfies InsuranceOutput);
    },
  );

  app.get('/api/v1/volunteers/:id/legal', { config: read, schema: doc('The lived-abroad answer, the health-and-safety acknowledgement and travel costs as recorded', { 200: FactsOutput }) }, async (req) => {
    return (await factsForForm(db, actorOf(req), idParam(req))).facts;
  });

  app.post(
    '/api/v1/volunteers/:id/lived-abroad',
    { config: manage, schema: doc('Record whether the volunteer lived outside Poland in the last 20 years (it decides which documents the law asks)', { 200: FactsOutput }, LivedAbroadInput, { livedAbroad: 'yes' }) },
    async (req) => recordLivedAbroad(db, actorOf(req), idParam(req), parseInput(LivedAbroadInput, req.body)),
  );

  app.post(
    '/api/v1/volunteers/:id/legal',
    {
      config: manage,
      schema: doc('Record the health-and-safety acknowledgement and/or the travel-cost arrangement (parts left out stay as they were)', { 200: FactsOutput }, LegalInput, { healthSafetyOn: '2026-11-20', travelCosts: 'waived', travelCostsOn: '2026-11-20' }),
    },
    async (req) => recordLegal(db, actorOf(req), idParam(req), parseInput(LegalInput, req.body)),
  );
}

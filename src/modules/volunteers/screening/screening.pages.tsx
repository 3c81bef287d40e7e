import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { AppError } from '../../../core/http/errors.js';
import { showFlash, submitForm, type FormOutcome } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { formatDateTime, type MessageKey } from '../../../core/i18n/index.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { recordInsurance } from './insurance.service.js';
import { cancelInterview, interviewForForm, pickSlot, recordInterview, rescheduleInterview, scheduleInterviews, volunteerForForm, type InterviewOutcome, type ScreeningDeps } from './interviews.service.js';
import { ScreeningPanel } from './panel.js';
import { decodePlace } from './place.js';
import { recordCheck } from './safeguarding.service.js';
import { InsuranceInput, LegalInput, LivedAbroadInput, RecordInput, RescheduleInput, SAFEGUARDING_KINDS, SafeguardingInput, ScheduleInput } from './screening.schemas.js';
import { factsForForm, recordLegal, recordLivedAbroad } from './facts.service.js';
import { safeguardingFormContext, viewScreening } from './screening.service.js';
import { utcToZoned } from '../../../core/i18n/time-zone.js';
import { InsuranceFormView, InterviewFormView, LegalFormView, LivedAbroadFormView, RecordFormView, SafeguardingFormView } from './views/forms.js';
import { isOneOf } from '../../../core/one-of.js';

/** The message after an interview change: the stage rule that stopped a move, a missing e-mail address, or success. */
function interviewOutcome(req: FastifyRequest, o: InterviewOutcome, done: MessageKey): FormOutcome {
  const redirect = `/volunteers/${o.volunteerId}`;
  if (o.stage && !o.stage.moved) return { redirect, flash: { kind: 'info', key: 'volunteers.screening.flash.stageBlocked', params: { reason: req.t(o.stage.reason, o.stage.params) } } };
  if (!o.mailed && done !== 'volunteers.screening.flash.recorded') return { redirect, flash: { kind: 'info', key: 'volunteers.screening.flash.noEmail' } };
  if (o.stage?.moved) return { redirect, flash: { key: 'volunteers.screening.flash.stageMoved', params: { stage: req.t(`volunteers.stage.${o.stage.to}`) } } };
  return { redirect, flash: done };
}
function flashOutcome(req: FastifyRequest, reply: FastifyReply, o: InterviewOutcome, done: MessageKey) {
  const { redirect, flash } = interviewOutcome(req, o, done);
  if (flash) showFlash(reply, flash);
  return reply.redirect(redirect, 303);
}

/**
 * HTML routes of interviews, safeguarding checks and insurance. Forms live on their own pages (linked from
 * the panel on the volunteer page); a bad submission re-renders the form with errors (422), nothing written.
 */
export function screeningPages({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.roles('read') } };
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };
  const deps: ScreeningDeps = { db, baseUrl: config.baseUrl, mailFrom: config.mailFrom };

  app.get('/volunteers/:id/screening', { config: read }, async (req, reply) => {
    const { volunteer, data } = await viewScreening(db, actorOf(req), idParam(req));
    const name = `${volunteer.givenName} ${volunteer.familyName}`;
    return sendPage(req, reply, (c) => c.t('volunteers.screening.pageTitle', { name }), (ctx) => (
      <>
        <p>
          <a href={`/volunteers/${volunteer.id}`}>{ctx.t('volunteers.screening.back')}</a>
        </p>
        <h1>{ctx.t('volunteers.screening.pageTitle', { name })}</h1>
        <ScreeningPanel ctx={ctx} volunteer={volunteer} data={data} />
      </>
    ));
  });

  // --- Interviews ---
  const interviewForm = (req: FastifyRequest, reply: FastifyReply, form: FormState, volunteer: { id: string; name: string }, action: string, reschedule: boolean, status = 200) =>
    sendPage(req, reply, (c) => c.t(reschedule ? 'volunteers.screening.rescheduleTitle' : 'volunteers.screening.scheduleTitle'), (ctx) => <InterviewFormView ctx={ctx} form={form} volunteer={volunteer} action={action} reschedule={reschedule} />, status);

  app.get('/volunteers/:id/interviews/new', { config: manage }, async (req, reply) => {
    const volunteer = await volunteerForForm(db, actorOf(req), idParam(req));
    return interviewForm(req, reply, emptyForm({ minutes: 45, mode: 'in_person' }), volunteer, `/volunteers/${volunteer.id}/interviews`, false);
  });

  app.post('/volunteers/:id/interviews', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: ScheduleInput,
      view: async (form, status) => interviewForm(req, reply, form, await volunteerForForm(db, actorOf(req), id), `/volunteers/${id}/interviews`, false, status),
      action: async (input) => ({ outcome: await scheduleInterviews(deps, actorOf(req), id, input), offered: input.slots.length > 1 }),
      success: ({ outcome, offered }) => interviewOutcome(req, outcome, offered ? 'volunteers.screening.flash.offered' : 'volunteers.screening.flash.scheduled'),
    });
  });

  app.post('/volunteers/interviews/:interviewId/pick', { config: manage }, async (req, reply) => {
    const outcome = await pickSlot(deps, actorOf(req), idParam(req, 'interviewId'));
    return flashOutcome(req, reply, outcome, 'volunteers.screening.flash.scheduled');
  });

  app.post('/volunteers/interviews/:interviewId/cancel', { config: manage }, async (req, reply) => {
    const outcome = await cancelInterview(deps, actorOf(req), idParam(req, 'interviewId'));
    return flashOutcome(req, reply, outcome, 'volunteers.screening.flash.cancelled');
  });

  app.get('/volunteers/interviews/:interviewId/reschedule', { config: manage }, async (req, reply) => {
    const { interview, volunteer } = await interviewForForm(db, actorOf(req), idParam(req, 'interviewId'));
    if (interview.status !== 'scheduled') throw new AppError('CONFLICT');
    const at = utcToZoned(interview.startsAt);
    const place = decodePlace(interview.place);
    const values = { date1: at.date, time1: at.time, minutes: interview.minutes, mode: place.mode, address: place.address ?? '', link: place.link ?? '' };
    return interviewForm(req, reply, emptyForm(values), volunteer, `/volunteers/interviews/${interview.id}/reschedule`, true);
  });

  app.post('/volunteers/interviews/:interviewId/reschedule', { config: manage }, async (req, reply) => {
    const interviewId = idParam(req, 'interviewId');
    return submitForm(req, reply, {
      schema: RescheduleInput,
      view: async (form, status) => {
        const { volunteer } = await interviewForForm(db, actorOf(req), interviewId);
        return interviewForm(req, reply, form, volunteer, `/volunteers/interviews/${interviewId}/reschedule`, true, status);
      },
      action: (input) => rescheduleInterview(deps, actorOf(req), interviewId, input),
      success: (outcome) => interviewOutcome(req, outcome, 'volunteers.screening.flash.rescheduled'),
    });
  });

  const recordForm = async (req: FastifyRequest, reply: FastifyReply, interviewId: string, form: (values: Record<string, unknown>) => FormState, status = 200) => {
    const { interview, volunteer } = await interviewForForm(db, actorOf(req), interviewId);
    if (interview.status !== 'scheduled') throw new AppError('CONFLICT');
    const when = formatDateTime(interview.startsAt, req.locale);
    return sendPage(req, reply, (c) => c.t('volunteers.screening.recordTitle', { when }), (ctx) => <RecordFormView ctx={ctx} form={form({})} volunteer={volunteer} action={`/volunteers/interviews/${interviewId}/record`} when={when} />, status);
  };

  app.get('/volunteers/interviews/:interviewId/record', { config: manage }, async (req, reply) => recordForm(req, reply, idParam(req, 'interviewId'), () => emptyForm({ outcome: 'held' })));

  app.post('/volunteers/interviews/:interviewId/record', { config: manage }, async (req, reply) => {
    const interviewId = idParam(req, 'interviewId');
    return submitForm(req, reply, {
      schema: RecordInput,
      view: (form, status) => recordForm(req, reply, interviewId, () => form, status),
      action: (input) => recordInterview(deps, actorOf(req), interviewId, input),
      success: (outcome) => interviewOutcome(req, outcome, 'volunteers.screening.flash.recorded'),
    });
  });

  // --- Safeguarding ---
  const checkForm = async (req: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200) => {
    const c = await safeguardingFormContext(db, actorOf(req), id);
    return sendPage(req, reply, (ctx) => ctx.t('volunteers.screening.checkTitle'), (ctx) => <SafeguardingFormView ctx={ctx} form={form} volunteer={c.volunteer} kinds={c.kinds} renewalMonths={c.renewalMonths} />, status);
  };

  app.get('/volunteers/:id/safeguarding/new', { config: manage }, async (req, reply) => {
    // "Record the KRK information" on a refused move links here with that kind chosen.
    const kind = (req.query as Record<string, unknown> | undefined)?.kind;
    return checkForm(req, reply, idParam(req), emptyForm(typeof kind === 'string' && isOneOf(SAFEGUARDING_KINDS, kind) ? { kind } : {}));
  });

  app.post('/volunteers/:id/safeguarding', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: SafeguardingInput,
      view: (form, status) => checkForm(req, reply, id, form, status),
      action: (input) => recordCheck(db, actorOf(req), id, input),
      success: () => ({ flash: 'volunteers.screening.flash.checkRecorded', redirect: `/volunteers/${id}` }),
    });
  });

  // --- Lived abroad (which documents the 2016 Act asks) ---
  const livedAbroadForm = async (req: FastifyRequest, reply: FastifyReply, id: string, form?: FormState, status = 200) => {
    const f = await factsForForm(db, actorOf(req), id);
    return sendPage(req, reply, (ctx) => ctx.t('volunteers.screening.livedAbroad.title'), (ctx) => <LivedAbroadFormView ctx={ctx} form={form ?? emptyForm(f.values)} volunteer={f.volunteer} />, status);
  };
  app.get('/volunteers/:id/lived-abroad', { config: manage }, async (req, reply) => livedAbroadForm(req, reply, idParam(req)));
  app.post('/volunteers/:id/lived-abroad', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: LivedAbroadInput,
      view: (form, status) => livedAbroadForm(req, reply, id, form, status),
      action: (input) => recordLivedAbroad(db, actorOf(req), id, input),
      success: () => ({ flash: 'volunteers.screening.flash.livedAbroadRecorded', redirect: `/volunteers/${id}#screening` }),
    });
  });

  // --- Health and safety, travel costs ---
  const legalForm = async (req: FastifyRequest, reply: FastifyReply, id: string, form?: FormState, status = 200) => {
    const f = await factsForForm(db, actorOf(req), id);
    return sendPage(req, reply, (ctx) => ctx.t('volunteers.screening.legal.title'), (ctx) => <LegalFormView ctx={ctx} form={form ?? emptyForm(f.values)} volunteer={f.volunteer} />, status);
  };
  app.get('/volunteers/:id/legal', { config: manage }, async (req, reply) => legalForm(req, reply, idParam(req)));
  app.post('/volunteers/:id/legal', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: LegalInput,
      view: (form, status) => legalForm(req, reply, id, form, status),
      action: (input) => recordLegal(db, actorOf(req), id, input),
      success: () => ({ flash: 'volunteers.screening.flash.legalRecorded', redirect: `/volunteers/${id}#screening` }),
    });
  });

  // --- Insurance ---
  const insuranceForm = async (req: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200) => {
    const volunteer = await volunteerForForm(db, actorOf(req), id);
    return sendPage(req, reply, (ctx) => ctx.t('volunteers.screening.insuranceTitle'), (ctx) => <InsuranceFormView ctx={ctx} form={form} volunteer={volunteer} />, status);
  };

  app.get('/volunteers/:id/insurance/new', { config: manage }, async (req, reply) => insuranceForm(req, reply, idParam(req), emptyForm()));

  app.post('/volunteers/:id/insurance', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: InsuranceInput,
      view: (form, status) => insuranceForm(req, reply, id, form, status),
      action: (input) => recordInsurance(db, actorOf(req), id, input),
      success: () => ({ flash: 'volunteers.screening.flash.insuranceRecorded', redirect: `/volunteers/${id}` }),
    });
  });
}

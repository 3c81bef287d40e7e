import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { AppError } from '../../../core/http/errors.js';
import { showFlash, submitForm, type Flash } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { formatList } from '../../../core/i18n/index.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { utcToZoned } from '../../../core/i18n/time-zone.js';
import { matchingPolicy } from '../matching.policy.js';
import { settingsPolicy } from '../venues/settings.policy.js';
import { DEFAULT_MINUTES, introductionInput, type IntroductionInput } from './introductions.schemas.js';
import { cancelIntroduction, introductionForForm, introductionPage, markHeld, rescheduleIntroduction, scheduleIntroduction, type IntroductionDeps } from './introductions.service.js';
import type { Notified } from './notices.js';
import { IntroductionFields } from './views/introduction-form.js';
import { IntroductionPageView } from './views/introduction-page.js';
import { allowed } from '../../../core/policy.js';

const pagePath = (matchId: string) => `/matching/matches/${matchId}/introduction`;

/** The message after a change: who got the notice, and whom the staff must tell another way. */
function notifiedFlash(req: FastifyRequest, n: Notified, done: 'scheduled' | 'rescheduled' | 'cancelled'): Flash {
  if (n.unreachable.length > 0) return { kind: 'info', key: `matching.introductions.flash.${done}Unreachable`, params: { names: formatList(n.unreachable, req.locale, 'conjunction'), count: n.unreachable.length } };
  return `matching.introductions.flash.${done}`;
}

/**
 * HTML routes of introductions: the page of a match with its introductions and the scheduling form, moving,
 * cancelling and marking one as held. Bad input re-renders the form (422) and writes nothing.
 */
export function introductionsPages({ app, db, config }: ModuleContext) {
  const access = { access: { roles: matchingPolicy.roles('decide') } };
  const deps: IntroductionDeps = { db, baseUrl: config.baseUrl, mailFrom: config.mailFrom };

  /** The introduction form posted (to schedule or to move one): on success the flash says who was told, back to the match's page. */
  const submitIntroduction = (
    req: FastifyRequest,
    reply: FastifyReply,
    done: 'scheduled' | 'rescheduled',
    spec: { view: (form: FormState, status: number) => Promise<unknown>; action: (input: IntroductionInput) => Promise<Notified & { matchId: string }> },
  ) =>
    submitForm(req, reply, {
      schema: introductionInput(actorOf(req).org.timeZone),
      view: spec.view,
      action: spec.action,
      success: (outcome) => ({ flash: notifiedFlash(req, outcome, done), redirect: pagePath(outcome.matchId) }),
    });

  const page = async (req: FastifyRequest, reply: FastifyReply, matchId: string, form: FormState, status = 200) => {
    const data = await introductionPage(db, actorOf(req), matchId, req.locale);
    const canConfigure = allowed(req.auth, settingsPolicy, 'configure');
    const title = (c: { t: typeof req.t }) => c.t('matching.introductions.title', { volunteer: `${data.parties.volunteer.givenName} ${data.parties.volunteer.familyName}`, mentee: `${data.parties.mentee.givenName} ${data.parties.mentee.familyName}` });
    return sendPage(req, reply, title, (ctx) => <IntroductionPageView ctx={ctx} {...data} form={form} canConfigure={canConfigure} now={new Date()} />, status);
  };

  app.get('/matching/matches/:id/introduction', { config: access }, async (req, reply) => page(req, reply, idParam(req), emptyForm({ minutes: DEFAULT_MINUTES })));

  app.post('/matching/matches/:id/introduction', { config: access }, async (req, reply) => {
    const matchId = idParam(req);
    return submitIntroduction(req, reply, 'scheduled', {
      view: (form, status) => page(req, reply, matchId, form, status),
      action: async (input) => ({ ...(await scheduleIntroduction(deps, actorOf(req), matchId, input, req.locale)), matchId }),
    });
  });

  const rescheduleForm = async (req: FastifyRequest, reply: FastifyReply, id: string, form: ((values: Record<string, unknown>) => FormState) | FormState, status = 200) => {
    const data = await introductionForForm(db, actorOf(req), id, req.locale);
    const i = data.introduction;
    if (i.status !== 'scheduled') throw new AppError('CONFLICT', 'matching.introductions.notScheduled');
    const at = utcToZoned(i.startsAt, data.timeZone);
    const state = typeof form === 'function' ? form({ venueId: i.venueId, date: at.date, time: at.time, minutes: i.minutes, note: i.note ?? '', ...(i.outsideHoursReason ? { outsideHours: 'true', outsideHoursReason: i.outsideHoursReason } : {}) }) : form;
    const names = { volunteer: data.parties.volunteer.givenName, mentee: data.parties.mentee.givenName };
    return sendPage(req, reply, (c) => c.t('matching.introductions.rescheduleTitle', names), (ctx) => (
      <section class="narrow">
        <p>
          <a href={pagePath(i.matchId)}>{ctx.t('matching.introductions.backToPair')}</a>
        </p>
        <h1>{ctx.t('matching.introductions.rescheduleTitle', names)}</h1>
        <p>{ctx.t('matching.introductions.rescheduleIntro')}</p>
        <IntroductionFields ctx={ctx} form={state} venues={data.venues} timeZone={data.timeZone} action={`/matching/introductions/${i.id}/reschedule`} submit={ctx.t('matching.introductions.rescheduleSubmit')} />
      </section>
    ), status);
  };

  app.get('/matching/introductions/:id/reschedule', { config: access }, async (req, reply) => rescheduleForm(req, reply, idParam(req), emptyForm));

  app.post('/matching/introductions/:id/reschedule', { config: access }, async (req, reply) => {
    const id = idParam(req);
    return submitIntroduction(req, reply, 'rescheduled', {
      view: (form, status) => rescheduleForm(req, reply, id, form, status),
      action: (input) => rescheduleIntroduction(deps, actorOf(req), id, input, req.locale),
    });
  });

  app.post('/matching/introductions/:id/cancel', { config: access }, async (req, reply) => {
    const outcome = await cancelIntroduction(deps, actorOf(req), idParam(req));
    showFlash(reply, notifiedFlash(req, outcome, 'cancelled'));
    return reply.redirect(pagePath(outcome.matchId), 303);
  });

  app.post('/matching/introductions/:id/held', { config: access }, async (req, reply) => {
    const { matchId } = await markHeld(db, actorOf(req), idParam(req));
    setFlash(reply, 'success', 'matching.introductions.flash.held');
    return reply.redirect(pagePath(matchId), 303);
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { formBody, idParam } from '../../../core/http/route-helpers.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { settingsPolicy } from './settings.policy.js';
import { MaxDistanceInput, WeightsInput, type WeightsOutput } from './settings.schemas.js';
import { loadSettings } from './settings.service.js';
import { SettingsOverviewView } from './views/settings-overview.js';
import { WeightsFormView } from './views/weights-form.js';
import { DEFAULT_WEIGHTS, getProgrammeWeights, MAX_DISTANCE_KM, saveWeights } from './weights.service.js';

/** /matching/settings (the overview) and the weights of each programme. */
export function settingsPages({ app, db }: ModuleContext) {
  const config = { access: { roles: settingsPolicy.configure } };

  app.get('/matching/settings', { config }, async (req, reply) => {
    const s = await loadSettings(db, actorOf(req), req.locale);
    return sendPage(req, reply, (c) => c.t('matching.settings.title'), (ctx) => <SettingsOverviewView ctx={ctx} {...s} />);
  });

  const weightsPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, programme: WeightsOutput, status = 200) =>
    sendPage(req, reply, (c) => c.t('matching.settings.weights.formTitle', { name: programme.programme }), (ctx) => <WeightsFormView ctx={ctx} form={form} programme={programme} defaults={DEFAULT_WEIGHTS} defaultMaxDistanceKm={MAX_DISTANCE_KM} />, status);

  app.get('/matching/settings/weights/:programmeId', { config }, async (req, reply) => {
    const p = await getProgrammeWeights(db, actorOf(req), idParam(req, 'programmeId'));
    return weightsPage(req, reply, emptyForm({ ...p.weights, maxDistanceKm: p.maxDistanceKm }), p);
  });

  app.post('/matching/settings/weights/:programmeId', { config }, async (req, reply) => {
    const p = await getProgrammeWeights(db, actorOf(req), idParam(req, 'programmeId'));
    const body = formBody(req);
    const { maxDistanceKm, ...weights } = body;
    const parsed = WeightsInput.safeParse(weights);
    const distance = MaxDistanceInput.safeParse({ maxDistanceKm });
    if (!parsed.success || !distance.success) {
      const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(distance.success ? {} : fieldErrors(distance.error)) };
      return weightsPage(req, reply, { values: body, errors }, p, 422);
    }
    await saveWeights(db, actorOf(req), p.programmeId, parsed.data, distance.data.maxDistanceKm);
    setFlash(reply, 'success', 'matching.settings.weights.saved', { name: p.programme });
    return reply.redirect('/matching/settings#weights-title', 303);
  });

  app.post('/matching/settings/weights/:programmeId/reset', { config }, async (req, reply) => {
    const p = await saveWeights(db, actorOf(req), idParam(req, 'programmeId'), null);
    setFlash(reply, 'success', 'matching.settings.weights.wasReset', { name: p.programme });
    return reply.redirect('/matching/settings#weights-title', 303);
  });
}

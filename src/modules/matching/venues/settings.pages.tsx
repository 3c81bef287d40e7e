import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { z } from 'zod';
import { submitForm } from '../../../core/http/form.js';
import type { FieldErrors } from '../../../core/http/errors.js';
import { formBody, idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { settingsPolicy } from './settings.policy.js';
import { MaxDistanceInput, WeightsInput, type WeightsOutput } from './settings.schemas.js';
import { loadSettings } from './settings.service.js';
import { SettingsOverviewView } from './views/settings-overview.js';
import { WeightsFormView } from './views/weights-form.js';
import { DEFAULT_WEIGHTS, getProgrammeWeights, MAX_DISTANCE_KM, saveWeights } from './weights.service.js';

/** The weights form: the weights and the distance limit, two schemas of their own, checked together. */
const WeightsForm = z.object({ weights: WeightsInput, distance: MaxDistanceInput });
/** The messages of `WeightsForm` on the form's own field names (`weights.social` → `social`, `weights` → `_form`). */
const unnest = (errors: FieldErrors): FieldErrors => {
  const out: FieldErrors = {};
  for (const [name, e] of Object.entries(errors)) out[name.replace(/^(weights|distance)(\.|$)/, '') || '_form'] ??= e;
  return out;
};

/** /matching/settings (the overview) and the weights of each programme. */
export function settingsPages({ app, db }: ModuleContext) {
  const config = { access: { roles: settingsPolicy.roles('configure') } };

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
    const { maxDistanceKm, ...weights } = formBody(req);
    return submitForm(req, reply, {
      schema: WeightsForm,
      input: { weights, distance: { maxDistanceKm } },
      inputErrors: unnest,
      view: (form, status) => weightsPage(req, reply, form, p, status),
      action: (input) => saveWeights(db, actorOf(req), p.programmeId, input.weights, input.distance.maxDistanceKm),
      success: () => ({ flash: { key: 'matching.settings.weights.saved', params: { name: p.programme } }, redirect: '/matching/settings#weights-title' }),
    });
  });

  app.post('/matching/settings/weights/:programmeId/reset', { config }, async (req, reply) => {
    const p = await saveWeights(db, actorOf(req), idParam(req, 'programmeId'), null);
    setFlash(reply, 'success', 'matching.settings.weights.wasReset', { name: p.programme });
    return reply.redirect('/matching/settings#weights-title', 303);
  });
}

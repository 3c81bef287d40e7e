import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { followUpInput } from './follow-up.js';
import { getFollowUp, programmesFollowUp, saveFollowUpSettings, type ProgrammeFollowUp } from './settings.service.js';
import { SettingsFormView, SettingsListView } from './views/settings.js';

/** /pairs/settings and /pairs/settings/:programmeId: each programme's check-in schedule and quiet threshold. */
export function settingsPages({ app, db }: ModuleContext) {
  const config = { access: { roles: checkInsPolicy.roles('configure') } };

  app.get('/pairs/settings', { config }, async (req, reply) => {
    const programmes = await programmesFollowUp(db, actorOf(req), req.locale);
    return sendPage(req, reply, (c) => c.t('pairs.followUp.title'), (ctx) => <SettingsListView ctx={ctx} programmes={programmes} />);
  });

  const formPage = (req: FastifyRequest, reply: FastifyReply, programme: ProgrammeFollowUp, form: FormState, status = 200) =>
    sendPage(req, reply, (c) => c.t('pairs.followUp.formTitle', { name: programme.name }), (ctx) => <SettingsFormView ctx={ctx} form={form} programme={programme} />, status);

  app.get('/pairs/settings/:programmeId', { config }, async (req, reply) => {
    const p = await getFollowUp(db, actorOf(req), idParam(req, 'programmeId'));
    return formPage(req, reply, p, emptyForm({ ...p.settings }));
  });

  app.post('/pairs/settings/:programmeId', { config }, async (req, reply) => {
    const p = await getFollowUp(db, actorOf(req), idParam(req, 'programmeId'));
    return submitForm(req, reply, {
      schema: followUpInput,
      view: (form, status) => formPage(req, reply, p, form, status),
      action: (input) => saveFollowUpSettings(db, actorOf(req), p.programmeId, input),
      success: () => ({ flash: { key: 'pairs.followUp.saved', params: { name: p.name } }, redirect: '/pairs/settings' }),
    });
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { formBody } from '../../../core/http/route-helpers.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { followUpInput } from './follow-up.js';
import { getFollowUp, programmesFollowUp, saveFollowUpSettings, type ProgrammeFollowUp } from './settings.service.js';
import { SettingsFormView, SettingsListView } from './views/settings.js';

/** /pairs/settings and /pairs/settings/:programmeId: each programme's check-in schedule and quiet threshold. */
export function settingsPages({ app, db }: ModuleContext) {
  const config = { access: { roles: checkInsPolicy.configure } };

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
    const body = formBody(req);
    const parsed = followUpInput.safeParse(body);
    if (!parsed.success) return formPage(req, reply, p, { values: body, errors: fieldErrors(parsed.error) }, 422);
    await saveFollowUpSettings(db, actorOf(req), p.programmeId, parsed.data);
    setFlash(reply, 'success', 'pairs.followUp.saved', { name: p.name });
    return reply.redirect('/pairs/settings', 303);
  });
}

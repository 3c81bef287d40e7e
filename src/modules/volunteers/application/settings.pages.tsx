import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { SettingsInput } from './application.schemas.js';
import { getVolunteerSettings, updateVolunteerSettings } from './settings.service.js';
import { SettingsFormView } from './views/settings-form.js';

/** /volunteers/settings (administrators and coordinators): optional form fields, safeguarding renewal and reminders. */
export function settingsPages({ app, db }: ModuleContext) {
  const access = { access: { roles: volunteersPolicy.roles('configure') } };

  const page = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const settings = await getVolunteerSettings(db, actorOf(req));
    const shown = form ?? emptyForm({ ...settings });
    return sendPage(req, reply, (c) => c.t('volunteers.application.settings.title'), (ctx) => <SettingsFormView ctx={ctx} form={shown} slug={settings.slug} />, status);
  };

  app.get('/volunteers/settings', { config: access }, async (req, reply) => page(req, reply, null));

  app.post('/volunteers/settings', { config: access }, async (req, reply) =>
    submitForm(req, reply, {
      schema: SettingsInput,
      view: (form, status) => page(req, reply, form, status),
      action: (input) => updateVolunteerSettings(db, actorOf(req), input),
      success: (fields) => ({ flash: fields.length ? 'volunteers.application.settings.saved' : { kind: 'info', key: 'volunteers.application.settings.unchanged' }, redirect: '/volunteers/settings' }),
    }),
  );
}

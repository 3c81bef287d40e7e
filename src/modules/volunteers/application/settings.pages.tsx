import type { ModuleContext } from '../../../core/module.js';
import { settingsPage } from '../../../core/http/settings-page.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { SettingsInput } from './application.schemas.js';
import { getVolunteerSettings, updateVolunteerSettings } from './settings.service.js';
import { SettingsFormView } from './views/settings-form.js';

/** /volunteers/settings (administrators and coordinators): optional form fields, safeguarding renewal and reminders. */
export function settingsPages({ app, db }: ModuleContext) {
  settingsPage(app, '/volunteers/settings', {
    access: { roles: volunteersPolicy.roles('configure') },
    title: 'volunteers.application.settings.title',
    load: (req) => getVolunteerSettings(db, actorOf(req)),
    view: (ctx, form, settings) => <SettingsFormView ctx={ctx} form={form} slug={settings.slug} />,
    schema: SettingsInput,
    save: (req, input) => updateVolunteerSettings(db, actorOf(req), input),
    saved: 'volunteers.application.settings.saved',
    unchanged: 'volunteers.application.settings.unchanged',
  });
}

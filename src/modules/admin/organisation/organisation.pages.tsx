import type { ModuleContext } from '../../../core/module.js';
import { settingsPage } from '../../../core/http/settings-page.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { adminPolicy } from '../admin.policy.js';
import { OrganisationInput } from './organisation.schemas.js';
import { getOrganisationSettings, updateOrganisationSettings } from './organisation.service.js';
import { OrganisationFormView } from './views/organisation-form.js';

/** /admin/organisation: name, city, country and default language of the signed-in organisation. */
export function organisationPages({ app, db }: ModuleContext) {
  settingsPage(app, '/admin/organisation', {
    access: { roles: adminPolicy.roles('organisation') },
    title: 'admin.organisation.title',
    load: (req) => getOrganisationSettings(db, actorOf(req)),
    values: (org) => ({ name: org.name, city: org.city, country: org.country, defaultLocale: org.defaultLocale }),
    view: (ctx, form, org) => <OrganisationFormView ctx={ctx} form={form} slug={org.slug} />,
    schema: OrganisationInput,
    save: (req, input) => updateOrganisationSettings(db, actorOf(req), input),
    saved: 'admin.organisation.saved',
    unchanged: 'admin.organisation.unchanged',
  });
}

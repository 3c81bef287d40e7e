import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { adminPolicy } from '../admin.policy.js';
import { OrganisationInput } from './organisation.schemas.js';
import { getOrganisationSettings, updateOrganisationSettings } from './organisation.service.js';
import { OrganisationFormView } from './views/organisation-form.js';

/** /admin/organisation: name, city, country and default language of the signed-in organisation. */
export function organisationPages({ app, db }: ModuleContext) {
  const access = { access: { roles: adminPolicy.roles('organisation') } };

  const page = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const org = await getOrganisationSettings(db, actorOf(req));
    const shown = form ?? emptyForm({ name: org.name, city: org.city, country: org.country, defaultLocale: org.defaultLocale });
    return sendPage(req, reply, (c) => c.t('admin.organisation.title'), (ctx) => <OrganisationFormView ctx={ctx} form={shown} slug={org.slug} />, status);
  };

  app.get('/admin/organisation', { config: access }, async (req, reply) => page(req, reply, null));

  app.post('/admin/organisation', { config: access }, async (req, reply) =>
    submitForm(req, reply, {
      schema: OrganisationInput,
      view: (form, status) => page(req, reply, form, status),
      action: (input) => updateOrganisationSettings(db, actorOf(req), input),
      success: (fields) => ({ flash: fields.length ? 'admin.organisation.saved' : { kind: 'info', key: 'admin.organisation.unchanged' }, redirect: '/admin/organisation' }),
    }),
  );
}

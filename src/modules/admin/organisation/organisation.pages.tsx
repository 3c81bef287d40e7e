import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { adminPolicy } from '../admin.policy.js';
import { formBody } from '../../../core/http/route-helpers.js';
import { OrganisationInput } from './organisation.schemas.js';
import { getOrganisationSettings, updateOrganisationSettings } from './organisation.service.js';
import { OrganisationFormView } from './views/organisation-form.js';

/** /admin/organisation: name, city, country and default language of the signed-in organisation. */
export function organisationPages({ app, db }: ModuleContext) {
  const access = { access: { roles: adminPolicy.organisation } };

  const page = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const org = await getOrganisationSettings(db, actorOf(req));
    const shown = form ?? emptyForm({ name: org.name, city: org.city, country: org.country, defaultLocale: org.defaultLocale });
    return sendPage(req, reply, (c) => c.t('admin.organisation.title'), (ctx) => <OrganisationFormView ctx={ctx} form={shown} slug={org.slug} />, status);
  };

  app.get('/admin/organisation', { config: access }, async (req, reply) => page(req, reply, null));

  app.post('/admin/organisation', { config: access }, async (req, reply) => {
    const body = formBody(req);
    const parsed = OrganisationInput.safeParse(body);
    if (!parsed.success) return page(req, reply, { values: body, errors: fieldErrors(parsed.error) }, 422);
    const fields = await updateOrganisationSettings(db, actorOf(req), parsed.data);
    setFlash(reply, fields.length ? 'success' : 'info', fields.length ? 'admin.organisation.saved' : 'admin.organisation.unchanged');
    return reply.redirect('/admin/organisation', 303);
  });
}

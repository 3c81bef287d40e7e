import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm, type Flash } from '../../../core/http/form.js';
import { formBody, idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { createDistrict, deleteDistrict, getDistrict, setDistrictOtherAllowed, updateDistrict, type DistrictWithUsage } from './districts.service.js';
import { settingsPolicy } from './settings.policy.js';
import { DistrictInput } from './settings.schemas.js';
import { DistrictDeleteView, DistrictFormView } from './views/district-views.js';
import { typedCoordinate } from './views/format.js';

/** /matching/settings/districts/…: add, edit (a rename carries its people along) and delete with a warning. */
export function districtsPages({ app, db }: ModuleContext) {
  const config = { access: { roles: settingsPolicy.roles('configure') } };

  const formPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, district: DistrictWithUsage | null, status = 200) =>
    sendPage(req, reply, (c) => (district ? c.t('matching.settings.districts.editTitle', { name: district.name }) : c.t('matching.settings.districts.newTitle')), (ctx) => <DistrictFormView ctx={ctx} form={form} district={district} />, status);

  const save = async (req: FastifyRequest, reply: FastifyReply, district: DistrictWithUsage | null) =>
    submitForm(req, reply, {
      schema: DistrictInput,
      view: (form, status) => formPage(req, reply, form, district, status),
      action: async (input): Promise<Flash> => {
        if (!district) {
          await createDistrict(db, actorOf(req), input);
          return { key: 'matching.settings.districts.created', params: { name: input.name } };
        }
        const { moved } = await updateDistrict(db, actorOf(req), district.id, input);
        return { key: moved > 0 ? 'matching.settings.districts.renamed' : 'matching.settings.districts.updated', params: { name: input.name, count: moved } };
      },
      success: (flash) => ({ flash, redirect: '/matching/settings#districts-title' }),
    });

  app.get('/matching/settings/districts/new', { config }, async (req, reply) => formPage(req, reply, emptyForm(), null));

  // The checkbox posts "true" when ticked and nothing when not.
  app.post('/matching/settings/districts/other', { config }, async (req, reply) => {
    const allowed = formBody(req).otherAllowed === 'true';
    await setDistrictOtherAllowed(db, actorOf(req), allowed);
    setFlash(reply, 'success', allowed ? 'matching.settings.districts.otherOn' : 'matching.settings.districts.otherOff');
    return reply.redirect('/matching/settings#district-other', 303);
  });
  app.post('/matching/settings/districts/new', { config }, async (req, reply) => save(req, reply, null));

  app.get('/matching/settings/districts/:id/edit', { config }, async (req, reply) => {
    const d = await getDistrict(db, actorOf(req), idParam(req));
    return formPage(req, reply, emptyForm({ name: d.name, latitude: typedCoordinate(d.latitude, req.locale), longitude: typedCoordinate(d.longitude, req.locale) }), d);
  });
  // The id is checked before the input: another organisation's id is 404 whatever was posted.
  app.post('/matching/settings/districts/:id/edit', { config }, async (req, reply) => save(req, reply, await getDistrict(db, actorOf(req), idParam(req))));

  app.get('/matching/settings/districts/:id/delete', { config }, async (req, reply) => {
    const d = await getDistrict(db, actorOf(req), idParam(req));
    return sendPage(req, reply, (c) => c.t('matching.settings.districts.deleteTitle', { name: d.name }), (ctx) => <DistrictDeleteView ctx={ctx} district={d} />);
  });
  app.post('/matching/settings/districts/:id/delete', { config }, async (req, reply) => {
    const d = await deleteDistrict(db, actorOf(req), idParam(req));
    setFlash(reply, 'success', 'matching.settings.districts.deleted', { name: d.name });
    return reply.redirect('/matching/settings#districts-title', 303);
  });
}

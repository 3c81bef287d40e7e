import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { formBody, formErrorsOf, idParam } from '../../../core/http/route-helpers.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { createDistrict, deleteDistrict, getDistrict, setDistrictOtherAllowed, updateDistrict, type DistrictWithUsage } from './districts.service.js';
import { settingsPolicy } from './settings.policy.js';
import { DistrictInput } from './settings.schemas.js';
import { DistrictDeleteView, DistrictFormView } from './views/district-views.js';
import { typedCoordinate } from './views/format.js';

/** /matching/settings/districts/…: add, edit (a rename carries its people along) and delete with a warning. */
export function districtsPages({ app, db }: ModuleContext) {
  const config = { access: { roles: settingsPolicy.configure } };

  const formPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, district: DistrictWithUsage | null, status = 200) =>
    sendPage(req, reply, (c) => (district ? c.t('matching.settings.districts.editTitle', { name: district.name }) : c.t('matching.settings.districts.newTitle')), (ctx) => <DistrictFormView ctx={ctx} form={form} district={district} />, status);

  const save = async (req: FastifyRequest, reply: FastifyReply, district: DistrictWithUsage | null) => {
    const body = formBody(req);
    const parsed = DistrictInput.safeParse(body);
    if (!parsed.success) return formPage(req, reply, { values: body, errors: fieldErrors(parsed.error) }, district, 422);
    try {
      if (district) {
        const { moved } = await updateDistrict(db, actorOf(req), district.id, parsed.data);
        setFlash(reply, 'success', moved > 0 ? 'matching.settings.districts.renamed' : 'matching.settings.districts.updated', { name: parsed.data.name, count: moved });
      } else {
        await createDistrict(db, actorOf(req), parsed.data);
        setFlash(reply, 'success', 'matching.settings.districts.created', { name: parsed.data.name });
      }
    } catch (err) {
      const errors = formErrorsOf(err);
      if (!errors) throw err;
      return formPage(req, reply, { values: body, errors }, district, 422);
    }
    return reply.redirect('/matching/settings#districts-title', 303);
  };

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

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { AppError } from '../../../core/http/errors.js';
import { formBody, formErrorsOf, idParam } from '../../../core/http/route-helpers.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { listDistricts } from './districts.service.js';
import { settingsPolicy } from './settings.policy.js';
import { VenueInput, type VenueOutput } from './settings.schemas.js';
import { createVenue, deleteVenue, getVenue, setVenueActive, updateVenue } from './venues.service.js';
import { VenueDeleteView, VenueFormView, venueFormValues } from './views/venue-views.js';

/** /matching/settings/venues/…: add, edit, deactivate and reactivate, delete (only when no introduction used it). */
export function venuesPages({ app, db }: ModuleContext) {
  const config = { access: { roles: settingsPolicy.configure } };
  const back = '/matching/settings#venues-title';

  const districtNames = async (req: FastifyRequest) => (await listDistricts(db, actorOf(req), req.locale)).map((d) => d.name);

  const formPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, venue: VenueOutput | null, names?: string[], status = 200) => {
    const list = names ?? (await districtNames(req));
    return sendPage(req, reply, (c) => (venue ? c.t('matching.settings.venues.editTitle', { name: venue.name }) : c.t('matching.settings.venues.newTitle')), (ctx) => <VenueFormView ctx={ctx} form={form} venue={venue} districtNames={list} />, status);
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, venue: VenueOutput | null) => {
    const body = formBody(req);
    const parsed = VenueInput.safeParse(body);
    if (!parsed.success) return formPage(req, reply, { values: body, errors: fieldErrors(parsed.error) }, venue, undefined, 422);
    try {
      if (venue) await updateVenue(db, actorOf(req), venue.id, parsed.data);
      else await createVenue(db, actorOf(req), parsed.data);
    } catch (err) {
      const errors = formErrorsOf(err);
      if (!errors) throw err;
      return formPage(req, reply, { values: body, errors }, venue, undefined, 422);
    }
    setFlash(reply, 'success', venue ? 'matching.settings.venues.updated' : 'matching.settings.venues.created', { name: parsed.data.name });
    return reply.redirect(back, 303);
  };

  app.get('/matching/settings/venues/new', { config }, async (req, reply) => formPage(req, reply, emptyForm({ kind: 'cafe' }), null));
  app.post('/matching/settings/venues/new', { config }, async (req, reply) => save(req, reply, null));

  app.get('/matching/settings/venues/:id/edit', { config }, async (req, reply) => {
    const venue = await getVenue(db, actorOf(req), idParam(req));
    const names = await districtNames(req);
    return formPage(req, reply, emptyForm(venueFormValues(venue, names)), venue, names);
  });
  app.post('/matching/settings/venues/:id/edit', { config }, async (req, reply) => save(req, reply, await getVenue(db, actorOf(req), idParam(req))));

  for (const [verb, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(`/matching/settings/venues/:id/${verb}`, { config }, async (req, reply) => {
      const v = await setVenueActive(db, actorOf(req), idParam(req), active);
      setFlash(reply, 'success', active ? 'matching.settings.venues.reactivated' : 'matching.settings.venues.deactivated', { name: v.name });
      return reply.redirect(back, 303);
    });
  }

  const deletePage = (req: FastifyRequest, reply: FastifyReply, venue: VenueOutput & { introductions: number }, status = 200) =>
    sendPage(req, reply, (c) => c.t('matching.settings.venues.deleteTitle', { name: venue.name }), (ctx) => <VenueDeleteView ctx={ctx} venue={venue} />, status);

  app.get('/matching/settings/venues/:id/delete', { config }, async (req, reply) => deletePage(req, reply, await getVenue(db, actorOf(req), idParam(req))));
  app.post('/matching/settings/venues/:id/delete', { config }, async (req, reply) => {
    const id = idParam(req);
    try {
      const v = await deleteVenue(db, actorOf(req), id);
      setFlash(reply, 'success', 'matching.settings.venues.deleted', { name: v.name });
      return reply.redirect(back, 303);
    } catch (err) {
      // Used by an introduction: the same page again, saying why and offering deactivation.
      if (err instanceof AppError && err.code === 'CONFLICT') return deletePage(req, reply, await getVenue(db, actorOf(req), id), 409);
      throw err;
    }
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { listDistricts } from './districts.service.js';
import { settingsPolicy } from './settings.policy.js';
import { VenueInput, type VenueOutput } from './settings.schemas.js';
import { createVenue, deleteVenue, getVenue, setVenueActive, updateVenue } from './venues.service.js';
import { VenueDeleteView, VenueFormView, venueFormValues } from './views/venue-views.js';

/** /matching/settings/venues/…: add, edit, deactivate and reactivate, delete (only when no introduction used it). */
export function venuesPages({ app, db }: ModuleContext) {
  const config = { access: { roles: settingsPolicy.roles('configure') } };
  const back = '/matching/settings#venues-title';

  const districtNames = async (req: FastifyRequest) => (await listDistricts(db, actorOf(req), req.locale)).map((d) => d.name);

  const formPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, venue: VenueOutput | null, names?: string[], status = 200) => {
    const list = names ?? (await districtNames(req));
    return sendPage(req, reply, (c) => (venue ? c.t('matching.settings.venues.editTitle', { name: venue.name }) : c.t('matching.settings.venues.newTitle')), (ctx) => <VenueFormView ctx={ctx} form={form} venue={venue} districtNames={list} />, status);
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, venue: VenueOutput | null) =>
    submitForm(req, reply, {
      schema: VenueInput,
      view: (form, status) => formPage(req, reply, form, venue, undefined, status),
      action: async (input) => {
        if (venue) await updateVenue(db, actorOf(req), venue.id, input);
        else await createVenue(db, actorOf(req), input);
        return input.name;
      },
      success: (name) => ({ flash: { key: venue ? 'matching.settings.venues.updated' : 'matching.settings.venues.created', params: { name } }, redirect: back }),
    });

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
  // Used by an introduction: the same page again, saying why and offering deactivation (409).
  app.post('/matching/settings/venues/:id/delete', { config }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      view: async (_form, status) => deletePage(req, reply, await getVenue(db, actorOf(req), id), status),
      action: () => deleteVenue(db, actorOf(req), id),
      success: (v) => ({ flash: { key: 'matching.settings.venues.deleted', params: { name: v.name } }, redirect: back }),
      conflict: async () => deletePage(req, reply, await getVenue(db, actorOf(req), id), 409),
    });
  });
}

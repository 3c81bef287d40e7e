import { z } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { createDistrict, listDistricts } from './districts.service.js';
import { settingsPolicy } from './settings.policy.js';
import { DistrictInput, DistrictOutput, VenueInput, VenueOutput } from './settings.schemas.js';
import { createVenue, listVenues } from './venues.service.js';

const tag = 'matching settings';

/** JSON API of the districts and venues: /api/v1/matching/…, the same schemas and services as the pages. */
export function settingsApi({ app, db }: ModuleContext) {
  const config = { access: { roles: settingsPolicy.roles('configure') } };

  app.get('/api/v1/matching/districts', { config, schema: apiDoc({ summary: 'List the districts of the organisation with their centres', tag, response: { 200: z.object({ items: z.array(DistrictOutput) }) } }) }, async (req) => ({
    items: (await listDistricts(db, actorOf(req), req.locale)).map(({ usage: _usage, ...d }) => d),
  }));

  app.post('/api/v1/matching/districts', { config, schema: apiDoc({ summary: 'Add a district (coordinates as numbers, or as text with a decimal dot or comma)', tag, body: DistrictInput, response: { 201: DistrictOutput }, example: { body: { name: 'Mokotów', latitude: 52.1934, longitude: 21.0355 } } }) }, async (req, reply) => {
    const input = parseInput(DistrictInput, req.body);
    return reply.status(201).send(await createDistrict(db, actorOf(req), input));
  });

  app.get('/api/v1/matching/venues', { config, schema: apiDoc({ summary: 'List the venues for first meetings, active first', tag, response: { 200: z.object({ items: z.array(VenueOutput) }) } }) }, async (req) => ({
    items: await listVenues(db, actorOf(req), req.locale),
  }));

  app.post('/api/v1/matching/venues', { config, schema: apiDoc({ summary: 'Add a venue for first meetings', tag, body: VenueInput, response: { 201: VenueOutput }, example: { body: { kind: 'library', name: 'Biblioteka na Koszykach', address: 'ul. Koszykowa 26, Warszawa', hoursMon: '10-19', hoursSat: '10-15', stepFree: true } } }) }, async (req, reply) => {
    const input = parseInput(VenueInput, req.body);
    return reply.status(201).send(await createVenue(db, actorOf(req), input));
  });
}

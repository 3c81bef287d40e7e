import type { FastifyRequest } from 'fastify';
import { idParam as uuidParam } from '../../../core/http/route-helpers.js';
import { lenientQuery as leniently } from '../../../core/http/validation.js';
import { VolunteerQuery } from './pipeline.schemas.js';

export { formBody } from '../../../core/http/route-helpers.js';

/** The volunteer id in the route, lower-cased; a malformed id is answered like an unknown one (404). */
export const idParam = (req: FastifyRequest): string => uuidParam(req).toLowerCase();
/**
 * The list's query for pages: a bad value (hand-edited link, a typo in the days filter) is dropped rather than
 * refused, so the coordinator still sees the list — and the page says which filter it left out (`ignored`, with
 * what was typed). The API is strict instead (422).
 */
export const listQuery = (input: unknown): { query: VolunteerQuery; ignored: Record<string, string> } => leniently(VolunteerQuery, input);

export const lenientQuery = (input: unknown): VolunteerQuery => listQuery(input).query;

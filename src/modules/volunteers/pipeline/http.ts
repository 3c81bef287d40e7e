import type { FastifyRequest } from 'fastify';
import { idParam as uuidParam } from '../../../core/http/route-helpers.js';
import { VolunteerQuery } from './pipeline.schemas.js';

export { formBody, formErrorsOf } from '../../../core/http/route-helpers.js';

/** The volunteer id in the route, lower-cased; a malformed id is answered like an unknown one (404). */
export const idParam = (req: FastifyRequest): string => uuidParam(req).toLowerCase();
/**
 * The list's query for pages: a bad value (hand-edited link, a typo in the days filter) is dropped rather than
 * refused, so the coordinator still sees the list — and the page says which filter it left out (`ignored`, with
 * what was typed). The API is strict instead (422).
 */
export function listQuery(input: unknown): { query: VolunteerQuery; ignored: Record<string, string> } {
  const raw = { ...((input ?? {}) as Record<string, unknown>) };
  const ignored: Record<string, string> = {};
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = VolunteerQuery.safeParse(raw);
    if (parsed.success) return { query: parsed.data, ignored };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      ignored[field] = String([raw[field]].flat()[0] ?? '').slice(0, 100);
      delete raw[field];
    }
  }
  return { query: VolunteerQuery.parse({}), ignored };
}

export const lenientQuery = (input: unknown): VolunteerQuery => listQuery(input).query;

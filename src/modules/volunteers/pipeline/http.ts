import type { FastifyRequest } from 'fastify';
import { idParam as uuidParam } from '../../../core/http/route-helpers.js';
import { VolunteerQuery } from './pipeline.schemas.js';

export { formBody, formErrorsOf } from '../../../core/http/route-helpers.js';

/** The volunteer id in the route, lower-cased; a malformed id is answered like an unknown one (404). */
export const idParam = (req: FastifyRequest): string => uuidParam(req).toLowerCase();
/**
 * The list's query for pages: a bad value (hand-edited link) is dropped rather than refused, so the
 * coordinator still sees the list. The API is strict instead (422).
 */
export function lenientQuery(input: unknown): VolunteerQuery {
  const raw = { ...((input ?? {}) as Record<string, unknown>) };
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = VolunteerQuery.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  }
  return VolunteerQuery.parse({});
}

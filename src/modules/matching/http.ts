import type { FastifyRequest } from 'fastify';
import type { z, ZodTypeAny } from 'zod';
import { idParam as uuidParam } from '../../core/http/route-helpers.js';

export { formBody, formErrorsOf } from '../../core/http/route-helpers.js';

/** A uuid route parameter, lower-cased; a malformed one is answered like an unknown id (404). */
export const idParam = (req: FastifyRequest, name = 'id'): string => uuidParam(req, name).toLowerCase();

/**
 * A page's query string: a bad value (a hand-edited link) is dropped rather than refused, so the page still shows.
 * The API is strict instead (422).
 */
export function lenient<S extends ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const raw = { ...((input ?? {}) as Record<string, unknown>) };
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  }
  return schema.parse({});
}

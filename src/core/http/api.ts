import type { ZodTypeAny } from 'zod';
import { z } from 'zod';
import { ERROR_STATUS } from './errors.js';
import { jsonSchema } from './validation.js';

export const ApiError = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    fields: z.record(z.string()).optional(),
    requestId: z.string(),
  }),
});

/**
 * The OpenAPI description of a JSON route, from the same zod schemas the handler validates with.
 * Every route documents the one error shape for 400/401/403/404/422/429. `example.body` is a request a client could
 * send (checked against the schema here, so a stale example fails at start-up); src/openapi.test.ts sends it.
 */
export function apiDoc(doc: {
  summary: string;
  tag: string;
  params?: ZodTypeAny;
  querystring?: ZodTypeAny;
  body?: ZodTypeAny;
  response: Record<number, ZodTypeAny>;
  example?: { body?: unknown };
}) {
  if (doc.example?.body !== undefined) {
    if (!doc.body) throw new Error(`${doc.summary}: an example body without a body schema`);
    const checked = doc.body.safeParse(doc.example.body);
    if (!checked.success) throw new Error(`${doc.summary}: the example body does not match the schema: ${checked.error.message}`);
  }
  const error = jsonSchema(ApiError);
  const response: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(doc.response)) response[status] = jsonSchema(schema);
  for (const status of [400, 401, 403, 404, 422, 429]) response[status] ??= { ...error, description: 'Error' };
  return {
    summary: doc.summary,
    tags: [doc.tag],
    ...(doc.params ? { params: jsonSchema(doc.params) } : {}),
    ...(doc.querystring ? { querystring: jsonSchema(doc.querystring) } : {}),
    ...(doc.body ? { body: { ...jsonSchema(doc.body), ...(doc.example?.body !== undefined ? { examples: [doc.example.body] } : {}) } } : {}),
    response,
  };
}

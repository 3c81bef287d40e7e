import type { FastifyRequest } from 'fastify';
import type { z, ZodTypeAny } from 'zod';
import { idParam as uuidParam } from '../../core/http/route-helpers.js';
import { lenientQuery } from '../../core/http/validation.js';

export { formBody } from '../../core/http/route-helpers.js';

/** A uuid route parameter, lower-cased; a malformed one is answered like an unknown id (404). */
export const idParam = (req: FastifyRequest, name = 'id'): string => uuidParam(req, name).toLowerCase();

/** A page's query string, bad values dropped (see `lenientQuery`). The API is strict instead (422). */
export const lenient = <S extends ZodTypeAny>(schema: S, input: unknown): z.output<S> => lenientQuery(schema, input).query;

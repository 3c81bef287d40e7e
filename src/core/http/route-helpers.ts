import type { FastifyRequest } from 'fastify';
import type { z, ZodTypeAny } from 'zod';
import { AppError, type FieldErrors } from './errors.js';
import { uuidParam } from './validation.js';
import type { MessageKey } from '../i18n/message-keys.js';

const Uuid = uuidParam();

/** The uuid in a route parameter; a malformed id is answered like an unknown one (404). */
export function idParam(req: FastifyRequest, name = 'id'): string {
  const parsed = Uuid.safeParse((req.params as Record<string, unknown> | undefined)?.[name]);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  return parsed.data;
}

/**
 * The route parameters parsed with `schema` (slugs, tokens, kinds); parameters that do not parse are answered like
 * an unknown address (404), with `message` when the page says more (a wrong link).
 */
export function routeParams<S extends ZodTypeAny>(req: FastifyRequest, schema: S, message?: MessageKey): z.output<S> {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) throw new AppError('NOT_FOUND', message);
  return parsed.data;
}

/** A posted form without its CSRF token, as the values to validate and to show again. */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const { _csrf, ...body } = (req.body ?? {}) as Record<string, unknown>;
  return body;
}

/**
 * The field errors of a refused input (AppError VALIDATION with fields), for re-rendering a form; null
 * for any other error, which the caller rethrows.
 */
export function formErrorsOf(err: unknown): FieldErrors | null {
  return err instanceof AppError && err.code === 'VALIDATION' && err.fields ? err.fields : null;
}

/** A refused input with one message on one field (or `_form` for the whole form). */
export function invalid(field: string, key: MessageKey, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', 'error.validation', { [field]: { key, ...(params ? { params } : {}) } });
}

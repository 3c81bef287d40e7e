import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldErrors } from '../../../core/http/errors.js';
import { VolunteerQuery } from './pipeline.schemas.js';

/** The uuid in a route parameter; a malformed id is answered like an unknown one (404). */
export function idParam(req: FastifyRequest): string {
  const parsed = z.string().uuid().safeParse((req.params as Record<string, unknown> | undefined)?.id);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  return parsed.data.toLowerCase();
}

/** A posted form without its CSRF token, as the values to validate and to show again. */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const { _csrf, ...body } = (req.body ?? {}) as Record<string, unknown>;
  return body;
}

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

/** The field errors of a refused input (VALIDATION with fields), or null for anything else. */
export function formErrorsOf(err: unknown): FieldErrors | null {
  return err instanceof AppError && err.code === 'VALIDATION' && err.fields ? err.fields : null;
}

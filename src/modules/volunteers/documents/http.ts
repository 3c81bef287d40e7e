import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldErrors } from '../../../core/http/errors.js';

const Uuid = z.string().uuid();

/** The uuid in a route parameter; a malformed id is answered like an unknown one (404). */
export function idParam(req: FastifyRequest, name = 'id'): string {
  const parsed = Uuid.safeParse((req.params as Record<string, unknown> | undefined)?.[name]);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  return parsed.data;
}

/** A posted form without its CSRF token. */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const { _csrf, ...body } = (req.body ?? {}) as Record<string, unknown>;
  return body;
}

/** The field errors of a refused input, for re-rendering a form; null for any other error (rethrow it). */
export function formErrorsOf(err: unknown): FieldErrors | null {
  return err instanceof AppError && err.code === 'VALIDATION' && err.fields ? err.fields : null;
}

/** Sends a PDF as a download with an ASCII-only file name; never cached (personal data). */
export function sendPdf(reply: FastifyReply, file: { bytes: Buffer; fileName: string }) {
  return reply
    .status(200)
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

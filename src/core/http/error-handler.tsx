import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../ui/render.js';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from './errors.js';
import { fieldErrors } from './validation.js';

/** Turns anything thrown into an AppError; unknown errors become INTERNAL (logged, never shown). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError('VALIDATION', 'error.validation', fieldErrors(err));
  const e = err as FastifyError & { statusCode?: number };
  const code = e?.code ?? '';
  if (code.startsWith('FST_CSRF')) return new AppError('CSRF');
  const byCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
    FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  };
  if (byCode[code]) return new AppError(byCode[code]!);
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED');
  if (e?.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('BAD_REQUEST');
  return new AppError('INTERNAL');
}

export const wantsJson = (req: FastifyRequest) => req.url.startsWith('/api/') || req.url === '/healthz';

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (wantsJson(req)) {
    const fields = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, req.t(v.key, v.params)]))
      : undefined;
    return reply
      .status(error.status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ error: { code: error.code, message: req.t(error.messageKey, error.params), ...(fields ? { fields } : {}), requestId: req.id } }));
  }
  return sendPage(
    req,
    reply,
    (ctx) => ctx.t(`error.title.${error.code.toLowerCase()}`),
    (ctx) => (
      <section class="error-page">
        <h1>{ctx.t(`error.title.${error.code.toLowerCase()}`)}</h1>
        <p>{ctx.t(error.messageKey, error.params)}</p>
        {error.fields && (
          <ul>
            {Object.entries(error.fields).map(([name, f]) => (
              <li>
                {name}: {ctx.t(f.key, f.params)}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/">{ctx.t('error.backHome')}</a>
        </p>
        <p class="muted">{ctx.t('error.reference', { id: req.id })}</p>
      </section>
    ),
    error.status,
  );
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    if (error.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
    else req.log.info({ code: error.code }, 'request refused');
    // Errors can happen before the locale hook ran (body parsing): fall back to defaults.
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) }, (req, reply) => sendError(req, reply, new AppError('NOT_FOUND')));
}

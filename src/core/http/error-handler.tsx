import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { direction, negotiateLocale, translator, type Locale, type MessageKey } from '../i18n/index.js';
import type { PageContext } from '../ui/context.js';
import { renderPage, sendBarePage, sendPage } from '../ui/render.js';
import { ZodError } from 'zod';
import { isApiRequest } from './access.js';
import { AppError, loggableError, lowerCode, type ErrorCode } from './errors.js';
import { LANG_COOKIE } from './request-context.js';
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

export const wantsJson = (req: FastifyRequest) => isApiRequest(req) || req.url === '/healthz';

/**
 * The message of an error for this request: a refused read (a bad filter in a GET) says the request has wrong values,
 * not that "nothing was saved", which only a refused write can mean.
 */
const messageKeyOf = (req: FastifyRequest, error: AppError) =>
  error.messageKey === 'error.validation' && (req.method === 'GET' || req.method === 'HEAD') ? 'error.validationQuery' : error.messageKey;

/** The body of the API's error: `{ "error": { "code", "message", "fields"?, "requestId" } }`. */
function errorJson(error: AppError, messageKey: MessageKey, t: FastifyRequest['t'], requestId: string): string {
  const fields = error.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, t(v.key, v.params)])) : undefined;
  return JSON.stringify({ error: { code: error.code, message: t(messageKey, error.params), ...(fields ? { fields } : {}), requestId } });
}

const errorTitle = (ctx: PageContext, error: AppError) => ctx.t(`error.title.${lowerCode(error.code)}`);

function ErrorPage({ ctx, error, messageKey, requestId }: { ctx: PageContext; error: AppError; messageKey: MessageKey; requestId: string }) {
  return (
    <section class="error-page">
      <h1>{errorTitle(ctx, error)}</h1>
      <p>{ctx.t(messageKey, error.params)}</p>
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
      <p class="muted">
        {ctx.t('error.reference')}{' '}
        <code dir="ltr" class="nowrap">
          {requestId}
        </code>
      </p>
    </section>
  );
}

/** Answers with the API's JSON error (under /api/) or the error page; `page` sends the page (a bare one before any hook ran). */
export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError, page = sendPage) {
  const messageKey = messageKeyOf(req, error);
  if (wantsJson(req)) return reply.status(error.status).type('application/json; charset=utf-8').send(errorJson(error, messageKey, req.t, req.id));
  return page(req, reply, (ctx) => errorTitle(ctx, error), (ctx) => <ErrorPage ctx={ctx} error={error} messageKey={messageKey} requestId={req.id} />, error.status);
}

/**
 * The headers helmet would have set (its hook did not run): the error page is static, so the policy is strict.
 */
const BARE_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/**
 * Fastify's `frameworkErrors` option. The router refuses a URL that is not valid percent-encoding
 * (FST_ERR_BAD_URL) or a path parameter longer than `maxParamLength` (FST_ERR_MAX_PARAM_LENGTH) before any hook
 * runs, on a request object without the app's decorators: no session, no parsed cookies, no language yet.
 * Answers like any refused request (400 BAD_REQUEST) with the API's JSON error or the signed-out error page in the
 * visitor's language (`?lang=`, the language cookie, Accept-Language, else `defaultLocale`), never with Fastify's
 * own body, which repeats the URL.
 */
export function frameworkErrorHandler(defaultLocale: Locale) {
  return function answerFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
    req.locale = negotiateLocale({
      query: /[?&]lang=([a-z]{2})(?:&|$)/.exec(req.url)?.[1],
      cookie: req.server.parseCookie(req.headers.cookie ?? '')[LANG_COOKIE],
      acceptLanguage: req.headers['accept-language'],
      fallback: defaultLocale,
    });
    req.t = translator(req.locale);
    const error = toAppError(err);
    req.log.info({ code: error.code, cause: err.code }, 'request refused by the router');
    reply.headers(BARE_SECURITY_HEADERS);
    return sendError(req, reply, error, sendBarePage);
  };
}

/**
 * Fastify's `clientErrorHandler` option: Node could not parse the request (a request line or headers over its
 * 16 KB limit, a malformed header) or it timed out, so there is only the socket. Writes 400 BAD_REQUEST as the
 * API's JSON error when the request line asks for /api/, otherwise as the error page in the default language
 * (the headers that would say otherwise may be what was cut off), and closes the connection.
 */
export function clientErrorHandler(defaultLocale: Locale) {
  return function answerClientError(this: FastifyInstance, err: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) {
      const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
      const error = new AppError('BAD_REQUEST');
      const requestId = randomUUID();
      const t = translator(defaultLocale);
      const head = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.subarray(0, 32).toString('latin1') : '';
      const json = /^[A-Z]+ \/api\//.test(head);
      const ctx: PageContext = { locale: defaultLocale, dir: direction(defaultLocale), t, path: '/', csrfToken: '' };
      const body = timeout
        ? ''
        : json
          ? errorJson(error, error.messageKey, t, requestId)
          : renderPage(ctx, (c) => errorTitle(c, error), (c) => <ErrorPage ctx={c} error={error} messageKey={error.messageKey} requestId={requestId} />);
      const headers = [
        timeout ? 'HTTP/1.1 408 Request Timeout' : 'HTTP/1.1 400 Bad Request',
        `Content-Type: ${json ? 'application/json' : 'text/html'}; charset=utf-8`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'Connection: close',
        ...Object.entries(BARE_SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${headers.join('\r\n')}\r\n\r\n${body}`);
      this.log.info({ code: err.code, requestId }, 'request refused by the HTTP parser');
    }
    socket.destroy(err);
  };
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    if (error.code === 'INTERNAL') req.log.error({ err: loggableError(err) }, 'unhandled error');
    else req.log.info({ code: error.code }, 'request refused');
    // Errors can happen before the locale hook ran (body parsing): fall back to defaults.
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) }, (req, reply) => sendError(req, reply, new AppError('NOT_FOUND')));
}

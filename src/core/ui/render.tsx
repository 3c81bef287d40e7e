import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { direction, hasMessage, type MessageKey } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

const FLASH_COOKIE = 'tandem_flash';

/**
 * A message for the next page (after a redirect). Only a catalogue key and plain parameters travel in
 * the cookie; unknown keys are dropped, so the cookie cannot inject text.
 */
export function setFlash(reply: FastifyReply, kind: 'success' | 'error' | 'info', key: MessageKey, params?: Record<string, string | number>) {
  reply.setCookie(FLASH_COOKIE, JSON.stringify({ kind, key, params }), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

function takeFlash(req: FastifyRequest, reply: FastifyReply): PageContext['flash'] {
  const raw = req.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  try {
    const f = JSON.parse(raw) as { kind?: string; key?: string; params?: Record<string, string | number> };
    if (typeof f.key !== 'string' || !hasMessage(f.key)) return undefined;
    const kind = f.kind === 'error' || f.kind === 'info' ? f.kind : 'success';
    const params = f.params && typeof f.params === 'object' ? f.params : undefined;
    return { kind, text: req.t(f.key, params) };
  } catch {
    return undefined;
  }
}

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  const auth = req.auth;
  return {
    locale: req.locale,
    dir: direction(req.locale),
    t: req.t,
    path: req.url.split('?')[0] ?? '/',
    csrfToken: reply.generateCsrf({ userInfo: req.auth?.sessionHash ?? 'anonymous' }),
    flash: takeFlash(req, reply),
    user:
      auth && auth.mfaPassed
        ? {
            displayName: auth.displayName,
            roles: auth.roles,
            organisationName: auth.organisation?.name,
            organisations: auth.organisations,
            currentOrganisationId: auth.organisation?.id,
            networkManager: auth.networkManager,
            administrator: auth.administrator,
          }
        : undefined,
  };
}

/** Renders a full page in the layout and sends it. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  title: string | ((ctx: PageContext) => string),
  body: (ctx: PageContext) => ComponentChildren,
  status = 200,
) {
  const html = renderPage(pageContext(req, reply), title, body);
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/**
 * A page for a request the router refused before any hook ran: no session, no cookies, no CSRF token, so the
 * layout is the signed-out one. `req.locale` and `req.t` must be set by the caller.
 */
export function sendBarePage(
  req: FastifyRequest,
  reply: FastifyReply,
  title: string | ((ctx: PageContext) => string),
  body: (ctx: PageContext) => ComponentChildren,
  status = 200,
) {
  const ctx: PageContext = { locale: req.locale, dir: direction(req.locale), t: req.t, path: req.url.split('?')[0] ?? '/', csrfToken: '' };
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(ctx, title, body));
}

/** The HTML of a full page in the layout. */
export function renderPage(ctx: PageContext, title: string | ((ctx: PageContext) => string), body: (ctx: PageContext) => ComponentChildren): string {
  const heading = typeof title === 'function' ? title(ctx) : title;
  return `<!doctype html>${render(<Layout ctx={ctx} title={heading}>{body(ctx)}</Layout>)}`;
}

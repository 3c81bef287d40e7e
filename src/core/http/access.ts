import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../auth/session.js';
import { AppError } from './errors.js';
import { holdsAny } from '../policy.js';
import type { Access } from './types.js';

/**
 * Whether the request is for the JSON API, by the route that matched — never by the raw URL, which a client can
 * spell differently (`/%61pi/…` reaches the same route) to have its session cookie accepted on the API and skip CSRF.
 * Unmatched requests fall back to the decoded path, only to choose the shape of the 404.
 */
export function isApiRequest(req: FastifyRequest): boolean {
  const route = req.routeOptions?.url;
  if (route) return route.startsWith('/api/');
  if (req.url.startsWith('/api/')) return true;
  try {
    return decodeURIComponent(req.url.split('?')[0]!).startsWith('/api/');
  } catch {
    return false;
  }
}

/**
 * True when an administrator (of any of their organisations: switching to another one must not be a way round it)
 * must still set up two-factor authentication before using the app.
 */
export function needsMfaSetup(auth: Auth): boolean {
  return auth.via === 'session' && auth.administrator && !auth.totpEnabled;
}

/**
 * The role check every route passes through (preHandler). Pages send someone who is not signed in to the
 * sign-in page; the API answers 401. Anything not allowed is 403 — or 404 where existence itself is private.
 */
export async function checkAccess(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const access = req.routeOptions.config.access as Access | undefined;
  if (!access) throw new AppError('FORBIDDEN'); // unreachable: routes without access are refused at start-up
  if (access === 'public') return;
  const auth = req.auth;
  if (!auth) {
    if (isApiRequest(req) || req.method !== 'GET') throw new AppError('UNAUTHENTICATED');
    return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  }
  if (access === 'mfa-pending') {
    if (auth.mfaPassed) return reply.redirect('/', 303);
    return;
  }
  if (!auth.mfaPassed) {
    if (isApiRequest(req)) throw new AppError('UNAUTHENTICATED');
    return reply.redirect('/sign-in/two-factor', 303);
  }
  if (needsMfaSetup(auth) && !req.routeOptions.config.beforeMfaSetup) {
    if (isApiRequest(req)) throw new AppError('FORBIDDEN', 'error.mfaRequired');
    return reply.redirect('/account/security', 303);
  }
  // The API takes bearer tokens only: a session (a cookie the browser sends by itself) never reaches it.
  if (isApiRequest(req) && auth.via !== 'token') throw new AppError('UNAUTHENTICATED');
  if (access === 'signed-in') return;
  if (access === 'network') {
    if (!auth.networkManager) throw new AppError('FORBIDDEN');
    return;
  }
  if (!auth.organisation || !holdsAny(auth.roles, access.roles)) throw new AppError('FORBIDDEN');
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../auth/session.js';
import { AppError } from './errors.js';
import type { Access } from './types.js';

const isApi = (url: string) => url.startsWith('/api/');

/** True when an administrator must still set up two-factor authentication before using the app. */
export function needsMfaSetup(auth: Auth): boolean {
  return auth.via === 'session' && auth.roles.includes('administrator') && !auth.totpEnabled;
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
    if (isApi(req.url) || req.method !== 'GET') throw new AppError('UNAUTHENTICATED');
    return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  }
  if (access === 'mfa-pending') {
    if (auth.mfaPassed) return reply.redirect('/', 303);
    return;
  }
  if (!auth.mfaPassed) {
    if (isApi(req.url)) throw new AppError('UNAUTHENTICATED');
    return reply.redirect('/sign-in/two-factor', 303);
  }
  if (needsMfaSetup(auth) && !req.routeOptions.config.beforeMfaSetup) {
    if (isApi(req.url)) throw new AppError('FORBIDDEN', 'error.mfaRequired');
    return reply.redirect('/account/security', 303);
  }
  if (access === 'signed-in') return;
  if (access === 'network') {
    if (!auth.networkManager) throw new AppError('FORBIDDEN');
    return;
  }
  if (!auth.organisation || !access.roles.some((r) => auth.roles.includes(r))) throw new AppError('FORBIDDEN');
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { REMEMBERED_MS, SESSION_COOKIE } from './session.js';

/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS. It ends with the browser
 * unless the person chose "remember me".
 */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, remember = false) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    ...(remember ? { maxAge: REMEMBERED_MS / 1000 } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

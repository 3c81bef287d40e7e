import type { FastifyReply, FastifyRequest } from 'fastify';
import { ABSOLUTE_MS, SESSION_COOKIE } from './session.js';

/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

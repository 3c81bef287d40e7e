import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import type { Role } from './tenancy.table.js';

export type RequestActor = Actor & { roles: readonly Role[] };

/** The actor of a request in its current organisation; routes with a role check always have one. */
export function actorOf(req: FastifyRequest): RequestActor {
  const org = req.auth?.organisation;
  if (!req.auth || !org) throw new AppError('FORBIDDEN');
  return { organisationId: org.id, userId: req.auth.userId, requestId: req.id, roles: req.auth.roles };
}

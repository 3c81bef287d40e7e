import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import { clockAt, type OrgClock } from './org-clock.js';
import type { OrgFacts } from './org-facts.js';
import type { Role } from './tenancy.table.js';

/**
 * The actor of a request: who, in which organisation, with which roles, and the organisation's facts (`org`: name,
 * zone, language, country) and clock (`clock`: one `now` and that day's date in the organisation's zone) loaded
 * with the session, so no service looks them up again.
 */
export type RequestActor = Actor & { roles: readonly Role[]; org: OrgFacts; clock: OrgClock };

const actors = new WeakMap<FastifyRequest, RequestActor>();

/** The actor of a request in its current organisation (the same object for the whole request); routes with a role check always have one. */
export function actorOf(req: FastifyRequest): RequestActor {
  const org = req.auth?.organisation;
  if (!req.auth || !org) throw new AppError('FORBIDDEN');
  let actor = actors.get(req);
  if (!actor || actor.organisationId !== org.id || actor.userId !== req.auth.userId) {
    actor = { organisationId: org.id, userId: req.auth.userId, requestId: req.id, roles: req.auth.roles, org, clock: clockAt(new Date(), org.timeZone) };
    actors.set(req, actor);
  }
  return actor;
}

import type { ModuleContext } from '../../../core/module.js';
import { withTenant } from '../../../core/db/tx.js';
import { apiDoc } from '../../../core/http/api.js';
import { AppError } from '../../../core/http/errors.js';
import { parseInput } from '../../../core/http/validation.js';
import { isLocale } from '../../../core/i18n/index.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { findOrganisationById } from './application.repository.js';
import { ApplicationInput, ApplicationOutput } from './application.schemas.js';
import { submitApplication } from './application.service.js';

/**
 * POST /api/v1/volunteers/applications: staff (coordinator, administrator) enter an application on someone's
 * behalf — the same schema and the same writes as the public form, with source `staff`. The applicant's
 * language is `locale` (default: the organisation's language).
 */
export function applicationApi({ app, db, config }: ModuleContext) {
  app.post(
    '/api/v1/volunteers/applications',
    {
      config: { access: { roles: volunteersPolicy.manage } },
      schema: apiDoc({ summary: 'Enter a volunteer application on someone’s behalf', tag: 'volunteers', body: ApplicationInput, response: { 201: ApplicationOutput } }),
    },
    async (req, reply) => {
      const input = parseInput(ApplicationInput, req.body);
      const actor = actorOf(req);
      const org = await withTenant(db, actor, (tx) => findOrganisationById(tx, actor.organisationId));
      if (!org) throw new AppError('NOT_FOUND');
      const locale = input.locale ?? (isLocale(org.defaultLocale) ? org.defaultLocale : 'pl');
      const created = await submitApplication(db, org, input, locale, { source: 'staff', userId: actor.userId, requestId: req.id, baseUrl: config.baseUrl });
      return reply.status(201).send(created);
    },
  );
}

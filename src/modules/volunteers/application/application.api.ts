import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
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
      config: { access: { roles: volunteersPolicy.roles('manage') } },
      schema: apiDoc({
        summary: 'Enter a volunteer application on someone’s behalf',
        tag: 'volunteers',
        body: ApplicationInput,
        response: { 201: ApplicationOutput },
        example: {
          body: {
            givenName: 'Мар’яна',
            familyName: 'Шевчук',
            email: 'maryana.shevchuk@example.org',
            languages: [{ code: 'uk', level: 'native' }, { code: 'pl', level: 'B2' }],
            availability: ['sat-morning'],
            activities: ['events'],
            plannedLength: 'up_to_30',
            interests: ['music'],
            consents: { application: true },
            locale: 'uk',
          },
        },
      }),
    },
    async (req, reply) => {
      const input = parseInput(ApplicationInput, req.body);
      const actor = actorOf(req);
      const { org } = actor;
      const locale = input.locale ?? org.locale;
      const created = await submitApplication(db, org, input, locale, { source: 'staff', userId: actor.userId, requestId: req.id, baseUrl: config.baseUrl });
      return reply.status(201).send(created);
    },
  );
}

import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { createMentee } from '../intake/intake.service.js';
import { listMentees } from '../list/list.service.js';
import { MenteeInput, MenteeOutput, MenteePage, MenteeQuery } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import { getMentee } from './mentee-output.js';

/**
 * JSON API of the people an organisation supports: the list (with the page's tabs and filters), one person, and
 * recording a person (the same schema and writes as the intake page). Case notes are never part of the API.
 */
export function menteesApi({ app, db }: ModuleContext) {
  const read = { access: { roles: menteesPolicy.roles('read') } };
  const manage = { access: { roles: menteesPolicy.roles('manage') } };

  app.get(
    '/api/v1/mentees',
    { config: read, schema: apiDoc({ summary: 'List mentees (status tab, search, programme, need, district, page)', tag: 'mentees', querystring: MenteeQuery, response: { 200: MenteePage } }) },
    async (req) => {
      const { items, total, page, pageSize } = await listMentees(db, actorOf(req), parseInput(MenteeQuery, req.query), req.locale);
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/api/v1/mentees/:id',
    { config: read, schema: apiDoc({ summary: 'One mentee: profile, status and consents (no case notes)', tag: 'mentees', params: IdParams, response: { 200: MenteeOutput } }) },
    async (req) => getMentee(db, actorOf(req), idParam(req)),
  );

  app.post(
    '/api/v1/mentees',
    {
      config: manage,
      schema: apiDoc({
        summary: 'Record a person who needs support (on the waiting list at once)',
        tag: 'mentees',
        body: MenteeInput,
        example: {
          body: {
            givenName: 'Yusuf',
            familyName: 'Darwish',
            email: 'yusuf.darwish@example.org',
            locale: 'ar',
            needs: ['job_search', 'language_practice'],
            languages: [{ code: 'ar', level: 'native' }, { code: 'pl', level: 'A2' }],
            availability: ['mon-morning'],
            interests: ['football'],
            consents: { support: 'consent', contactEmail: true },
          },
        },
        response: { 201: MenteeOutput, 422: ApiError.describe('Invalid input, or a programme, district or social worker not of the organisation (code VALIDATION, `fields`); nothing was written') },
      }),
    },
    async (req, reply) => {
      const input = parseInput(MenteeInput, req.body);
      const actor = actorOf(req);
      const id = await createMentee(db, actor, input);
      return reply.status(201).send(await getMentee(db, actor, id));
    },
  );
}

import { z } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { DocumentOutput, IssueForm } from './documents.schemas.js';
import { issueDocument, listDocuments, viewDocument } from './documents.service.js';
import { idParam } from './http.js';

const VolunteerParams = z.object({ id: z.string().uuid() });

/** JSON API: a volunteer's documents, and issuing one. Same schemas and services as the pages. */
export function documentsApi({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.roles('read') } };
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };

  app.get(
    '/api/v1/volunteers/:id/documents',
    { config: read, schema: apiDoc({ summary: 'Documents issued to a volunteer', tag: 'volunteers', params: VolunteerParams, response: { 200: z.array(DocumentOutput) } }) },
    async (req) => listDocuments(db, actorOf(req), idParam(req), config.baseUrl),
  );

  app.post(
    '/api/v1/volunteers/:id/documents',
    { config: manage, schema: apiDoc({ summary: 'Issue an agreement, a certificate of service or a reference', tag: 'volunteers', params: VolunteerParams, body: IssueForm, response: { 201: DocumentOutput }, example: { body: { kind: 'certificate', locale: 'pl', scope: 'mentoring rodziny z Ukrainy', periodFrom: '2025-05-01', periodTo: '2025-10-31', hours: 22 } } }) },
    async (req, reply) => {
      const volunteerId = idParam(req);
      const input = parseInput(IssueForm, req.body);
      const actor = actorOf(req);
      const { id } = await issueDocument(db, actor, volunteerId, input);
      return reply.status(201).send(await viewDocument(db, actor, id, config.baseUrl));
    },
  );
}

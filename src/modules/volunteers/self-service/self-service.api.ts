import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { idParam } from '../documents/http.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { AcceptInput, OwnDocumentOutput } from './self-service.schemas.js';
import { acceptMyAgreement, viewMyDocument, type OwnDocument } from './self-service.service.js';

/** Keeps the service's dates out of the answer as ISO 8601 strings; nothing else leaves. */
function presentOwn(d: OwnDocument): OwnDocumentOutput {
  return {
    id: d.id,
    kind: d.kind,
    locale: d.locale,
    title: d.title,
    body: d.body,
    issuedAt: d.issuedAt.toISOString(),
    acceptedHow: d.acceptedHow,
    acceptedAt: d.acceptedAt?.toISOString() ?? null,
    ...(d.lawyerNote !== undefined ? { lawyerNote: d.lawyerNote } : {}),
  };
}

/**
 * JSON API of the volunteer's own documents: read one, and accept one's own agreement electronically. The document is
 * found through the caller's own volunteer record (never by whose id the request names): anyone else's is 404.
 */
export function selfServiceApi({ app, db }: ModuleContext) {
  const self = { access: { roles: volunteersPolicy.roles('self') } };

  app.get(
    '/api/v1/me/volunteer/documents/:id',
    { config: self, schema: apiDoc({ summary: 'One of my documents as a volunteer', tag: 'volunteers', params: IdParams, response: { 200: OwnDocumentOutput } }) },
    async (req) => presentOwn(await viewMyDocument(db, actorOf(req), idParam(req))),
  );

  app.post(
    '/api/v1/me/volunteer/documents/:id/accept',
    {
      config: self,
      schema: apiDoc({
        summary: 'Accept my volunteer agreement electronically',
        tag: 'volunteers',
        params: IdParams,
        body: AcceptInput,
        response: { 200: OwnDocumentOutput, 409: ApiError.describe('Already accepted, or not an agreement (code CONFLICT); nothing was written') },
        example: { body: { confirm: true } },
      }),
    },
    async (req) => {
      const id = idParam(req);
      parseInput(AcceptInput, req.body ?? {});
      return presentOwn(await acceptMyAgreement(db, actorOf(req), id));
    },
  );
}

import { z } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf, type RequestActor } from '../../../core/tenancy/actor.js';
import { inviteApprovedVolunteer } from '../self-service/invite.service.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { DocumentOutput, InvitationOutput, IssueForm, QualifiedUploadInput } from './documents.schemas.js';
import { issueDocument, listDocuments, markPaperSigned, revokeDocument, viewDocument } from './documents.service.js';
import { idParam } from './http.js';
import { SIGNED_FILE_MAX_BYTES, uploadQualifiedAgreement } from './qualified.service.js';

const VolunteerParams = z.object({ id: z.string().uuid() });

/** The largest JSON body of an upload: the file's limit in base64 (4 characters per 3 bytes) and room for the rest. */
const QUALIFIED_BODY_LIMIT = Math.ceil(SIGNED_FILE_MAX_BYTES / 3) * 4 + 1024 * 1024;

/** A minimal signed PDF in base64, for the documented example (Tandem does not verify the signature itself). */
const EXAMPLE_PDF = Buffer.from('%PDF-1.7\n% porozumienie podpisane kwalifikowanym podpisem elektronicznym\n%%EOF\n').toString('base64');

/**
 * JSON API of the documents: a volunteer's documents, issuing one, one document, and the actions of the documents
 * panel (paper signature, upload of the agreement signed with a qualified electronic signature, revocation, the
 * account invitation). Same schemas and services as the pages; each action answers with the document as it is now.
 */
export function documentsApi({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.roles('read') } };
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };
  const refused = (what: string) => ({ 200: DocumentOutput, 409: ApiError.describe(`${what} (code CONFLICT; \`message\` says which); nothing was written`) });
  /**
   * A panel action on one document, `POST /api/v1/volunteers/documents/:id/<action>`: runs `act` (the page's service),
   * then answers with the document as it is now (an audited read, as the issue's answer).
   */
  const documentAction = (action: string, schema: ReturnType<typeof apiDoc>, act: (actor: RequestActor, id: string, body: unknown) => Promise<unknown>, bodyLimit?: number) =>
    app.post(`/api/v1/volunteers/documents/:id/${action}`, { config: manage, schema, ...(bodyLimit ? { bodyLimit } : {}) }, async (req) => {
      const id = idParam(req);
      const actor = actorOf(req);
      await act(actor, id, req.body);
      return viewDocument(db, actor, id, config.baseUrl);
    });

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

  app.get(
    '/api/v1/volunteers/documents/:id',
    { config: read, schema: apiDoc({ summary: 'One document issued to a volunteer', tag: 'volunteers', params: IdParams, response: { 200: DocumentOutput } }) },
    async (req) => viewDocument(db, actorOf(req), idParam(req), config.baseUrl),
  );

  documentAction('paper-signed', apiDoc({ summary: 'Record that an agreement was signed on paper', tag: 'volunteers', params: IdParams, response: refused('Not an agreement, already accepted or signed, or revoked') }), (actor, id) =>
    markPaperSigned(db, actor, id),
  );

  documentAction(
    'qualified',
    apiDoc({
      summary: 'Upload the agreement signed with a qualified electronic signature (PDF, XAdES or ASiC-E, at most 5 MB, in base64; Tandem does not verify the signature: `signatureChecked` confirms a person did)',
      tag: 'volunteers',
      params: IdParams,
      body: QualifiedUploadInput,
      response: { ...refused('Not an agreement, already signed on paper or with a qualified signature, or revoked'), 413: ApiError.describe('The request is larger than a 5 MB file in base64 (code PAYLOAD_TOO_LARGE)') },
      example: { body: { file: { name: 'porozumienie-podpisane.pdf', contentBase64: EXAMPLE_PDF }, signatureChecked: true } },
    }),
    (actor, id, body) => uploadQualifiedAgreement(db, actor, id, parseInput(QualifiedUploadInput, body)),
    QUALIFIED_BODY_LIMIT,
  );

  documentAction('revoke', apiDoc({ summary: 'Revoke a document (its verification link stops confirming it; an open agreement can no longer be accepted)', tag: 'volunteers', params: IdParams, response: refused('Already revoked') }), (actor, id) =>
    revokeDocument(db, actor, id),
  );

  app.post(
    '/api/v1/volunteers/:id/invitation',
    {
      config: manage,
      schema: apiDoc({
        summary: 'Send an approved volunteer an invitation to create their account (again: a fresh link)',
        tag: 'volunteers',
        params: VolunteerParams,
        response: { 201: InvitationOutput, 409: ApiError.describe('Not approved yet, or no e-mail address on file (code CONFLICT; `message` says which); nothing was sent') },
      }),
    },
    async (req, reply) => {
      const volunteerId = idParam(req);
      const { personId, outcome } = await inviteApprovedVolunteer(db, actorOf(req), volunteerId, config.baseUrl);
      return reply.status(201).send({ volunteerId, personId, outcome } satisfies z.infer<typeof InvitationOutput>);
    },
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { flashConflict, submitForm } from '../../../core/http/form.js';
import { isUploadedFile } from '../../../core/http/multipart.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { formBody, idParam } from './http.js';
import { agreementForUpload, signedFileForStaff, uploadQualifiedAgreement } from './qualified.service.js';
import { QualifiedFormView } from './views/qualified-form.js';

/**
 * The agreement signed with a qualified electronic signature: the upload form (manage roles), the upload itself
 * (multipart, CSRF as every form) and the download of the stored file (read roles, audited).
 */
export function qualifiedPages({ app, db }: ModuleContext) {
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };
  const read = { access: { roles: volunteersPolicy.roles('read') } };

  const page = async (req: FastifyRequest, reply: FastifyReply, docId: string, form: FormState, status = 200) => {
    const doc = await agreementForUpload(db, actorOf(req), docId);
    return sendPage(req, reply, (c) => c.t('volunteers.documents.qualified.title'), (ctx) => <QualifiedFormView ctx={ctx} doc={doc} form={form} />, status);
  };

  app.get('/volunteers/documents/:docId/qualified', { config: manage }, async (req, reply) => page(req, reply, idParam(req, 'docId'), emptyForm()));

  app.post('/volunteers/documents/:docId/qualified', { config: { ...manage, upload: true } }, async (req, reply) => {
    const docId = idParam(req, 'docId');
    const body = formBody(req);
    return submitForm(req, reply, {
      // The file is never echoed back: a browser cannot pre-fill a file input.
      values: Object.fromEntries(Object.entries(body).filter(([, v]) => !isUploadedFile(v))),
      view: (form, status) => page(req, reply, docId, form, status),
      // The service checks the upload itself (type, size, signature).
      action: () => uploadQualifiedAgreement(db, actorOf(req), docId, body),
      success: ({ volunteerId }) => ({ flash: 'volunteers.documents.qualified.done', redirect: `/volunteers/${volunteerId}#documents` }),
      conflict: flashConflict(reply, `/volunteers/documents/${docId}/qualified`),
    });
  });

  app.get('/volunteers/documents/:docId/signed-file', { config: read }, async (req, reply) => {
    const file = await signedFileForStaff(db, actorOf(req), idParam(req, 'docId'));
    return reply
      .status(200)
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
}

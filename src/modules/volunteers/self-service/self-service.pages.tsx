import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import type { FieldErrors } from '../../../core/http/errors.js';
import { flashConflict, submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { formBody, idParam, sendPdf } from '../documents/http.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { AcceptInput, ProfileInput, profileFromForm } from './self-service.schemas.js';
import { acceptMyAgreement, myDocumentPdf, myVolunteering, updateMyProfile, viewMyDocument, type MyVolunteering } from './self-service.service.js';
import { MyDocumentView } from './views/my-document.js';
import { MyVolunteeringView } from './views/my-volunteering.js';

/** The profile as form values (languages as one `lang_<code>` select each). */
function profileValues(me: MyVolunteering): Record<string, unknown> {
  const p = me.profile;
  return {
    phone: p.phone ?? '',
    district: p.district ?? '',
    hoursPerMonth: p.hoursPerMonth ?? '',
    availability: p.availability,
    ...Object.fromEntries(p.languages.map((l) => [`lang_${l.code}`, l.level])),
  };
}

/** Errors of nested fields (`languages.2.level`) are shown on their group. */
const groupErrors = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.startsWith('languages') ? 'languages' : k.startsWith('availability') ? 'availability' : k, v]));

/** /me/volunteer: the volunteer's own stage, documents (read, accept, download) and profile. */
export function selfServicePages({ app, db, config }: ModuleContext) {
  const self = { access: { roles: volunteersPolicy.roles('self') } };

  const mainPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const me = await myVolunteering(db, actorOf(req));
    const shown = form ?? emptyForm(me ? profileValues(me) : {});
    return sendPage(req, reply, (c) => c.t('volunteers.self-service.title'), (ctx) => <MyVolunteeringView ctx={ctx} me={me} form={shown} />, status);
  };

  app.get('/me/volunteer', { config: self }, async (req, reply) => mainPage(req, reply, null));

  app.post('/me/volunteer/profile', { config: self }, async (req, reply) =>
    submitForm(req, reply, {
      schema: ProfileInput,
      input: profileFromForm(formBody(req)),
      inputErrors: groupErrors,
      view: (form, status) => mainPage(req, reply, form, status),
      action: (input) => updateMyProfile(db, actorOf(req), input),
      success: () => ({ flash: 'volunteers.self-service.profile.saved', redirect: '/me/volunteer' }),
    }),
  );

  const documentPage = async (req: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200) => {
    const doc = await viewMyDocument(db, actorOf(req), id);
    return sendPage(req, reply, doc.title, (ctx) => <MyDocumentView ctx={ctx} doc={doc} form={form} />, status);
  };

  app.get('/me/volunteer/documents/:docId', { config: self }, async (req, reply) => documentPage(req, reply, idParam(req, 'docId'), emptyForm()));

  app.get('/me/volunteer/documents/:docId.pdf', { config: self }, async (req, reply) => sendPdf(reply, await myDocumentPdf(db, actorOf(req), idParam(req, 'docId'), config.baseUrl)));

  app.post('/me/volunteer/documents/:docId/accept', { config: self }, async (req, reply) => {
    const id = idParam(req, 'docId');
    return submitForm(req, reply, {
      schema: AcceptInput,
      view: (form, status) => documentPage(req, reply, id, form, status),
      action: () => acceptMyAgreement(db, actorOf(req), id),
      success: () => ({ flash: 'volunteers.self-service.accept.done', redirect: `/me/volunteer/documents/${id}` }),
      // Already accepted, revoked or replaced meanwhile: the document again, saying so.
      conflict: flashConflict(reply, `/me/volunteer/documents/${id}`),
    });
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { AppError } from '../../../core/http/errors.js';
import { flashConflict, FormRefused, submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { inviteApprovedVolunteer } from '../self-service/invite.service.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { isDocumentKind, IssueForm, TemplateInput, TemplateParams, type DocumentKind, type DocumentLocale } from './documents.schemas.js';
import { issueDocument, markPaperSigned, revokeDocument, staffDocumentPdf } from './documents.service.js';
import { formBody, idParam, routeParams, sendPdf } from './http.js';
import { volunteerForIssue } from './issue.service.js';
import { getTemplate, listTemplates, placeholderErrors, previewTemplate, resetTemplate, saveTemplate } from './templates.service.js';
import { verifyDocument } from './verification.service.js';
import { IssueFormView } from './views/issue-form.js';
import { TemplateFormView } from './views/template-form.js';
import { TemplatesListView } from './views/templates-list.js';
import { NotVerifiedView, VerifiedView } from './views/verify.js';
import type { MessageKey } from '../../../core/i18n/index.js';

/** HTML routes of the documents: templates, issuing, paper signature, revocation, PDFs, the invitation, verification. */
export function documentsPages({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.roles('read') } };
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };
  const configure = { access: { roles: volunteersPolicy.roles('configure') } };

  app.get('/volunteers/templates', { config: configure }, async (req, reply) => {
    const templates = await listTemplates(db, actorOf(req));
    return sendPage(req, reply, (c) => c.t('volunteers.documents.templates.title'), (ctx) => <TemplatesListView ctx={ctx} templates={templates} />);
  });

  const templatePage = async (req: FastifyRequest, reply: FastifyReply, kind: DocumentKind, locale: DocumentLocale, form: FormState | null, status = 200) => {
    const current = await getTemplate(db, actorOf(req), kind, locale);
    const shown = form ?? emptyForm({ title: current.title, body: current.body });
    const ok = Object.keys(shown.errors).length === 0;
    const preview = ok ? previewTemplate({ title: String(shown.values.title ?? ''), body: String(shown.values.body ?? '') }, locale, current.organisationName) : null;
    return sendPage(
      req,
      reply,
      (c) => c.t('volunteers.documents.template.heading', { kind: c.t(`volunteers.documents.kind.${kind}`), language: locale }),
      (ctx) => <TemplateFormView ctx={ctx} kind={kind} locale={locale} form={shown} custom={current.custom} updatedAt={current.updatedAt} preview={preview} />,
      status,
    );
  };

  app.get('/volunteers/templates/:kind/:locale', { config: configure }, async (req, reply) => {
    const { kind, locale } = templateParams(req);
    return templatePage(req, reply, kind, locale, null);
  });

  app.post('/volunteers/templates/:kind/:locale', { config: configure }, async (req, reply) => {
    const { kind, locale } = templateParams(req);
    const body = formBody(req);
    if (body.intent === 'reset') {
      await resetTemplate(db, actorOf(req), kind, locale);
      setFlash(reply, 'success', 'volunteers.documents.template.wasReset');
      return reply.redirect(`/volunteers/templates/${kind}/${locale}`, 303);
    }
    return submitForm(req, reply, {
      schema: TemplateInput,
      view: (form, status) => templatePage(req, reply, kind, locale, form, status),
      action: async (input) => {
        if (input.intent === 'preview') {
          // A preview is the form again with the rendered document, or with what stops it (422); nothing is saved.
          const errors = placeholderErrors(input);
          throw new FormRefused(errors, Object.keys(errors).length ? 422 : 200);
        }
        await saveTemplate(db, actorOf(req), kind, locale, input);
      },
      success: () => ({ flash: 'volunteers.documents.template.saved', redirect: `/volunteers/templates/${kind}/${locale}` }),
    });
  });

  const issuePage = async (req: FastifyRequest, reply: FastifyReply, volunteerId: string, kind: DocumentKind, form: FormState | null, status = 200) => {
    const volunteer = await volunteerForIssue(db, actorOf(req), volunteerId);
    const shown = form ?? emptyForm({ kind, locale: volunteer.documentLocale });
    return sendPage(req, reply, (c) => c.t(`volunteers.documents.issue.title.${kind}`, { name: volunteer.name }), (ctx) => <IssueFormView ctx={ctx} kind={kind} volunteer={volunteer} form={shown} />, status);
  };

  app.get('/volunteers/:id/documents/new', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    const kind = (req.query as Record<string, unknown>).kind;
    if (!isDocumentKind(kind)) throw new AppError('NOT_FOUND');
    return issuePage(req, reply, id, kind, null);
  });

  app.post('/volunteers/:id/documents', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    const body = formBody(req);
    const kind = isDocumentKind(body.kind) ? body.kind : null;
    if (!kind) throw new AppError('BAD_REQUEST');
    return submitForm(req, reply, {
      schema: IssueForm,
      view: (form, status) => issuePage(req, reply, id, kind, form, status),
      action: (input) => issueDocument(db, actorOf(req), id, input),
      success: () => ({ flash: `volunteers.documents.issued.${kind}`, redirect: `/volunteers/${id}#documents` }),
    });
  });

  /** A POST from the panel: CONFLICT (already accepted, revoked, not yet approved…) comes back as a flash message. */
  const panelAction = async (req: FastifyRequest, reply: FastifyReply, back: string, work: () => Promise<string>, success: MessageKey) =>
    submitForm(req, reply, {
      action: work,
      success: (volunteerId) => ({ flash: success, redirect: `/volunteers/${volunteerId}#documents` }),
      conflict: flashConflict(reply, back),
    });

  app.post('/volunteers/documents/:docId/paper-signed', { config: manage }, async (req, reply) => {
    const docId = idParam(req, 'docId');
    return panelAction(req, reply, backTo(req), async () => (await markPaperSigned(db, actorOf(req), docId)).volunteerId, 'volunteers.documents.paperSigned');
  });

  app.post('/volunteers/documents/:docId/revoke', { config: manage }, async (req, reply) => {
    const docId = idParam(req, 'docId');
    return panelAction(req, reply, backTo(req), async () => (await revokeDocument(db, actorOf(req), docId)).volunteerId, 'volunteers.documents.revoked');
  });

  app.get('/volunteers/documents/:docId.pdf', { config: read }, async (req, reply) => {
    const file = await staffDocumentPdf(db, actorOf(req), idParam(req, 'docId'), config.baseUrl);
    return sendPdf(reply, file);
  });

  app.post('/volunteers/:id/invitation', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return panelAction(
      req,
      reply,
      `/volunteers/${id}#documents`,
      async () => {
        await inviteApprovedVolunteer(db, actorOf(req), id, config.baseUrl);
        return id;
      },
      'volunteers.documents.invite.sent',
    );
  });

  app.get('/verify/:code', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const code = String((req.params as Record<string, unknown>).code ?? '');
    const doc = await verifyDocument(db, code, req.id);
    reply.header('x-robots-tag', 'noindex');
    if (!doc) return sendPage(req, reply, (c) => c.t('volunteers.documents.verify.notFoundTitle'), (ctx) => <NotVerifiedView ctx={ctx} />, 404);
    return sendPage(req, reply, (c) => c.t('volunteers.documents.verify.title'), (ctx) => <VerifiedView ctx={ctx} doc={doc} />);
  });
}

/** Where a refused panel action returns: the volunteer page named in the form (a uuid, nothing else), or the list. */
function backTo(req: FastifyRequest): string {
  const id = formBody(req).volunteerId;
  return typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `/volunteers/${id}#documents` : '/volunteers';
}

const templateParams = (req: FastifyRequest): { kind: DocumentKind; locale: DocumentLocale } => routeParams(req, TemplateParams);

import { Checkbox, ErrorSummary, Form, SubmitButton, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DocumentText } from '../../documents/views/document-text.js';
import { documentStatus } from '../../documents/views/document-status.js';
import type { OwnDocument } from '../self-service.service.js';

/** One of the volunteer's documents, its stored text, and for an open agreement the acceptance form. */
export function MyDocumentView({ ctx, doc, form }: { ctx: PageContext; doc: OwnDocument; form: FormState }) {
  const { t } = ctx;
  const open = doc.kind === 'agreement' && !doc.acceptedAt;
  return (
    <>
      <p>
        <a href="/me/volunteer">{t('volunteers.self-service.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={{}} />
      <h1 lang={doc.locale}>{doc.title}</h1>
      <p class="muted">{documentStatus(ctx, doc)}</p>
      <div class="card" lang={doc.locale}>
        <DocumentText body={doc.body} headingLevel={2} />
      </div>
      <p>
        <a href={`/me/volunteer/documents/${doc.id}.pdf`}>{t('volunteers.documents.panel.download', { title: doc.title })}</a>
      </p>
      {doc.lawyerNote && (
        <div class="notice">
          <p>{t('volunteers.documents.policy.volunteerNote')}</p>
          <p class="note-body" dir="auto">{doc.lawyerNote}</p>
        </div>
      )}
      {open && (
        <Form ctx={ctx} action={`/me/volunteer/documents/${doc.id}/accept`}>
          <Checkbox ctx={ctx} form={form} name="confirm" label={t('volunteers.self-service.accept.confirm')} required />
          <p class="hint">{t('volunteers.self-service.accept.hint')}</p>
          <SubmitButton>{t('volunteers.self-service.accept.submit')}</SubmitButton>
        </Form>
      )}
    </>
  );
}

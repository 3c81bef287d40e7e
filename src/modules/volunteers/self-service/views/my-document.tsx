import { Form, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DocumentText } from '../../documents/views/document-text.js';
import { documentStatus } from '../../documents/views/document-status.js';
import type { OwnDocument } from '../self-service.service.js';

/** One of the volunteer's documents, its stored text, and for an open agreement the acceptance form. */
export function MyDocumentView({ ctx, doc, form }: { ctx: PageContext; doc: OwnDocument; form: FormState }) {
  const { t } = ctx;
  const open = doc.kind === 'agreement' && !doc.acceptedAt;
  const error = form.errors.confirm;
  return (
    <>
      <p>
        <a href="/me/volunteer">{t('volunteers.self-service.back')}</a>
      </p>
      {error && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">{t('form.errorSummary', { count: 1 })}</h2>
          <ul>
            <li>
              <a href="#f-confirm">{t(error.key, error.params)}</a>
            </li>
          </ul>
        </div>
      )}
      <h1 lang={doc.locale}>{doc.title}</h1>
      <p class="muted">{documentStatus(ctx, doc)}</p>
      <div class="card" lang={doc.locale}>
        <DocumentText body={doc.body} headingLevel={2} />
      </div>
      <p>
        <a href={`/me/volunteer/documents/${doc.id}.pdf`}>{t('volunteers.documents.panel.download', { title: doc.title })}</a>
      </p>
      {open && (
        <Form ctx={ctx} action={`/me/volunteer/documents/${doc.id}/accept`}>
          <div class={`field field-checkbox${error ? ' field-invalid' : ''}`}>
            <label class="checkbox" for="f-confirm">
              <input id="f-confirm" type="checkbox" name="confirm" value="true" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'f-confirm-error' : undefined} />{' '}
              {t('volunteers.self-service.accept.confirm')}
            </label>
            {error && (
              <p class="field-error" id="f-confirm-error">
                <span class="visually-hidden">{t('form.errorPrefix')} </span>
                {t(error.key, error.params)}
              </p>
            )}
          </div>
          <p class="hint">{t('volunteers.self-service.accept.hint')}</p>
          <div class="actions">
            <button type="submit" class="button">
              {t('volunteers.self-service.accept.submit')}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}

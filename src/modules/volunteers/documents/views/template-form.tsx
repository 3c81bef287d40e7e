import { formatDateTime, LANGUAGE_NAME } from '../../../../core/i18n/index.js';
import { ButtonForm, DataTable, ErrorSummary, Form, Section, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { TEMPLATE_BODY_MAX, type DocumentKind, type DocumentLocale } from '../documents.schemas.js';
import { PLACEHOLDERS } from '../placeholders.js';
import { DocumentText } from './document-text.js';

export interface TemplateFormProps {
  ctx: PageContext;
  kind: DocumentKind;
  locale: DocumentLocale;
  form: FormState;
  custom: boolean;
  updatedAt: Date | null;
  preview: { title: string; body: string } | null;
}

/** Editing one template: title and body with placeholders, the list of placeholders, a preview, reset. */
export function TemplateFormView({ ctx, kind, locale, form, custom, updatedAt, preview }: TemplateFormProps) {
  const { t } = ctx;
  const action = `/volunteers/templates/${kind}/${locale}`;
  const labels = { title: t('volunteers.documents.field.title'), body: t('volunteers.documents.field.body') };
  return (
    <>
      <p>
        <a href="/volunteers/templates">{t('volunteers.documents.templates.back')}</a>
      </p>
      <h1>{t('volunteers.documents.template.heading', { kind: t(`volunteers.documents.kind.${kind}`), language: LANGUAGE_NAME[locale] })}</h1>
      <p class="muted">{custom && updatedAt ? t('volunteers.documents.templates.edited', { date: formatDateTime(updatedAt, ctx.locale) }) : t('volunteers.documents.templates.default')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action}>
        <TextField ctx={ctx} form={form} name="title" label={labels.title} maxLength={200} required dir="auto" />
        <TextArea ctx={ctx} form={form} name="body" label={labels.body} hint={t('volunteers.documents.template.bodyHint', { max: TEMPLATE_BODY_MAX })} rows={24} maxLength={TEMPLATE_BODY_MAX} required />
        <div class="actions">
          <button type="submit" class="button" name="intent" value="save">
            {t('form.save')}
          </button>
          <button type="submit" class="button button-secondary" name="intent" value="preview">
            {t('volunteers.documents.template.preview')}
          </button>
        </div>
      </Form>
      {custom && (
        <ButtonForm ctx={ctx} action={action} look="secondary" hidden={{ intent: 'reset' }}>
          {t('volunteers.documents.template.reset')}
        </ButtonForm>
      )}
      <h2 id="placeholders-title">{t('volunteers.documents.template.placeholders')}</h2>
      <DataTable
        labelledBy="placeholders-title"
        rows={PLACEHOLDERS}
        columns={[
          { header: t('volunteers.documents.template.placeholder'), cell: (p) => <code>{`{${p}}`}</code>, dir: 'ltr' },
          { header: t('volunteers.documents.template.meaning'), cell: (p) => t(`volunteers.documents.placeholder.${p}`) },
        ]}
      />
      {preview && (
        <Section id="preview-title" title={t('volunteers.documents.template.previewTitle')}>
          <p class="hint">{t('volunteers.documents.template.previewHint')}</p>
          <div class="card" lang={locale}>
            <h3>{preview.title}</h3>
            <DocumentText body={preview.body} />
          </div>
        </Section>
      )}
    </>
  );
}

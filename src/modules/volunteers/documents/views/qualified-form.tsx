import { Checkbox, ErrorSummary, Form, LabelledField, SubmitButton, type FormState, type PageContext } from '../../../../core/ui/index.js';

/**
 * /volunteers/documents/:docId/qualified: staff upload the agreement signed with a qualified electronic signature
 * and confirm they checked the signature themselves (Tandem does not verify it).
 */
export function QualifiedFormView({ ctx, doc, form }: { ctx: PageContext; doc: { id: string; title: string; locale: string; volunteerId: string; open: boolean }; form: FormState }) {
  const { t } = ctx;
  const labels = { file: t('volunteers.documents.qualified.file'), signatureChecked: t('volunteers.documents.qualified.checked') };
  const error = form.errors.file;
  const describedBy = ['f-file-hint', error ? 'f-file-error' : ''].filter(Boolean).join(' ');
  return (
    <section class="narrow">
      <p>
        <a href={`/volunteers/${doc.volunteerId}#documents`}>{t('volunteers.documents.qualified.back')}</a>
      </p>
      <h1>{t('volunteers.documents.qualified.title')}</h1>
      <p lang={doc.locale}>{doc.title}</p>
      {!doc.open ? (
        <p>{t('volunteers.documents.qualified.notOpen')}</p>
      ) : (
        <>
          <p>{t('volunteers.documents.qualified.intro')}</p>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action={`/volunteers/documents/${doc.id}/qualified`} enctype="multipart/form-data" novalidate>
            <LabelledField ctx={ctx} form={form} name="file" label={labels.file} hint={t('volunteers.documents.qualified.fileHint')} required>
              <input type="file" id="f-file" name="file" accept=".pdf,.xades,.xml,.asice,.sce" required aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} />
            </LabelledField>
            <Checkbox ctx={ctx} form={form} name="signatureChecked" label={labels.signatureChecked} hint={t('volunteers.documents.qualified.checkedHint')} required />
            <SubmitButton>{t('volunteers.documents.qualified.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}

import { LANGUAGE_NAME } from '../../../../core/i18n/index.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DOCUMENT_LOCALES, type DocumentKind } from '../documents.schemas.js';

/** Issuing one kind of document to a volunteer: the fields that kind needs. */
export function IssueFormView({ ctx, kind, volunteer, form }: { ctx: PageContext; kind: DocumentKind; volunteer: { id: string; name: string }; form: FormState }) {
  const { t } = ctx;
  const f = <N extends string>(name: N) => `volunteers.documents.field.${name}` as const;
  const labels = Object.fromEntries((['locale', 'scope', 'place', 'periodFrom', 'periodTo', 'termination', 'hours', 'assessment'] as const).map((n) => [n, t(f(n))]));
  return (
    <section class="narrow">
      <p>
        <a href={`/volunteers/${volunteer.id}#documents`}>{t('form.cancel')}</a>
      </p>
      <h1>{t(`volunteers.documents.issue.title.${kind}`, { name: volunteer.name })}</h1>
      <p class="lead">{t(`volunteers.documents.issue.intro.${kind}`)}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/volunteers/${volunteer.id}/documents`}>
        <input type="hidden" name="kind" value={kind} />
        <SelectField
          ctx={ctx}
          form={form}
          name="locale"
          label={labels.locale!}
          hint={t('volunteers.documents.issue.localeHint')}
          required
          options={DOCUMENT_LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] }))}
        />
        <TextArea ctx={ctx} form={form} name="scope" label={labels.scope!} hint={t('volunteers.documents.issue.scopeHint')} rows={3} maxLength={2000} required />
        {kind === 'agreement' && <TextField ctx={ctx} form={form} name="place" label={labels.place!} maxLength={300} required />}
        <TextField ctx={ctx} form={form} name="periodFrom" type="date" label={labels.periodFrom!} required />
        <TextField ctx={ctx} form={form} name="periodTo" type="date" label={labels.periodTo!} required />
        {kind === 'agreement' && (
          <TextArea ctx={ctx} form={form} name="termination" label={labels.termination!} hint={t('volunteers.documents.issue.terminationHint')} rows={3} maxLength={2000} required />
        )}
        {kind !== 'agreement' && <TextField ctx={ctx} form={form} name="hours" inputMode="numeric" maxLength={6} label={labels.hours!} hint={t('volunteers.documents.issue.hoursHint')} />}
        {kind === 'reference' && <TextArea ctx={ctx} form={form} name="assessment" label={labels.assessment!} hint={t('volunteers.documents.issue.assessmentHint')} rows={8} maxLength={5000} required />}
        <SubmitButton>{t('volunteers.documents.issue.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

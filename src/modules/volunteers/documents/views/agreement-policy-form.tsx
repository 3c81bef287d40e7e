import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { LONG_SERVICE_FORMS } from '../documents.schemas.js';

/** /volunteers/settings/agreements (administrators): how agreements for service over 30 days may be concluded. */
export function AgreementPolicyView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const labels = { longServiceForm: t('volunteers.documents.policy.choice'), lawyerNote: t('volunteers.documents.policy.note') };
  return (
    <section class="narrow">
      <p>
        <a href="/volunteers">{t('volunteers.application.settings.back')}</a>
      </p>
      <h1>{t('volunteers.documents.policy.title')}</h1>
      <p>{t('volunteers.documents.policy.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/volunteers/settings/agreements" novalidate>
        <RadioGroup ctx={ctx} form={form} name="longServiceForm" label={labels.longServiceForm} required options={LONG_SERVICE_FORMS.map((f) => ({ value: f, label: t(`volunteers.documents.policy.form.${f}`) }))} />
        <TextArea ctx={ctx} form={form} name="lawyerNote" label={labels.lawyerNote} hint={t('volunteers.documents.policy.noteHint')} requiredIf={t('volunteers.documents.policy.noteRequiredIf')} rows={5} maxLength={2000} />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}

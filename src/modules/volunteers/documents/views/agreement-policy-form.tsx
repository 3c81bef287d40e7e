import { FormPage, SubmitButton, type FieldSpec, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { LONG_SERVICE_FORMS } from '../documents.schemas.js';

/** /volunteers/settings/agreements (administrators): how agreements for service over 30 days may be concluded. */
export function AgreementPolicyView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { control: 'radios', name: 'longServiceForm', label: t('volunteers.documents.policy.choice'), required: true, options: LONG_SERVICE_FORMS.map((f) => ({ value: f, label: t(`volunteers.documents.policy.form.${f}`) })) },
    {
      control: 'textarea',
      name: 'lawyerNote',
      label: t('volunteers.documents.policy.note'),
      hint: t('volunteers.documents.policy.noteHint'),
      requiredIf: t('volunteers.documents.policy.noteRequiredIf'),
      rows: 5,
      maxLength: 2000,
    },
  ];
  const back = { href: '/volunteers', label: t('volunteers.application.settings.back') };
  return (
    <FormPage ctx={ctx} form={form} fields={fields} back={back} title={t('volunteers.documents.policy.title')} intro={<p>{t('volunteers.documents.policy.intro')}</p>} action="/volunteers/settings/agreements">
      <SubmitButton>{t('form.save')}</SubmitButton>
    </FormPage>
  );
}

import { fieldLabels, Fields, FormPage, SubmitButton, type FieldSpec, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { OPTIONAL_FIELDS } from '../application.schemas.js';

/** /volunteers/settings: which optional fields the public form shows; safeguarding renewal and reminders. */
export function SettingsFormView({ ctx, form, slug }: { ctx: PageContext; form: FormState; slug: string | null }) {
  const { t } = ctx;
  const formFields: FieldSpec[] = [
    {
      control: 'checkboxes',
      name: 'hiddenFields',
      label: t('volunteers.application.settings.hiddenFields'),
      hint: t('volunteers.application.settings.hiddenFieldsHint'),
      options: OPTIONAL_FIELDS.map((f) => ({ value: f, label: t(`volunteers.application.settings.field.${f}`) })),
    },
  ];
  const safeguardingFields: FieldSpec[] = [
    { name: 'safeguardingRenewalMonths', inputMode: 'numeric', maxLength: 3, label: t('volunteers.application.settings.renewalMonths'), hint: t('volunteers.application.settings.renewalMonthsHint'), required: true },
    { name: 'reminderDays', inputMode: 'numeric', maxLength: 3, label: t('volunteers.application.settings.reminderDays'), hint: t('volunteers.application.settings.reminderDaysHint'), required: true },
  ];
  const preview = slug && (
    <p>
      <a href={`/o/${slug}/apply`}>{t('volunteers.application.settings.preview')}</a>
    </p>
  );
  const back = { href: '/volunteers', label: t('volunteers.application.settings.back') };
  return (
    <FormPage ctx={ctx} form={form} labels={fieldLabels([...formFields, ...safeguardingFields])} back={back} title={t('volunteers.application.settings.title')} intro={preview} action="/volunteers/settings">
      <h2>{t('volunteers.application.settings.formSection')}</h2>
      <Fields ctx={ctx} form={form} fields={formFields} />
      <h2>{t('volunteers.application.settings.safeguardingSection')}</h2>
      <Fields ctx={ctx} form={form} fields={safeguardingFields} />
      <SubmitButton>{t('form.save')}</SubmitButton>
    </FormPage>
  );
}

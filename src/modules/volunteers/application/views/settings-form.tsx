import { CheckboxGroup, ErrorSummary, Form, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { OPTIONAL_FIELDS } from '../application.schemas.js';

/** /volunteers/settings: which optional fields the public form shows; safeguarding renewal and reminders. */
export function SettingsFormView({ ctx, form, slug }: { ctx: PageContext; form: FormState; slug: string | null }) {
  const { t } = ctx;
  const labels = {
    hiddenFields: t('volunteers.application.settings.hiddenFields'),
    safeguardingRenewalMonths: t('volunteers.application.settings.renewalMonths'),
    reminderDays: t('volunteers.application.settings.reminderDays'),
  };
  return (
    <section class="narrow">
      <p>
        <a href="/volunteers">{t('volunteers.application.settings.back')}</a>
      </p>
      <h1>{t('volunteers.application.settings.title')}</h1>
      {slug && (
        <p>
          <a href={`/o/${slug}/apply`}>{t('volunteers.application.settings.preview')}</a>
        </p>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/volunteers/settings">
        <h2>{t('volunteers.application.settings.formSection')}</h2>
        <CheckboxGroup
          ctx={ctx}
          form={form}
          name="hiddenFields"
          label={labels.hiddenFields}
          hint={t('volunteers.application.settings.hiddenFieldsHint')}
          options={OPTIONAL_FIELDS.map((f) => ({ value: f, label: t(`volunteers.application.settings.field.${f}`) }))}
        />
        <h2>{t('volunteers.application.settings.safeguardingSection')}</h2>
        <TextField ctx={ctx} form={form} name="safeguardingRenewalMonths" inputMode="numeric" maxLength={3} label={labels.safeguardingRenewalMonths} hint={t('volunteers.application.settings.renewalMonthsHint')} required />
        <TextField ctx={ctx} form={form} name="reminderDays" inputMode="numeric" maxLength={3} label={labels.reminderDays} hint={t('volunteers.application.settings.reminderDaysHint')} required />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}

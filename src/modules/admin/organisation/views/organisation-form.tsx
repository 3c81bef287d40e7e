import { compareNames, LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { countryOptions } from '../countries.js';

export function OrganisationFormView({ ctx, form, slug }: { ctx: PageContext; form: FormState; slug: string }) {
  const { t } = ctx;
  const labels = {
    name: t('field.organisationName'),
    city: t('admin.organisation.city'),
    country: t('admin.organisation.country'),
    defaultLocale: t('admin.organisation.defaultLocale'),
  };
  return (
    <section class="narrow">
      <h1>{t('admin.organisation.title')}</h1>
      <dl class="details">
        <div>
          <dt>{t('field.slug')}</dt>
          <dd dir="ltr">
            <code>{slug}</code>
          </dd>
        </div>
      </dl>
      <p class="hint">{t('admin.organisation.slugFixed')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/admin/organisation">
        <TextField ctx={ctx} form={form} name="name" label={labels.name} maxLength={200} required />
        <TextField ctx={ctx} form={form} name="city" label={labels.city} maxLength={100} />
        <SelectField ctx={ctx} form={form} name="country" label={labels.country} required options={countryOptions(ctx.locale, compareNames(ctx.locale))} />
        <SelectField
          ctx={ctx}
          form={form}
          name="defaultLocale"
          label={labels.defaultLocale}
          hint={t('admin.organisation.defaultLocaleHint')}
          required
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] }))}
        />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}

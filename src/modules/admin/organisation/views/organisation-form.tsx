import { compareNames, LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import { FormPage, SubmitButton, type FieldSpec, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { countryOptions } from '../countries.js';

export function OrganisationFormView({ ctx, form, slug }: { ctx: PageContext; form: FormState; slug: string }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'name', label: t('field.organisationName'), maxLength: 200, required: true },
    { name: 'city', label: t('admin.organisation.city'), maxLength: 100 },
    { control: 'select', name: 'country', label: t('admin.organisation.country'), required: true, options: countryOptions(ctx.locale, compareNames(ctx.locale)) },
    {
      control: 'select',
      name: 'defaultLocale',
      label: t('admin.organisation.defaultLocale'),
      hint: t('admin.organisation.defaultLocaleHint'),
      required: true,
      options: LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] })),
    },
  ];
  const intro = (
    <>
      <dl class="details">
        <div>
          <dt>{t('field.slug')}</dt>
          <dd dir="ltr">
            <code>{slug}</code>
          </dd>
        </div>
      </dl>
      <p class="hint">{t('admin.organisation.slugFixed')}</p>
    </>
  );
  return (
    <FormPage ctx={ctx} form={form} fields={fields} title={t('admin.organisation.title')} intro={intro} action="/admin/organisation">
      <SubmitButton>{t('form.save')}</SubmitButton>
    </FormPage>
  );
}

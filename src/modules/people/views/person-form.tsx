import { LANGUAGE_NAME, LOCALES } from '../../../core/i18n/index.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FormState, type PageContext } from '../../../core/ui/index.js';

export function PersonFormView({ ctx, form, personId }: { ctx: PageContext; form: FormState; personId: string | null }) {
  const { t } = ctx;
  const labels = {
    givenName: t('field.givenName'),
    familyName: t('field.familyName'),
    email: t('field.email'),
    phone: t('field.phone'),
    birthDate: t('field.birthDate'),
    locale: t('field.locale'),
  };
  return (
    <section class="narrow">
      <p>
        <a href={personId ? `/people/${personId}` : '/people'}>{t('form.cancel')}</a>
      </p>
      <h1>{t(personId ? 'people.edit' : 'people.new')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={personId ? `/people/${personId}/edit` : '/people/new'}>
        <TextField ctx={ctx} form={form} name="givenName" label={labels.givenName} autocomplete="off" maxLength={100} required />
        <TextField ctx={ctx} form={form} name="familyName" label={labels.familyName} autocomplete="off" maxLength={100} required />
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="off" dir="ltr" />
        <TextField ctx={ctx} form={form} name="phone" type="tel" label={labels.phone} hint={t('field.phoneHint')} autocomplete="off" dir="ltr" />
        <TextField ctx={ctx} form={form} name="birthDate" type="date" label={labels.birthDate} />
        <SelectField ctx={ctx} form={form} name="locale" label={labels.locale} required options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] }))} />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}

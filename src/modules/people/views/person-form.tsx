import { LANGUAGE_NAME, LOCALES } from '../../../core/i18n/index.js';
import { FormPage, SubmitButton, type FieldSpec, type FormState, type PageContext } from '../../../core/ui/index.js';

export function PersonFormView({ ctx, form, personId }: { ctx: PageContext; form: FormState; personId: string | null }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'givenName', label: t('field.givenName'), autocomplete: 'off', maxLength: 100, required: true },
    { name: 'familyName', label: t('field.familyName'), autocomplete: 'off', maxLength: 100, required: true },
    { name: 'email', type: 'email', label: t('field.email'), autocomplete: 'off', dir: 'ltr' },
    { name: 'phone', type: 'tel', label: t('field.phone'), hint: t('field.phoneHint'), autocomplete: 'off', dir: 'ltr' },
    { name: 'birthDate', type: 'date', label: t('field.birthDate') },
    { control: 'select', name: 'locale', label: t('field.locale'), required: true, options: LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] })) },
  ];
  const back = { href: personId ? `/people/${personId}` : '/people', label: t('form.cancel') };
  return (
    <FormPage ctx={ctx} form={form} fields={fields} back={back} title={t(personId ? 'people.edit' : 'people.new')} action={personId ? `/people/${personId}/edit` : '/people/new'}>
      <SubmitButton>{t('form.save')}</SubmitButton>
    </FormPage>
  );
}

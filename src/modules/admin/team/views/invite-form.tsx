import { LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import type { Role } from '../../../../core/tenancy/tenancy.table.js';
import { FormPage, SubmitButton, type FieldSpec, type FormState, type PageContext } from '../../../../core/ui/index.js';

/** Least powerful first, so the preselected choice is the safe one. */
const ROLE_ORDER: readonly Role[] = ['volunteer', 'mentee', 'migrant_assistant', 'institution_staff', 'coordinator', 'social_worker', 'programme_manager', 'administrator'];

export function InviteFormView({ ctx, form, roles }: { ctx: PageContext; form: FormState; roles: readonly Role[] }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'email', type: 'email', label: t('field.email'), autocomplete: 'off', maxLength: 254, required: true, dir: 'ltr' },
    { name: 'givenName', label: t('field.givenName'), autocomplete: 'off', maxLength: 100, required: true },
    { name: 'familyName', label: t('field.familyName'), autocomplete: 'off', maxLength: 100, required: true },
    { control: 'select', name: 'role', label: t('admin.invite.role'), required: true, options: ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => ({ value: r, label: t(`role.${r}`) })) },
    { control: 'select', name: 'locale', label: t('admin.invite.locale'), hint: t('admin.invite.localeHint'), required: true, options: LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] })) },
  ];
  return (
    <FormPage ctx={ctx} form={form} fields={fields} back={{ href: '/admin/users', label: t('form.cancel') }} title={t('admin.invite.title')} intro={<p>{t('admin.invite.intro')}</p>} action="/admin/users/invite">
      <SubmitButton>{t('admin.invite.submit')}</SubmitButton>
    </FormPage>
  );
}

import { LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import type { Role } from '../../../../core/tenancy/tenancy.table.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';

/** Least powerful first, so the preselected choice is the safe one. */
const ROLE_ORDER: readonly Role[] = ['volunteer', 'mentee', 'migrant_assistant', 'institution_staff', 'coordinator', 'social_worker', 'programme_manager', 'administrator'];

export function InviteFormView({ ctx, form, roles }: { ctx: PageContext; form: FormState; roles: readonly Role[] }) {
  const { t } = ctx;
  const labels = {
    email: t('field.email'),
    givenName: t('field.givenName'),
    familyName: t('field.familyName'),
    role: t('admin.invite.role'),
    locale: t('admin.invite.locale'),
  };
  return (
    <section class="narrow">
      <p>
        <a href="/admin/users">{t('form.cancel')}</a>
      </p>
      <h1>{t('admin.invite.title')}</h1>
      <p>{t('admin.invite.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/admin/users/invite">
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="off" maxLength={254} required dir="ltr" />
        <TextField ctx={ctx} form={form} name="givenName" label={labels.givenName} autocomplete="off" maxLength={100} required />
        <TextField ctx={ctx} form={form} name="familyName" label={labels.familyName} autocomplete="off" maxLength={100} required />
        <SelectField
          ctx={ctx}
          form={form}
          name="role"
          label={labels.role}
          required
          options={ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="locale"
          label={labels.locale}
          hint={t('admin.invite.localeHint')}
          required
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] }))}
        />
        <SubmitButton>{t('admin.invite.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

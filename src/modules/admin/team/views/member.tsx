import { ROLES } from '../../../../core/tenancy/tenancy.table.js';
import { DefinitionList, ErrorSummary, Form, SelectField, SubmitButton, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { MemberOutput } from '../team.schemas.js';

/** One member: their roles, each with a remove button, and a form to add a role (administrators). */
export function MemberView({ ctx, member, form }: { ctx: PageContext; member: MemberOutput; form: FormState }) {
  const { t } = ctx;
  const action = `/admin/users/${member.personId}/roles`;
  const missing = ROLES.filter((r) => !member.roles.includes(r));
  return (
    <>
      <p>
        <a href="/admin/users">{t('admin.team.back')}</a>
      </p>
      <h1>
        {member.givenName} {member.familyName}
      </h1>
      <DefinitionList
        items={[
          [t('field.email'), member.email, { dir: 'ltr' }],
          [t('admin.team.account'), t(`admin.team.state.${member.account}`)],
        ]}
      />
      <ErrorSummary ctx={ctx} form={form} labels={{ role: t('admin.team.role'), change: t('admin.team.role') }} />
      <h2>{t('admin.team.roles')}</h2>
      {member.roles.length === 0 ? (
        <p class="empty">{t('admin.team.noRoles')}</p>
      ) : (
        <ul class="role-list">
          {member.roles.map((r) => (
            <li>
              {t(`role.${r}`)}{' '}
              <Form ctx={ctx} action={action} class="inline-form">
                <input type="hidden" name="role" value={r} />
                <input type="hidden" name="change" value="remove" />
                <button type="submit" class="link-button">
                  {t('admin.team.removeRole', { role: t(`role.${r}`) })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <>
          <h2>{t('admin.team.addRole')}</h2>
          <Form ctx={ctx} action={action}>
            <input type="hidden" name="change" value="add" />
            <SelectField ctx={ctx} form={form} name="role" label={t('admin.team.role')} required options={missing.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            <SubmitButton>{t('admin.team.addRoleSubmit')}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

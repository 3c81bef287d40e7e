import { formatList, formatNumber } from '../../../../core/i18n/index.js';
import { Form, type PageContext } from '../../../../core/ui/index.js';
import type { MemberOutput } from '../team.schemas.js';

export function TeamListView({ ctx, members, canChangeRoles }: { ctx: PageContext; members: MemberOutput[]; canChangeRoles: boolean }) {
  const { t } = ctx;
  const withAccount = members.filter((m) => m.userId).length;
  const invited = members.length - withAccount;
  return (
    <>
      <div class="page-head">
        <h1>{t('admin.team.title')}</h1>
        <a class="button" href="/admin/users/invite">
          {t('admin.invite.title')}
        </a>
      </div>
      <p class="muted" role="status">
        {t('admin.team.count', { count: withAccount, formatted: formatNumber(withAccount, ctx.locale) })}
        {invited > 0 && ` ${t('admin.team.invitedCount', { count: invited, formatted: formatNumber(invited, ctx.locale) })}`}
      </p>
      {members.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('admin.team.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.email')}</th>
                <th scope="col">{t('admin.team.roles')}</th>
                <th scope="col">{t('admin.team.account')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr>
                  <td>
                    {canChangeRoles && m.userId ? (
                      <a href={`/admin/users/${m.personId}`}>
                        {m.familyName} {m.givenName}
                      </a>
                    ) : (
                      `${m.familyName} ${m.givenName}`
                    )}
                  </td>
                  <td dir="ltr" class="email-cell">
                    {m.email}
                  </td>
                  <td>{formatList(m.roles.map((r) => t(`role.${r}`)), ctx.locale)}</td>
                  <td>
                    {t(`admin.team.state.${m.account}`)}
                    {!m.userId && (
                      <Form ctx={ctx} action={`/admin/users/${m.personId}/resend-invitation`} class="inline-form">
                        {' '}
                        <button type="submit" class="link-button">
                          {t('admin.team.resend')}
                          <span class="visually-hidden">
                            {' '}
                            {m.givenName} {m.familyName}
                          </span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { formatList, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, Form, PageHead, type PageContext } from '../../../../core/ui/index.js';
import type { MemberOutput } from '../team.schemas.js';

export function TeamListView({ ctx, members, canChangeRoles }: { ctx: PageContext; members: MemberOutput[]; canChangeRoles: boolean }) {
  const { t } = ctx;
  const withAccount = members.filter((m) => m.userId).length;
  const invited = members.length - withAccount;
  return (
    <>
      <PageHead title={t('admin.team.title')} action={{ href: '/admin/users/invite', label: t('admin.invite.title') }} />
      <p class="muted" role="status">
        {t('admin.team.count', { count: withAccount, formatted: formatNumber(withAccount, ctx.locale) })}
        {invited > 0 && ` ${t('admin.team.invitedCount', { count: invited, formatted: formatNumber(invited, ctx.locale) })}`}
      </p>
      <DataTable
        cards
        caption={t('admin.team.title')}
        rows={members}
        columns={[
          {
            header: t('field.name'),
            cell: (m) =>
              canChangeRoles && m.userId ? (
                <a href={`/admin/users/${m.personId}`}>
                  {m.familyName} {m.givenName}
                </a>
              ) : (
                `${m.familyName} ${m.givenName}`
              ),
          },
          { header: t('field.email'), dir: 'ltr', cellClass: 'email-cell', cell: (m) => m.email },
          { header: t('admin.team.roles'), cell: (m) => formatList(m.roles.map((r) => t(`role.${r}`)), ctx.locale) },
          {
            header: t('admin.team.account'),
            cell: (m) => (
              <>
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
              </>
            ),
          },
        ]}
      />
    </>
  );
}

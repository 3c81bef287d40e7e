import { formatDateTime, formatNumber } from '../../../../core/i18n/index.js';
import { Pagination, type PageContext } from '../../../../core/ui/index.js';
import type { MailSummary } from '../outbox.schemas.js';

interface Props {
  ctx: PageContext;
  result: { items: MailSummary[]; total: number; page: number; pageSize: number };
  /** Whether SMTP is configured; without it mails stay here. */
  smtp: boolean;
}

export function OutboxListView({ ctx, result, smtp }: Props) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('admin.outbox.title')}</h1>
      {!smtp && (
        <div class="notice notice-warning" role="note">
          <p>{t('admin.outbox.noSmtp')}</p>
        </div>
      )}
      <p class="muted" role="status">
        {t('admin.outbox.count', { count: result.total, formatted: formatNumber(result.total, ctx.locale) })}
      </p>
      {result.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('admin.outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.status')}</th>
                <th scope="col">{t('admin.outbox.created')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((m) => (
                <tr>
                  <td>
                    <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                  </td>
                  <td dir="ltr" class="email-cell">
                    {m.to}
                  </td>
                  <td>{t(`admin.outbox.state.${m.status}`)}</td>
                  <td>
                    <time datetime={m.createdAt}>{formatDateTime(new Date(m.createdAt), ctx.locale)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} page={result.page} total={result.total} pageSize={result.pageSize} link={(p) => `/admin/outbox?page=${p}`} />
    </>
  );
}

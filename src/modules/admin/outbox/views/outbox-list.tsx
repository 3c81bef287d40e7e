import { formatDateTime, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, Pagination, WarningNotice, type PageContext } from '../../../../core/ui/index.js';
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
      {!smtp && <WarningNotice role="note">{t('admin.outbox.noSmtp')}</WarningNotice>}
      <p class="muted" role="status">
        {t('admin.outbox.count', { count: result.total, formatted: formatNumber(result.total, ctx.locale) })}
      </p>
      <DataTable
        caption={t('admin.outbox.title')}
        rows={result.items}
        columns={[
          { header: t('admin.outbox.subject'), cell: (m) => <a href={`/admin/outbox/${m.id}`}>{m.subject}</a> },
          { header: t('admin.outbox.to'), dir: 'ltr', cellClass: 'email-cell', cell: (m) => m.to },
          { header: t('admin.outbox.status'), cell: (m) => t(`admin.outbox.state.${m.status}`) },
          { header: t('admin.outbox.created'), cell: (m) => <time datetime={m.createdAt}>{formatDateTime(new Date(m.createdAt), ctx.locale)}</time> },
        ]}
      />
      <Pagination ctx={ctx} page={result.page} total={result.total} pageSize={result.pageSize} link={(p) => `/admin/outbox?page=${p}`} />
    </>
  );
}

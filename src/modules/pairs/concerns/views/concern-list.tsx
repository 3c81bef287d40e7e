import { formatDate, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, type PageContext } from '../../../../core/ui/index.js';
import type { ConcernListRow } from '../concerns.repository.js';
import { SEVERITIES, STATUSES, type ListQuery } from '../concerns.schemas.js';
import { pairName, severityName, statusName } from './labels.js';

/** The concerns the user is on the case of, filtered by status and severity, oldest open first. */
export function ConcernListView({ ctx, rows, query, timeZone }: { ctx: PageContext; rows: ConcernListRow[]; query: ListQuery; timeZone: string }) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.status || query.severity);
  return (
    <>
      <div class="page-head">
        <h1>{t('pairs.concerns.listTitle')}</h1>
        <a class="button" href="/concerns/new">
          {t('pairs.concerns.raise')}
        </a>
      </div>
      <form method="get" action="/concerns" class="filters" role="search" aria-label={t('pairs.concerns.filtersLabel')}>
        <div class="field">
          <label for="status">{t('pairs.concerns.field.status')}</label>
          <select id="status" name="status">
            <option value="">{t('pairs.concerns.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={query.status === s}>
                {statusName(t, s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="severity">{t('pairs.concerns.field.severity')}</label>
          <select id="severity" name="severity">
            <option value="">{t('pairs.concerns.anySeverity')}</option>
            {SEVERITIES.map((s) => (
              <option value={s} selected={query.severity === s}>
                {severityName(t, s)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button button-secondary">
            {t('pairs.concerns.apply')}
          </button>
          {filtered && <a href="/concerns">{t('pairs.concerns.clearFilters')}</a>}
        </div>
      </form>
      <p class="muted" role="status">
        {t('pairs.concerns.found', { count: rows.length, formatted: formatNumber(rows.length, locale) })}
      </p>
      <DataTable
        cards
        caption={t('pairs.concerns.listCaption')}
        rows={rows}
        empty={t(filtered ? 'pairs.concerns.noneFiltered' : 'pairs.concerns.none')}
        columns={[
          { header: t('pairs.concerns.field.summary'), cardLabel: false, cell: (r) => <a href={`/concerns/${r.id}`}>{r.summary}</a> },
          { header: t('pairs.concerns.field.severity'), cell: (r) => (r.severity === 'safeguarding' || r.severity === 'high' ? <strong>{severityName(t, r.severity)}</strong> : severityName(t, r.severity)) },
          { header: t('pairs.concerns.field.status'), cell: (r) => statusName(t, r.status) },
          { header: t('pairs.concerns.field.pair'), cell: (r) => pairName(t, r) },
          { header: t('pairs.concerns.field.raisedOn'), sort: 'ascending', cell: (r) => formatDate(r.createdAt, locale, timeZone) },
          { header: t('pairs.concerns.field.assignee'), cell: (r) => r.assigneeName ?? t('pairs.concerns.unassigned') },
        ]}
      />
    </>
  );
}

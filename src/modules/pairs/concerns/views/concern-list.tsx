import { formatDate, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, FilterForm, FilterSelect, PageHead, type PageContext } from '../../../../core/ui/index.js';
import type { ConcernListRow } from '../concerns.repository.js';
import { SEVERITIES, STATUSES, type ListQuery } from '../concerns.schemas.js';
import { pairName, severityName, statusName } from './labels.js';

/** The concerns the user is on the case of, filtered by status and severity, oldest open first. */
export function ConcernListView({ ctx, rows, query, timeZone }: { ctx: PageContext; rows: ConcernListRow[]; query: ListQuery; timeZone: string }) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.status || query.severity);
  return (
    <>
      <PageHead title={t('pairs.concerns.listTitle')} action={{ href: '/concerns/new', label: t('pairs.concerns.raise') }} />
      <FilterForm action="/concerns" label={t('pairs.concerns.filtersLabel')} apply={t('pairs.concerns.apply')} clear={t('pairs.concerns.clearFilters')} filtered={filtered}>
        <FilterSelect name="status" label={t('pairs.concerns.field.status')} any={t('pairs.concerns.anyStatus')} options={STATUSES.map((s) => ({ value: s, label: statusName(t, s) }))} selected={query.status} />
        <FilterSelect name="severity" label={t('pairs.concerns.field.severity')} any={t('pairs.concerns.anySeverity')} options={SEVERITIES.map((s) => ({ value: s, label: severityName(t, s) }))} selected={query.severity} />
      </FilterForm>
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

import { formatDate, formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, FilterForm, FilterSearch, FilterSelect, PageHead, Pagination, type PageContext } from '../../../../core/ui/index.js';
import { MATCH_STATUSES, type MatchOutput, type MatchQuery } from '../../matches.schemas.js';
import { fullName, label, needList } from './labels.js';

interface Props {
  ctx: PageContext;
  page: { items: MatchOutput[]; total: number; page: number; pageSize: number; timeZone: string };
  query: MatchQuery;
  programmes: { id: string; name: string }[];
}

export function matchListQuery(q: MatchQuery, change: Partial<Record<keyof MatchQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...q, ...change };
  const p = new URLSearchParams();
  for (const key of ['q', 'status', 'programmeId', 'menteeId', 'volunteerId', 'page'] as const) {
    const v = merged[key];
    if (v === undefined || v === null || v === '' || (key === 'page' && Number(v) === 1) || (key === 'status' && v === 'active')) continue;
    p.set(key, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The matches of the organisation, newest first, with a search by name, status and programme filters, and pages. */
export function MatchListView({ ctx, page, query, programmes }: Props) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.q || query.programmeId || query.menteeId || query.volunteerId || query.status !== 'active');
  return (
    <>
      <p class="actions-row">
        <a href="/matching">{t('matching.links.overview')}</a>
      </p>
      <PageHead title={t('matching.matches.title')} />
      <FilterForm action="/matching/matches" label={t('matching.filters.label')} apply={t('matching.filters.apply')} clear={t('matching.filters.clear')} filtered={filtered}>
        <FilterSearch label={t('matching.matches.search')} value={query.q} />
        <FilterSelect name="status" label={t('matching.match.status')} options={MATCH_STATUSES.map((s) => ({ value: s, label: label(t, 'matchStatus', s) }))} selected={query.status} />
        <FilterSelect name="programmeId" label={t('matching.match.programme')} any={t('matching.filters.anyProgramme')} options={programmes.map((p) => ({ value: p.id, label: p.name }))} selected={query.programmeId} />
      </FilterForm>
      <p class="muted" role="status">
        {t('matching.matches.found', { count: page.total, formatted: formatNumber(page.total, locale) })}
      </p>
      <DataTable
        caption={t('matching.matches.caption')}
        rows={page.items}
        empty={filtered ? t('matching.matches.noneFiltered') : t('matching.matches.empty')}
        columns={[
          {
            header: t('matching.matches.pair'),
            rowHeader: true,
            cell: (m) => <a href={`/matching/matches/${m.id}`}>{t('matching.matches.pairName', { mentee: fullName(m.mentee), volunteer: fullName(m.volunteer) })}</a>,
          },
          { header: t('matching.match.needs'), cell: (m) => needList(t, locale, m.needs) || '—' },
          { header: t('matching.match.since'), cell: (m) => formatDate(m.startedAt, locale, page.timeZone) },
          { header: t('matching.matches.fit'), headerClass: 'numeric', cellClass: 'numeric', cell: (m) => (m.percent === null ? '—' : t('matching.reasons.fit', { percent: m.percent })) },
        ]}
      />
      <Pagination ctx={ctx} page={page.page} total={page.total} pageSize={page.pageSize} link={(p) => `/matching/matches${matchListQuery(query, { page: p })}`} />
    </>
  );
}

import { formatNumber } from '../../../../core/i18n/index.js';
import { FilterForm, FilterSearch, FilterSelect, PageHead, Pagination, type PageContext, viewQueryString } from '../../../../core/ui/index.js';
import { NEEDS, STATUSES, type MenteeQuery } from '../../mentees.schemas.js';
import { needName, statusName } from '../../views/labels.js';
import type { ListView } from '../list.service.js';
import { MenteeTable } from './mentee-table.js';

/** The tabs of the list, in the order of a case's life; requests to review come first. */
const TABS = ['requested', 'waiting', 'matched', 'on_hold', 'closed', 'declined', 'all'] as const;

/** The query string of a view, without defaults, with some keys changed. */
export function viewQuery(query: MenteeQuery, change: Partial<Record<keyof MenteeQuery, string | number | undefined>> = {}): string {
  return viewQueryString(query, change, ['status', 'q', 'programme', 'need', 'district', 'page'], (key, v) => (key === 'page' && Number(v) === 1) || (key === 'status' && v === 'waiting'));
}

const tabLabel = (ctx: PageContext, tab: (typeof TABS)[number]) => (tab === 'all' ? ctx.t('mentees.list.tab.all') : tab === 'requested' ? ctx.t('mentees.list.tab.requested') : statusName(ctx.t, tab));

export function MenteeListView({ ctx, view, query }: { ctx: PageContext; view: ListView; query: MenteeQuery }) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.q || query.programme || query.need || query.district);
  const total = (tab: (typeof TABS)[number]) => (tab === 'all' ? STATUSES.reduce((s, st) => s + (view.counts[st] ?? 0), 0) : (view.counts[tab] ?? 0));
  return (
    <>
      <PageHead title={t('mentees.list.title')} action={{ href: '/mentees/new', label: t('mentees.list.new') }} />
      <nav class="tabs" aria-label={t('mentees.list.tabsLabel')}>
        <ul>
          {TABS.map((tab) => (
            <li>
              <a href={`/mentees${viewQuery({ ...query, status: tab, page: 1 })}`} aria-current={query.status === tab ? 'page' : undefined}>
                {`${tabLabel(ctx, tab)} (${formatNumber(total(tab), locale)})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm
        action="/mentees"
        label={t('mentees.list.filtersLabel')}
        apply={t('mentees.list.apply')}
        clear={t('mentees.list.clearFilters')}
        clearHref={`/mentees${viewQuery({ status: query.status, page: 1 })}`}
        filtered={filtered}
      >
        <input type="hidden" name="status" value={query.status} />
        <FilterSearch label={t('mentees.list.search')} value={query.q} />
        {view.programmes.length > 0 && <FilterSelect name="programme" label={t('mentees.field.programme')} any={t('mentees.list.anyProgramme')} options={view.programmes} selected={query.programme} />}
        <FilterSelect name="need" label={t('mentees.list.need')} any={t('mentees.list.anyNeed')} options={NEEDS.map((n) => ({ value: n, label: needName(t, n) }))} selected={query.need} />
        <div class="field">
          <label for="district">{t('mentees.field.district')}</label>
          {view.districts.length > 0 ? (
            <select id="district" name="district">
              <option value="">{t('mentees.list.anyDistrict')}</option>
              {view.districts.map((d) => (
                <option value={d} selected={query.district === d}>
                  {d}
                </option>
              ))}
            </select>
          ) : (
            <input id="district" name="district" type="text" value={query.district ?? ''} maxLength={100} />
          )}
        </div>
      </FilterForm>
      <p class="muted" role="status">
        {t('mentees.list.found', { count: view.total, formatted: formatNumber(view.total, locale) })}
      </p>
      <MenteeTable ctx={ctx} items={view.items} caption={t('mentees.list.caption', { tab: tabLabel(ctx, query.status) })} empty={filtered ? t('mentees.list.noMatches') : t(`mentees.list.empty.${query.status}`)} />
      <Pagination ctx={ctx} page={view.page} total={view.total} pageSize={view.pageSize} link={(p) => `/mentees${viewQuery(query, { page: p })}`} />
    </>
  );
}

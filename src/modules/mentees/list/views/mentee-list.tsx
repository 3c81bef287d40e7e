import { formatNumber } from '../../../../core/i18n/index.js';
import { Pagination, type PageContext } from '../../../../core/ui/index.js';
import { NEEDS, STATUSES, type MenteeQuery } from '../../mentees.schemas.js';
import { needName, statusName } from '../../views/labels.js';
import type { ListView } from '../list.service.js';
import { MenteeTable } from './mentee-table.js';

/** The tabs of the list, in the order of a case's life; requests to review come first. */
const TABS = ['requested', 'waiting', 'matched', 'on_hold', 'closed', 'declined', 'all'] as const;

/** The query string of a view, without defaults, with some keys changed. */
export function viewQuery(query: MenteeQuery, change: Partial<Record<keyof MenteeQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ['status', 'q', 'programme', 'need', 'district', 'page'] as const) {
    const v = merged[key];
    if (v === undefined || v === null || v === '') continue;
    if ((key === 'page' && Number(v) === 1) || (key === 'status' && v === 'waiting')) continue; // defaults
    params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const tabLabel = (ctx: PageContext, tab: (typeof TABS)[number]) => (tab === 'all' ? ctx.t('mentees.list.tab.all') : tab === 'requested' ? ctx.t('mentees.list.tab.requested') : statusName(ctx.t, tab));

export function MenteeListView({ ctx, view, query }: { ctx: PageContext; view: ListView; query: MenteeQuery }) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.q || query.programme || query.need || query.district);
  const total = (tab: (typeof TABS)[number]) => (tab === 'all' ? STATUSES.reduce((s, st) => s + (view.counts[st] ?? 0), 0) : (view.counts[tab] ?? 0));
  return (
    <>
      <div class="page-head">
        <h1>{t('mentees.list.title')}</h1>
        <a class="button" href="/mentees/new">
          {t('mentees.list.new')}
        </a>
      </div>
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
      <form method="get" action="/mentees" class="filters" role="search" aria-label={t('mentees.list.filtersLabel')}>
        <input type="hidden" name="status" value={query.status} />
        <div class="field">
          <label for="q">{t('mentees.list.search')}</label>
          <input id="q" name="q" type="search" value={query.q ?? ''} maxLength={100} />
        </div>
        {view.programmes.length > 0 && (
          <div class="field">
            <label for="programme">{t('mentees.field.programme')}</label>
            <select id="programme" name="programme">
              <option value="">{t('mentees.list.anyProgramme')}</option>
              {view.programmes.map((p) => (
                <option value={p.value} selected={query.programme === p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="need">{t('mentees.list.need')}</label>
          <select id="need" name="need">
            <option value="">{t('mentees.list.anyNeed')}</option>
            {NEEDS.map((n) => (
              <option value={n} selected={query.need === n}>
                {needName(t, n)}
              </option>
            ))}
          </select>
        </div>
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
        <div class="actions">
          <button type="submit" class="button button-secondary">
            {t('mentees.list.apply')}
          </button>
          {filtered && <a href={`/mentees${viewQuery({ status: query.status, page: 1 })}`}>{t('mentees.list.clearFilters')}</a>}
        </div>
      </form>
      <p class="muted" role="status">
        {t('mentees.list.found', { count: view.total, formatted: formatNumber(view.total, locale) })}
      </p>
      <MenteeTable ctx={ctx} items={view.items} caption={t('mentees.list.caption', { tab: tabLabel(ctx, query.status) })} empty={filtered ? t('mentees.list.noMatches') : t(`mentees.list.empty.${query.status}`)} />
      <Pagination ctx={ctx} page={view.page} total={view.total} pageSize={view.pageSize} link={(p) => `/mentees${viewQuery(query, { page: p })}`} />
    </>
  );
}

import { formatList, formatNumber } from '../../../core/i18n/index.js';
import { ROLES } from '../../../core/tenancy/tenancy.table.js';
import { DataTable, Pagination, type PageContext } from '../../../core/ui/index.js';
import type { PeopleQuery, PersonOutput } from '../people.schemas.js';
import { PersonName } from '../../../core/ui/index.js';

interface Props {
  ctx: PageContext;
  page: { items: PersonOutput[]; total: number; page: number; pageSize: number };
  query: Partial<PeopleQuery>;
  canWrite: boolean;
}

export function PeopleListView({ ctx, page, query, canWrite }: Props) {
  const { t } = ctx;
  const link = (p: number) => `/people?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.role ? { role: query.role } : {}), page: String(p) })}`;
  return (
    <>
      <div class="page-head">
        <h1>{t('people.title')}</h1>
        {canWrite && (
          <a class="button" href="/people/new">
            {t('people.new')}
          </a>
        )}
      </div>
      <form method="get" action="/people" class="filters" role="search">
        <div class="field">
          <label for="q">{t('people.search')}</label>
          <input id="q" name="q" type="search" value={query.q ?? ''} maxLength={100} />
        </div>
        <div class="field">
          <label for="role">{t('people.role')}</label>
          <select id="role" name="role">
            <option value="">{t('people.anyRole')}</option>
            {ROLES.map((r) => (
              <option value={r} selected={query.role === r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button button-secondary">
            {t('people.filter')}
          </button>
        </div>
      </form>
      <p class="muted" role="status">
        {t('people.found', { count: page.total, formatted: formatNumber(page.total, ctx.locale) })}
      </p>
      <DataTable
        cards
        caption={t('people.title')}
        rows={page.items}
        empty={query.q || query.role ? t('people.noMatches') : t('people.empty')}
        columns={[
          { header: t('field.name'), cardLabel: false, cell: (p) => <PersonName href={`/people/${p.id}`} name={`${p.familyName} ${p.givenName}`} /> },
          { header: t('people.roles'), cell: (p) => formatList(p.roles.map((r) => t(`role.${r}`)), ctx.locale) },
          {
            header: t('field.email'),
            cell: (p) => (
              <span dir="ltr" class="token">
                {p.email ?? ''}
              </span>
            ),
          },
        ]}
      />
      <Pagination ctx={ctx} page={page.page} total={page.total} pageSize={page.pageSize} link={link} />
    </>
  );
}

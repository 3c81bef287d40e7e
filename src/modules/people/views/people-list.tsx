import { formatList, formatNumber } from '../../../core/i18n/index.js';
import { ROLES } from '../../../core/tenancy/tenancy.table.js';
import { DataTable, FilterForm, FilterSearch, FilterSelect, PageHead, Pagination, type PageContext, PersonName } from '../../../core/ui/index.js';
import type { PeopleQuery, PersonOutput } from '../people.schemas.js';

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
      <PageHead title={t('people.title')} action={canWrite && { href: '/people/new', label: t('people.new') }} />
      <FilterForm action="/people" apply={t('people.filter')}>
        <FilterSearch label={t('people.search')} value={query.q} />
        <FilterSelect name="role" label={t('people.role')} any={t('people.anyRole')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} selected={query.role} />
      </FilterForm>
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

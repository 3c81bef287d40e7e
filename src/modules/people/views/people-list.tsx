import { formatList, formatNumber } from '../../../core/i18n/index.js';
import { ROLES } from '../../../core/tenancy/tenancy.table.js';
import { Pagination, type PageContext } from '../../../core/ui/index.js';
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
      {page.items.length === 0 ? (
        <p class="empty">{query.q || query.role ? t('people.noMatches') : t('people.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table-cards">
            <caption class="visually-hidden">{t('people.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('people.roles')}</th>
                <th scope="col">{t('field.email')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((p) => (
                <tr>
                  <td>
                    <PersonName href={`/people/${p.id}`} name={`${p.familyName} ${p.givenName}`} />
                  </td>
                  <td data-label={t('people.roles')}>{formatList(p.roles.map((r) => t(`role.${r}`)), ctx.locale)}</td>
                  <td data-label={t('field.email')}>
                    <span dir="ltr" class="token">{p.email ?? ''}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} page={page.page} total={page.total} pageSize={page.pageSize} link={link} />
    </>
  );
}

import type { PageContext } from '../../../../core/ui/index.js';
import type { ProgrammeOutput } from '../programmes.schemas.js';

export function ProgrammeListView({ ctx, items }: { ctx: PageContext; items: ProgrammeOutput[] }) {
  const { t } = ctx;
  return (
    <>
      <div class="page-head">
        <h1>{t('admin.programmes.title')}</h1>
        <a class="button" href="/admin/programmes/new">
          {t('admin.programmes.new')}
        </a>
      </div>
      {items.length === 0 ? (
        <p class="empty">{t('admin.programmes.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('admin.programmes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('admin.programmes.description')}</th>
                <th scope="col">{t('admin.programmes.status')}</th>
                <th scope="col">{t('admin.programmes.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{p.description}</td>
                  <td>{t(p.active ? 'admin.programmes.isActive' : 'admin.programmes.isInactive')}</td>
                  <td>
                    <a href={`/admin/programmes/${p.id}/edit`}>{t('admin.programmes.editNamed', { name: p.name })}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

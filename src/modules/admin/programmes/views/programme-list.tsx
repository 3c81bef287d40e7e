import { DataTable, PageHead, type PageContext } from '../../../../core/ui/index.js';
import type { ProgrammeOutput } from '../programmes.schemas.js';

export function ProgrammeListView({ ctx, items }: { ctx: PageContext; items: ProgrammeOutput[] }) {
  const { t } = ctx;
  return (
    <>
      <PageHead title={t('admin.programmes.title')} action={{ href: '/admin/programmes/new', label: t('admin.programmes.new') }} />
      <DataTable
        cards
        caption={t('admin.programmes.title')}
        rows={items}
        empty={t('admin.programmes.empty')}
        columns={[
          { header: t('field.name'), cell: (p) => p.name },
          { header: t('admin.programmes.description'), cell: (p) => p.description },
          { header: t('admin.programmes.status'), cell: (p) => t(p.active ? 'admin.programmes.isActive' : 'admin.programmes.isInactive') },
          { header: t('admin.programmes.actions'), cell: (p) => <a href={`/admin/programmes/${p.id}/edit`}>{t('admin.programmes.editNamed', { name: p.name })}</a> },
        ]}
      />
    </>
  );
}

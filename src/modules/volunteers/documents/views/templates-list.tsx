import { formatDateTime, LANGUAGE_NAME } from '../../../../core/i18n/index.js';
import { DataTable, type PageContext } from '../../../../core/ui/index.js';
import type { TemplateView } from '../templates.service.js';

/** /volunteers/templates: every kind × language, with whether the organisation edited it. */
export function TemplatesListView({ ctx, templates }: { ctx: PageContext; templates: TemplateView[] }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <a href="/volunteers">{t('volunteers.documents.backToVolunteers')}</a>
      </p>
      <h1>{t('volunteers.documents.templates.title')}</h1>
      <p class="lead">{t('volunteers.documents.templates.intro')}</p>
      <DataTable
        caption={t('volunteers.documents.templates.title')}
        rows={templates}
        columns={[
          { header: t('volunteers.documents.field.kind'), cell: (tpl) => t(`volunteers.documents.kind.${tpl.kind}`) },
          { header: t('volunteers.documents.field.locale'), lang: (tpl) => tpl.locale, cell: (tpl) => LANGUAGE_NAME[tpl.locale] },
          { header: t('volunteers.documents.field.title'), lang: (tpl) => tpl.locale, cell: (tpl) => <a href={`/volunteers/templates/${tpl.kind}/${tpl.locale}`}>{tpl.title}</a> },
          {
            header: t('volunteers.documents.templates.state'),
            cell: (tpl) => (tpl.custom && tpl.updatedAt ? t('volunteers.documents.templates.edited', { date: formatDateTime(tpl.updatedAt, ctx.locale) }) : t('volunteers.documents.templates.default')),
          },
        ]}
      />
    </>
  );
}

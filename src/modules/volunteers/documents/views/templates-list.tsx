import { formatDateTime, LANGUAGE_NAME } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
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
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('volunteers.documents.templates.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('volunteers.documents.field.kind')}</th>
              <th scope="col">{t('volunteers.documents.field.locale')}</th>
              <th scope="col">{t('volunteers.documents.field.title')}</th>
              <th scope="col">{t('volunteers.documents.templates.state')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr>
                <td>{t(`volunteers.documents.kind.${tpl.kind}`)}</td>
                <td lang={tpl.locale}>{LANGUAGE_NAME[tpl.locale]}</td>
                <td lang={tpl.locale}>
                  <a href={`/volunteers/templates/${tpl.kind}/${tpl.locale}`}>{tpl.title}</a>
                </td>
                <td>{tpl.custom && tpl.updatedAt ? t('volunteers.documents.templates.edited', { date: formatDateTime(tpl.updatedAt, ctx.locale) }) : t('volunteers.documents.templates.default')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

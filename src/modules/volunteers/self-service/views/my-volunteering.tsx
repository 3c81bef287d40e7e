import { formatDate } from '../../../../core/i18n/index.js';
import { DataTable, DefinitionList, Section, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { documentStatus } from '../../documents/views/document-status.js';
import type { MyVolunteering } from '../self-service.service.js';
import { ProfileForm } from './profile-form.js';

/**
 * /me/volunteer: the volunteer's stage, documents and profile. The documents are a table that becomes cards on a
 * phone ("table-cards"): as four columns at 360 px the download link was off the screen.
 */
export function MyVolunteeringView({ ctx, me, form }: { ctx: PageContext; me: MyVolunteering | null; form: FormState }) {
  const { t } = ctx;
  if (!me) {
    return (
      <section class="narrow">
        <h1>{t('volunteers.self-service.title')}</h1>
        <div class="notice">
          <p>{t('volunteers.self-service.noRecord')}</p>
        </div>
      </section>
    );
  }
  return (
    <>
      <h1>{t('volunteers.self-service.title')}</h1>
      <p>
        <a href="/me/meetings">{t('pairs.meetings.selfServiceLink')}</a>
      </p>
      <DefinitionList items={[[t('volunteers.self-service.stage'), t(`volunteers.stage.${me.stage}`)]]} />
      <Section id="my-documents-title" title={t('volunteers.self-service.documents')}>
        <DataTable
          cards
          labelledBy="my-documents-title"
          rows={me.documents}
          empty={t('volunteers.self-service.noDocuments')}
          columns={[
            { header: t('volunteers.documents.field.title'), rowHeader: true, lang: (d) => d.locale, cell: (d) => <a href={`/me/volunteer/documents/${d.id}`}>{d.title}</a> },
            { header: t('volunteers.documents.panel.issued'), cell: (d) => formatDate(d.issuedAt, ctx.locale) },
            { header: t('volunteers.documents.panel.status'), cell: (d) => documentStatus(ctx, d) },
            {
              header: t('volunteers.documents.panel.actions'),
              cardLabel: false,
              cell: (d) => (
                <>
                  {d.kind === 'agreement' && !d.acceptedAt && (
                    <>
                      <a href={`/me/volunteer/documents/${d.id}`}>{t('volunteers.self-service.readAndAccept')}</a>{' '}
                    </>
                  )}
                  <a href={`/me/volunteer/documents/${d.id}.pdf`}>{t('volunteers.documents.panel.download', { title: d.title })}</a>
                </>
              ),
            },
          ]}
        />
      </Section>
      <ProfileForm ctx={ctx} form={form} languageCodes={me.profile.languages.map((l) => l.code)} />
    </>
  );
}

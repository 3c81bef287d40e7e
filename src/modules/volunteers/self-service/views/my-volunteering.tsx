import { formatDate } from '../../../../core/i18n/index.js';
import type { FormState, PageContext } from '../../../../core/ui/index.js';
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
      <dl class="details">
        <div>
          <dt>{t('volunteers.self-service.stage')}</dt>
          <dd>{t(`volunteers.stage.${me.stage}`)}</dd>
        </div>
      </dl>
      <section aria-labelledby="my-documents-title">
        <h2 id="my-documents-title">{t('volunteers.self-service.documents')}</h2>
        {me.documents.length === 0 ? (
          <p class="empty">{t('volunteers.self-service.noDocuments')}</p>
        ) : (
          <div class="table-wrap">
            <table class="table-cards" aria-labelledby="my-documents-title">
              <thead>
                <tr>
                  <th scope="col">{t('volunteers.documents.field.title')}</th>
                  <th scope="col">{t('volunteers.documents.panel.issued')}</th>
                  <th scope="col">{t('volunteers.documents.panel.status')}</th>
                  <th scope="col">{t('volunteers.documents.panel.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {me.documents.map((d) => (
                  <tr>
                    <th scope="row" lang={d.locale}>
                      <a href={`/me/volunteer/documents/${d.id}`}>{d.title}</a>
                    </th>
                    <td data-label={t('volunteers.documents.panel.issued')}>{formatDate(d.issuedAt, ctx.locale)}</td>
                    <td data-label={t('volunteers.documents.panel.status')}>{documentStatus(ctx, d)}</td>
                    <td>
                      {d.kind === 'agreement' && !d.acceptedAt && (
                        <>
                          <a href={`/me/volunteer/documents/${d.id}`}>{t('volunteers.self-service.readAndAccept')}</a>{' '}
                        </>
                      )}
                      <a href={`/me/volunteer/documents/${d.id}.pdf`}>{t('volunteers.documents.panel.download', { title: d.title })}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ProfileForm ctx={ctx} form={form} languageCodes={me.profile.languages.map((l) => l.code)} />
    </>
  );
}

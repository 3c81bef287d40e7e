import { formatDate, LANGUAGE_NAME } from '../../../core/i18n/index.js';
import { ButtonForm, DataTable, type PageContext } from '../../../core/ui/index.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import type { VolunteerRow } from '../volunteers.repository.js';
import { INVITABLE_STAGES } from '../self-service/invite.service.js';
import { DOCUMENT_KINDS } from './documents.schemas.js';
import type { DocumentsPanelData } from './panel-data.js';
import { documentStatus } from './views/document-status.js';
import { allowed } from '../../../core/policy.js';

/**
 * The documents (agreement, certificate, reference) of one volunteer, shown on the volunteer page.
 * `data` is what `loadDocumentsPanel` returned (loaded in the page's tenant transaction).
 */
export function DocumentsPanel({ ctx, volunteer, data }: { ctx: PageContext; volunteer: VolunteerRow; data: unknown }) {
  const { t } = ctx;
  const { documents, lawyerNote } = (data ?? { documents: [], lawyerNote: null }) as DocumentsPanelData;
  const manage = allowed(ctx.user, volunteersPolicy, 'manage');
  return (
    <section id="documents" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('volunteers.documents.panel.title')}</h2>
      <DataTable
        cards
        labelledBy="documents-title"
        rows={documents}
        empty={t('volunteers.documents.panel.none')}
        columns={[
          { header: t('volunteers.documents.field.title'), lang: (d) => d.locale, cell: (d) => d.title },
          { header: t('volunteers.documents.field.locale'), cell: (d) => LANGUAGE_NAME[d.locale] },
          { header: t('volunteers.documents.panel.issued'), cell: (d) => formatDate(d.issuedAt, ctx.locale) },
          { header: t('volunteers.documents.panel.status'), cell: (d) => documentStatus(ctx, d) },
          {
            header: t('volunteers.documents.panel.actions'),
            cellClass: 'actions-row',
            cell: (d) => {
              const open = !d.revokedAt && !d.acceptedAt;
              return (
                <>
                  <a href={`/volunteers/documents/${d.id}.pdf`}>{t('volunteers.documents.panel.download', { title: d.title })}</a>
                  {/* Accepted in Tandem is documentary form: the paper signature can still be recorded. */}
                  {manage && d.kind === 'agreement' && (open || (!d.revokedAt && d.acceptedHow === 'electronic')) && (
                    <ButtonForm ctx={ctx} action={`/volunteers/documents/${d.id}/paper-signed`} look="link" hidden={{ volunteerId: volunteer.id }}>
                      {t('volunteers.documents.panel.markPaper')}
                    </ButtonForm>
                  )}
                  {manage && d.kind === 'agreement' && (open || (!d.revokedAt && d.acceptedHow === 'electronic')) && (
                    <a href={`/volunteers/documents/${d.id}/qualified`}>{t('volunteers.documents.qualified.link')}</a>
                  )}
                  {d.signedFile && <a href={`/volunteers/documents/${d.id}/signed-file`}>{t('volunteers.documents.qualified.download')}</a>}
                  {manage && !d.revokedAt && (
                    <ButtonForm ctx={ctx} action={`/volunteers/documents/${d.id}/revoke`} look="link" hidden={{ volunteerId: volunteer.id }}>
                      {t('volunteers.documents.panel.revoke')}
                    </ButtonForm>
                  )}
                </>
              );
            },
          },
        ]}
      />
      {lawyerNote && documents.some((d) => d.kind === 'agreement') && (
        <div class="notice">
          <p>{t('volunteers.documents.policy.staffNote')}</p>
          <p class="note-body" dir="auto">{lawyerNote}</p>
        </div>
      )}
      {manage && (
        <ul class="role-list">
          {DOCUMENT_KINDS.map((kind) => (
            <li>
              <a class="button button-secondary" href={`/volunteers/${volunteer.id}/documents/new?kind=${kind}`}>
                {t(`volunteers.documents.panel.issue.${kind}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {allowed(ctx.user, volunteersPolicy, 'configure') && (
        <p>
          <a href="/volunteers/templates">{t('volunteers.documents.panel.templates')}</a>
        </p>
      )}
      {allowed(ctx.user, volunteersPolicy, 'agreements') && (
        <p>
          <a href="/volunteers/settings/agreements">{t('volunteers.documents.policy.link')}</a>
        </p>
      )}
      <h3>{t('volunteers.documents.panel.account')}</h3>
      {volunteer.userId && <p>{t('volunteers.documents.panel.hasAccount')}</p>}
      {!volunteer.email ? (
        <p class="muted">{t('volunteers.documents.panel.noEmail')}</p>
      ) : !INVITABLE_STAGES.has(volunteer.stage) ? (
        <p class="muted">{t('volunteers.documents.panel.notYetApproved')}</p>
      ) : (
        manage && (
          <ButtonForm ctx={ctx} action={`/volunteers/${volunteer.id}/invitation`} look="secondary">
            {t(volunteer.userId ? 'volunteers.documents.panel.inviteAgain' : 'volunteers.documents.panel.invite')}
          </ButtonForm>
        )
      )}
    </section>
  );
}

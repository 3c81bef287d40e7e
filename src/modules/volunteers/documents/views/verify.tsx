import { formatDate } from '../../../../core/i18n/index.js';
import { DefinitionList, type PageContext } from '../../../../core/ui/index.js';
import type { VerifiedDocument } from '../verification.service.js';

/** The public confirmation that a certificate or reference is genuine: only what the document says. */
export function VerifiedView({ ctx, doc }: { ctx: PageContext; doc: VerifiedDocument }) {
  const { t } = ctx;
  const period = doc.periodFrom && doc.periodTo ? t('volunteers.documents.verify.period', { from: formatDate(doc.periodFrom, ctx.locale), to: formatDate(doc.periodTo, ctx.locale) }) : '—';
  return (
    <section class="narrow">
      <h1>{t('volunteers.documents.verify.title')}</h1>
      <div class="notice" role="status">
        <p>{t('volunteers.documents.verify.genuine')}</p>
      </div>
      <DefinitionList
        items={[
          [t('volunteers.documents.field.kind'), t(`volunteers.documents.kind.${doc.kind}`)],
          [t('volunteers.documents.verify.volunteer'), doc.volunteerName],
          [t('volunteers.documents.verify.organisation'), doc.organisationName],
          [t('volunteers.documents.verify.periodLabel'), period],
          [t('volunteers.documents.verify.issuedOn'), formatDate(doc.issuedAt, ctx.locale)],
        ]}
      />
      <p class="hint">{t('volunteers.documents.verify.compare')}</p>
    </section>
  );
}

export function NotVerifiedView({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <section class="narrow error-page">
      <h1>{t('volunteers.documents.verify.notFoundTitle')}</h1>
      <p>{t('volunteers.documents.verify.notFound')}</p>
    </section>
  );
}

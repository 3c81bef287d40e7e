import { formatDate } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
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
      <dl class="details">
        <div>
          <dt>{t('volunteers.documents.field.kind')}</dt>
          <dd>{t(`volunteers.documents.kind.${doc.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('volunteers.documents.verify.volunteer')}</dt>
          <dd>{doc.volunteerName}</dd>
        </div>
        <div>
          <dt>{t('volunteers.documents.verify.organisation')}</dt>
          <dd>{doc.organisationName}</dd>
        </div>
        <div>
          <dt>{t('volunteers.documents.verify.periodLabel')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('volunteers.documents.verify.issuedOn')}</dt>
          <dd>{formatDate(doc.issuedAt, ctx.locale)}</dd>
        </div>
      </dl>
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

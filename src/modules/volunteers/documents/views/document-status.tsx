import { formatDateTime } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
import type { DocumentSummary } from '../panel-data.js';

/** The state of a document in words: revoked, accepted (how and when), awaiting acceptance, or issued. */
export function documentStatus(ctx: PageContext, d: Pick<DocumentSummary, 'kind' | 'acceptedHow' | 'acceptedAt' | 'revokedAt'>): string {
  const { t } = ctx;
  if (d.revokedAt) return t('volunteers.documents.status.revoked', { date: formatDateTime(d.revokedAt, ctx.locale) });
  if (d.acceptedAt && d.acceptedHow === 'electronic') return t('volunteers.documents.status.acceptedElectronically', { date: formatDateTime(d.acceptedAt, ctx.locale) });
  if (d.acceptedAt && d.acceptedHow === 'qualified') return t('volunteers.documents.status.signedQualified', { date: formatDateTime(d.acceptedAt, ctx.locale) });
  if (d.acceptedAt) return t('volunteers.documents.status.signedOnPaper', { date: formatDateTime(d.acceptedAt, ctx.locale) });
  if (d.kind === 'agreement') return t('volunteers.documents.status.awaiting');
  return t('volunteers.documents.status.issued');
}

import { formatDate } from '../../../../core/i18n/index.js';
import { DataTable, PageHead, type PageContext } from '../../../../core/ui/index.js';
import type { PairOption } from '../concerns.repository.js';
import { severityName, statusName } from './labels.js';

interface Mine {
  id: string;
  summary: string;
  severity: string;
  status: string;
  createdAt: Date;
  menteeGiven: string | null;
}

/** The volunteer's own concerns: what they wrote and where it stands — staff notes stay with staff. */
export function MyConcernsView({ ctx, concerns, pairs, timeZone }: { ctx: PageContext; concerns: Mine[]; pairs: PairOption[]; timeZone: string }) {
  const { t, locale } = ctx;
  return (
    <>
      <p>
        <a href="/me/volunteer">{t('pairs.concerns.backToMine')}</a>
      </p>
      <PageHead title={t('pairs.concerns.myTitle')} action={pairs.length > 0 && { href: '/me/concerns/new', label: t('pairs.concerns.raise') }} />
      <p>{t('pairs.concerns.myIntro')}</p>
      {/* Cards on a phone: as five columns at 360 px, severity and status were off the screen. */}
      <DataTable
        cards
        caption={t('pairs.concerns.myTitle')}
        rows={concerns}
        empty={t('pairs.concerns.myNone')}
        rowId={(c) => `concern-${c.id}`}
        columns={[
          { header: t('pairs.concerns.field.summary'), rowHeader: true, cell: (c) => c.summary },
          { header: t('pairs.concerns.field.pair'), cell: (c) => c.menteeGiven ?? '—' },
          { header: t('pairs.concerns.field.raisedOn'), cell: (c) => formatDate(c.createdAt, locale, timeZone) },
          { header: t('pairs.concerns.field.severity'), cell: (c) => severityName(t, c.severity) },
          { header: t('pairs.concerns.field.status'), cell: (c) => statusName(t, c.status) },
        ]}
      />
    </>
  );
}

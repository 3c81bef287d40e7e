import { formatDate } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
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
      <div class="page-head">
        <h1>{t('pairs.concerns.myTitle')}</h1>
        {pairs.length > 0 && (
          <a class="button" href="/me/concerns/new">
            {t('pairs.concerns.raise')}
          </a>
        )}
      </div>
      <p>{t('pairs.concerns.myIntro')}</p>
      {concerns.length === 0 ? (
        <p class="empty">{t('pairs.concerns.myNone')}</p>
      ) : (
        <div class="table-wrap">
          {/* Cards on a phone: as five columns at 360 px, severity and status were off the screen. */}
          <table class="table-cards">
            <caption class="visually-hidden">{t('pairs.concerns.myTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pairs.concerns.field.summary')}</th>
                <th scope="col">{t('pairs.concerns.field.pair')}</th>
                <th scope="col">{t('pairs.concerns.field.raisedOn')}</th>
                <th scope="col">{t('pairs.concerns.field.severity')}</th>
                <th scope="col">{t('pairs.concerns.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {concerns.map((c) => (
                <tr id={`concern-${c.id}`}>
                  <th scope="row">{c.summary}</th>
                  <td data-label={t('pairs.concerns.field.pair')}>{c.menteeGiven ?? '—'}</td>
                  <td data-label={t('pairs.concerns.field.raisedOn')}>{formatDate(c.createdAt, locale, timeZone)}</td>
                  <td data-label={t('pairs.concerns.field.severity')}>{severityName(t, c.severity)}</td>
                  <td data-label={t('pairs.concerns.field.status')}>{statusName(t, c.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

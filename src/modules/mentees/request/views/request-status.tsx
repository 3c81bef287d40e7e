import { formatDate } from '../../../../core/i18n/index.js';
import { WarningNotice, type PageContext } from '../../../../core/ui/index.js';
import type { PublicOrganisation } from '../../../volunteers/index.js';
import type { RequestStatus } from '../status.service.js';

type Step = 'received' | 'reviewed' | 'waiting' | 'matched';
const STEPS: Step[] = ['received', 'reviewed', 'waiting', 'matched'];

/** The step a request has reached; on hold, closed and declined requests are told apart by a notice instead. */
function reached(status: RequestStatus['status']): number {
  if (status === 'requested') return 0;
  if (status === 'matched') return 3;
  return 2;
}

/**
 * The private page behind the link in the confirmation mail: where the request stands, in the visitor's language,
 * as steps (received, read by a social worker, waiting since, volunteer found). Dates in the organisation's zone.
 * `sent`: just after the form was sent, the page also thanks and asks to keep the link.
 */
export function RequestStatusView({ ctx, org, s, sent, link }: { ctx: PageContext; org: PublicOrganisation; s: RequestStatus; sent: boolean; link: string }) {
  const { t } = ctx;
  const date = (d: Date | null) => (d ? formatDate(d, ctx.locale, s.timeZone) : '');
  // The status itself when the request stopped there (its message names it), else null.
  const stopped = s.status === 'on_hold' || s.status === 'closed' || s.status === 'declined' ? s.status : null;
  const current = stopped ? -1 : reached(s.status);
  const detail: Record<Step, string> = {
    received: t('mentees.request.status.step.receivedOn', { date: date(s.receivedAt) }),
    reviewed: s.reviewedAt ? t('mentees.request.status.step.reviewedOn', { date: date(s.reviewedAt) }) : t('mentees.request.status.step.reviewedNotYet'),
    waiting:
      s.status === 'waiting' && s.waitingSince
        ? t('mentees.request.status.step.waitingSince', { date: date(s.waitingSince), count: s.daysWaiting ?? 0 })
        : s.waitingSince && s.status === 'matched'
          ? t('mentees.request.status.step.waitedFrom', { date: date(s.waitingSince) })
          : '',
    matched: s.matchedAt ? t('mentees.request.status.step.matchedOn', { date: date(s.matchedAt) }) : '',
  };
  return (
    <section class="narrow">
      {sent ? (
        <>
          <h1>{t('mentees.request.thanks.title')}</h1>
          <p class="lead">{t('mentees.request.thanks.body', { organisation: org.name })}</p>
          <div class="notice">
            <p>{t(s.mailed ? 'mentees.request.status.keepMailed' : 'mentees.request.status.keep')}</p>
            <p>
              <a href={link} class="long-token" dir="ltr">
                {link}
              </a>
            </p>
          </div>
          <h2>{t('mentees.request.status.title')}</h2>
        </>
      ) : (
        <>
          <h1>{t('mentees.request.status.title')}</h1>
          <p class="lead">{t('mentees.request.status.lead', { organisation: org.name })}</p>
        </>
      )}
      {stopped && <WarningNotice>{t(`mentees.request.status.stopped.${stopped}`, { organisation: org.name })}</WarningNotice>}
      <ol class="steps">
        {STEPS.map((step, i) => {
          const done = !stopped && i <= current;
          return (
            <li class={done ? (i === current ? 'step step-current' : 'step step-done') : 'step'} aria-current={i === current ? 'step' : undefined}>
              <span class="step-title">{t(`mentees.request.status.step.${step}`)}</span>
              {done && detail[step] && <span class="step-detail">{detail[step]}</span>}
              {i === current && <span class="visually-hidden"> ({t('mentees.request.status.current')})</span>}
            </li>
          );
        })}
      </ol>
      <p class="hint">{t(s.status === 'matched' ? 'mentees.request.status.nextMatched' : 'mentees.request.status.next', { organisation: org.name })}</p>
      <p class="hint">{t('mentees.request.status.private')}</p>
      <p>
        <a href={`/o/${org.slug}`}>{t('volunteers.application.backTo', { organisation: org.name })}</a>
      </p>
    </section>
  );
}

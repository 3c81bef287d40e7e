import type { FormState, PageContext } from '../../../../core/ui/index.js';
import { DataTable, Form, SubmitButton } from '../../../../core/ui/index.js';
import { formatHours } from '../format-hours.js';
import { COMMENT_MAX } from '../meetings.schemas.js';
import type { PairLog } from '../pairs.service.js';
import { fullName, monthLabel } from './labels.js';
import { FigureRow } from './figure-row.js';
import { MeetingItem } from './meeting-item.js';
import { PairActions } from '../../links.js';

/** A comment form per meeting; ids carry the meeting id so several forms on one page stay unique. */
function CommentForm({ ctx, matchId, meetingId, form }: { ctx: PageContext; matchId: string; meetingId: string; form: FormState | null }) {
  const { t } = ctx;
  const id = `comment-${meetingId}`;
  const error = form?.errors.body;
  return (
    <Form ctx={ctx} action={`/pairs/${matchId}/meetings/${meetingId}/comments`} class="form comment-form">
      <div class={`field${error ? ' field-invalid' : ''}`}>
        <label for={id}>{t('pairs.meetings.comment.label')}</label>
        <p class="hint" id={`${id}-hint`}>
          {t('pairs.meetings.comment.hint', { max: COMMENT_MAX })}
        </p>
        {error && (
          <p class="field-error" id={`${id}-error`}>
            <span class="visually-hidden">{t('form.errorPrefix')} </span>
            {t(error.key, error.params)}
          </p>
        )}
        <textarea id={id} name="body" rows={2} maxLength={COMMENT_MAX} required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}>
          {form ? String(form.values.body ?? '') : ''}
        </textarea>
      </div>
      <SubmitButton secondary>{t('pairs.meetings.comment.submit')}</SubmitButton>
    </Form>
  );
}

/** /pairs/:matchId: the pair's meeting log with totals per month and a comment form under each log. */
export function PairLogView({ ctx, log, comment, canCertificate }: { ctx: PageContext; log: PairLog; comment: { meetingId: string; form: FormState } | null; canCertificate: boolean }) {
  const { t, locale } = ctx;
  const p = log.pair;
  const names = { volunteer: fullName({ givenName: p.volunteerGivenName, familyName: p.volunteerFamilyName }), mentee: fullName({ givenName: p.menteeGivenName, familyName: p.menteeFamilyName }) };
  return (
    <>
      <p class="actions-row">
        <a href="/pairs">{t('pairs.meetings.backToPairs')}</a>
        <a href={`/matching/matches/${p.id}`}>{t('pairs.meetings.matchPage')}</a>
        {canCertificate && <a href={`/pairs/volunteers/${p.volunteerId}/certificate.pdf`}>{t('pairs.meetings.certificate.staffLink', { name: names.volunteer })}</a>}
      </p>
      <h1>{t('pairs.meetings.log.title', names)}</h1>
      {comment && (
        // As core/ui's ErrorSummary (whose links assume one form per page): focus without JavaScript, the field named.
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus>
          <h2 id="error-summary-title">{t('form.errorSummary', { count: 1 })}</h2>
          <ul>
            <li>
              <a href={`#comment-${comment.meetingId}`}>
                {t('pairs.meetings.comment.label')}: {t(comment.form.errors.body?.key ?? 'validation.invalid', comment.form.errors.body?.params)}
              </a>
            </li>
          </ul>
        </div>
      )}
      <p>{t(`pairs.meetings.status.${p.status}`)}</p>
      <PairActions ctx={ctx} matchId={p.id} open={p.status !== 'closed'} />
      <h2 id="months-title">{t('pairs.meetings.log.months')}</h2>
      <DataTable
        labelledBy="months-title"
        rows={log.months}
        empty={t('pairs.meetings.log.none')}
        columns={[
          { header: t('pairs.meetings.log.month'), rowHeader: true, cell: (m) => monthLabel(m.month, locale) },
          { header: t('pairs.meetings.log.meetings'), headerClass: 'numeric', cellClass: 'numeric', cell: (m) => m.meetings },
          { header: t('pairs.meetings.log.hours'), headerClass: 'numeric', cellClass: 'numeric', cell: (m) => formatHours(m.minutes, locale) },
        ]}
        foot={<FigureRow head={t('pairs.meetings.log.total')} figures={[log.total.meetings, formatHours(log.total.minutes, locale)]} />}
      />
      {log.meetings.length > 0 && (
        <>
          <h2>{t('pairs.meetings.log.history')}</h2>
          <ol class="notes meetings">
            {log.meetings.map((m) => (
              <MeetingItem ctx={ctx} meeting={m} who={names.mentee} timeZone={log.timeZone}>
                <CommentForm ctx={ctx} matchId={p.id} meetingId={m.id} form={comment?.meetingId === m.id ? comment.form : null} />
              </MeetingItem>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

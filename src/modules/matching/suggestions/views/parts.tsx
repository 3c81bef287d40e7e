import { formatDate } from '../../../../core/i18n/index.js';
import { DataTable, ErrorSummary, Form, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { refusalMessage, type Refusal } from '../../refusals.js';
import type { ExclusionRow } from '../suggestions.repository.js';
import { needList } from './labels.js';

/** Pieces shared by the suggestion, match and batch pages. */

export interface Reasons {
  percent: number | null;
  summary: string;
  components: { key: string; points: number; max: number; reason: string }[];
  cautions?: string[];
}

/** The reason sentence, then each component with its points (a details list), then cautions. */
export function ReasonsBlock({ ctx, r }: { ctx: PageContext; r: Reasons }) {
  const { t } = ctx;
  return (
    <>
      <p>{r.summary || t('matching.reasons.none')}</p>
      <details>
        <summary>{t('matching.reasons.details')}</summary>
        <ul>
          {r.components.map((c) => (
            <li>
              {c.reason} <span class="muted">({t('matching.reasons.points', { points: c.points, max: c.max })})</span>
            </li>
          ))}
        </ul>
      </details>
      {r.cautions && r.cautions.length > 0 && (
        <p class="notice notice-warning">
          <strong>{t('matching.reasons.caution')}</strong> {r.cautions.join(' ')}
        </p>
      )}
    </>
  );
}

/** "82% fit", with words for screen readers that do not read the per-cent sign well. */
export const Fit = ({ ctx, percent }: { ctx: PageContext; percent: number | null }) => (percent === null ? null : <span class="fit">{ctx.t('matching.reasons.fit', { percent })}</span>);

/** Why a match could not be made (re-check on fresh data), every reason in words. */
export function RefusalNotice({ ctx, refusals, names, id = 'refusal' }: { ctx: PageContext; refusals: Refusal[]; names: { mentee: string; volunteer: string }; id?: string }) {
  const { t } = ctx;
  return (
    <div class="error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>{t('matching.refusal.title')}</h2>
      <ul>
        {refusals.map((r) => {
          const m = refusalMessage(r, names);
          return <li>{t(m.key, m.params)}</li>;
        })}
      </ul>
    </div>
  );
}

/**
 * "Never suggest this pair" in a suggestion row: a disclosure with the reason field (works without JavaScript).
 * Open, with the message at the field, when the posted reason was refused.
 */
export function ExcludeForm({ ctx, menteeId, volunteerId, from, name, form }: { ctx: PageContext; menteeId: string; volunteerId: string; from: 'mentee' | 'volunteer'; name: string; form?: FormState }) {
  const { t } = ctx;
  const id = `exclude-${from === 'mentee' ? volunteerId : menteeId}`;
  const error = form?.errors.reason;
  // The refused form's field takes the id the error summary links to (only one form on the page can be refused).
  const fieldId = form ? 'f-reason' : `${id}-reason`;
  return (
    <details open={Boolean(error)}>
      <summary>{t('matching.exclusions.open')}</summary>
      <Form ctx={ctx} action="/matching/exclusions" novalidate>
        <input type="hidden" name="menteeId" value={menteeId} />
        <input type="hidden" name="volunteerId" value={volunteerId} />
        <input type="hidden" name="from" value={from} />
        <div class={`field${error ? ' field-invalid' : ''}`}>
          <label for={fieldId}>{t('matching.exclusions.reason', { name })}</label>
          {error && (
            <p class="field-error" id={`${id}-error`}>
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {t(error.key, error.params)}
            </p>
          )}
          <textarea id={fieldId} name="reason" rows={2} maxLength={500} required aria-required="true" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
            {String(form?.values.reason ?? '')}
          </textarea>
        </div>
        <div class="actions">
          <button type="submit" class="button button-secondary">
            {t('matching.exclusions.submit')}
          </button>
        </div>
      </Form>
    </details>
  );
}

/** The pairs ruled out, with who decided, when, why, and a button to lift each. */
export function ExclusionsTable({ ctx, rows, from, timeZone }: { ctx: PageContext; rows: ExclusionRow[]; from: 'mentee' | 'volunteer'; timeZone: string }) {
  const { t, locale } = ctx;
  if (rows.length === 0) return <p class="muted">{t('matching.exclusions.empty')}</p>;
  const other = (e: ExclusionRow) => (from === 'mentee' ? `${e.volunteerGivenName} ${e.volunteerFamilyName}` : `${e.menteeGivenName} ${e.menteeFamilyName}`);
  return (
    <DataTable
      caption={t('matching.exclusions.caption')}
      rows={rows}
      columns={[
        { header: t(from === 'mentee' ? 'matching.volunteer' : 'matching.mentee'), rowHeader: true, cell: other },
        { header: t('matching.exclusions.reasonColumn'), cell: (e) => e.reason },
        { header: t('matching.exclusions.decided'), cell: (e) => t('matching.decidedBy', { name: e.createdByName ?? t('matching.someone'), date: formatDate(e.createdAt, locale, timeZone) }) },
        {
          header: <span class="visually-hidden">{t('matching.actions')}</span>,
          cell: (e) => (
            <Form ctx={ctx} action={`/matching/mentees/${e.menteeId}/exclusions/${e.id}/delete`} class="inline-form">
              <input type="hidden" name="from" value={from} />
              <button type="submit" class="button button-secondary">
                {t('matching.exclusions.remove')}
                <span class="visually-hidden"> ({other(e)})</span>
              </button>
            </Form>
          ),
        },
      ]}
    />
  );
}

/** What a suggestion page says above everything after a refused post: a refused match, a tampered form, a refused exclusion. */
export function PageNotices({ ctx, refusal, problem, exclusion }: { ctx: PageContext; refusal?: { refusals: Refusal[]; names: { mentee: string; volunteer: string } }; problem?: FormState; exclusion?: { form: FormState } }) {
  return (
    <>
      {refusal && <RefusalNotice ctx={ctx} refusals={refusal.refusals} names={refusal.names} />}
      {problem && <ErrorSummary ctx={ctx} form={problem} labels={{}} />}
      {exclusion && <ErrorSummary ctx={ctx} form={exclusion.form} labels={{ reason: ctx.t('matching.exclusions.reasonColumn') }} />}
    </>
  );
}

/** The matches the person is in already: the other side (`other`), the needs served and since when. */
export function ActiveMatches<M extends { id: string; needs: readonly string[]; startedAt: string }>({ ctx, matches, other, timeZone }: { ctx: PageContext; matches: readonly M[]; other: (m: M) => string; timeZone: string }) {
  const { t, locale } = ctx;
  if (matches.length === 0) return null;
  const needs = (m: M) => needList(t, locale, m.needs) || '—';
  return (
    <>
      <h2>{t('matching.suggestions.activeMatches')}</h2>
      <ul>
        {matches.map((a) => (
          <li>
            <a href={`/matching/matches/${a.id}`}>{other(a)}</a> — {needs(a)} ({t('matching.since', { date: formatDate(a.startedAt, locale, timeZone) })})
          </li>
        ))}
      </ul>
    </>
  );
}

/** The "match" button of one suggestion: posts the suggested person's id as `field` (the name is for screen readers). */
export function MatchButton({ ctx, action, field, id, name }: { ctx: PageContext; action: string; field: 'menteeId' | 'volunteerId'; id: string; name: string }) {
  return (
    <Form ctx={ctx} action={action} class="inline-form">
      <input type="hidden" name={field} value={id} />
      <button type="submit" class="button">
        {ctx.t('matching.suggestions.match')}
        <span class="visually-hidden"> ({name})</span>
      </button>
    </Form>
  );
}

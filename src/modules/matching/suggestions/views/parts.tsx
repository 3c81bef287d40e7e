import type { ComponentChildren } from 'preact';
import { formatDate } from '../../../../core/i18n/index.js';
import { ButtonForm, DataTable, ErrorSummary, Form, SubmitButton, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { refusalMessage, type Refusal } from '../../refusals.js';
import { explainLeftOut, type LeftOut } from '../../scoring/index.js';
import type { ExclusionRow } from '../suggestions.repository.js';
import { fullName, needList } from './labels.js';

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
        <SubmitButton secondary>{t('matching.exclusions.submit')}</SubmitButton>
      </Form>
    </details>
  );
}

/** Under its heading, the pairs ruled out, with who decided, when, why, and a button to lift each. */
export function ExclusionsTable({ ctx, rows, from, timeZone }: { ctx: PageContext; rows: ExclusionRow[]; from: 'mentee' | 'volunteer'; timeZone: string }) {
  const { t, locale } = ctx;
  const other = (e: ExclusionRow) => (from === 'mentee' ? `${e.volunteerGivenName} ${e.volunteerFamilyName}` : `${e.menteeGivenName} ${e.menteeFamilyName}`);
  return (
    <>
      <h2>{t('matching.exclusions.heading')}</h2>
      <DataTable
        caption={t('matching.exclusions.caption')}
        rows={rows}
        empty={t('matching.exclusions.empty')}
        emptyClass="muted"
        columns={[
          { header: t(from === 'mentee' ? 'matching.volunteer' : 'matching.mentee'), rowHeader: true, cell: other },
          { header: t('matching.exclusions.reasonColumn'), cell: (e) => e.reason },
          { header: t('matching.exclusions.decided'), cell: (e) => t('matching.decidedBy', { name: e.createdByName ?? t('matching.someone'), date: formatDate(e.createdAt, locale, timeZone) }) },
          {
            header: <span class="visually-hidden">{t('matching.actions')}</span>,
            cell: (e) => (
              <ButtonForm ctx={ctx} action={`/matching/mentees/${e.menteeId}/exclusions/${e.id}/delete`} look="secondary" hidden={{ from }}>
                {t('matching.exclusions.remove')}
                <span class="visually-hidden"> ({other(e)})</span>
              </ButtonForm>
            ),
          },
        ]}
      />
    </>
  );
}

/** What a suggestion page shows after a refused post: a refused match (409), a refused exclusion (which row, its state), a tampered form (a hidden id that is not an id: 422 with one message for the whole form). */
export interface RefusedPost {
  refusal?: { refusals: Refusal[]; names: { mentee: string; volunteer: string } };
  exclusion?: { otherId: string; form: FormState };
  problem?: FormState;
}

/** What a suggestion page says above everything after a refused post: a refused match, a tampered form, a refused exclusion. */
export function PageNotices({ ctx, refusal, problem, exclusion }: { ctx: PageContext } & RefusedPost) {
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

/** How many fit (`found`), and in a sentence why the others were left out. */
export function FoundStatus({ ctx, found, leftOut, side }: { ctx: PageContext; found: string; leftOut: LeftOut; side: 'volunteers' | 'mentees' }) {
  return (
    <div role="status">
      <p>{found}</p>
      {leftOut.count > 0 && <p class="muted">{explainLeftOut(leftOut, side, ctx.t, ctx.locale)}</p>}
    </div>
  );
}

/** Who a suggestion suggests: enough to name them, link to them and say where they are. */
interface SuggestedPerson {
  id: string;
  givenName: string;
  familyName: string;
  district: string | null;
}

/**
 * One person suggested on a mentee's or a volunteer's page (`from`, the page's person `ownId`): their name (a link to
 * their own page) with the fit, a line of `facts` and their district, the request's `summary`, why; then "match" or
 * why not (`full`), and "never suggest this pair" (open with its error after a refused `exclusion` of this pair).
 */
export function SuggestionCard(props: { ctx: PageContext; from: 'mentee' | 'volunteer'; ownId: string; s: Reasons & { person: SuggestedPerson }; facts: string; summary?: string | null; full?: ComponentChildren; exclusion?: RefusedPost['exclusion'] }) {
  const { ctx, from, ownId, s, exclusion } = props;
  const person = s.person;
  const name = fullName(person);
  const pair = from === 'mentee' ? { menteeId: ownId, volunteerId: person.id } : { menteeId: person.id, volunteerId: ownId };
  return (
    <li class="card">
      <h3>
        <a href={`/matching/${from === 'mentee' ? 'volunteers' : 'mentees'}/${person.id}`}>{name}</a> <Fit ctx={ctx} percent={s.percent} />
      </h3>
      <p class="muted">
        {props.facts}
        {person.district ? ` · ${person.district}` : ''}
      </p>
      {props.summary && <p>{props.summary}</p>}
      <ReasonsBlock ctx={ctx} r={s} />
      {props.full ? (
        <p>
          <strong>{props.full}</strong>
        </p>
      ) : (
        <MatchButton ctx={ctx} action={`/matching/${from}s/${ownId}/match`} field={from === 'mentee' ? 'volunteerId' : 'menteeId'} id={person.id} name={name} />
      )}
      <ExcludeForm ctx={ctx} {...pair} from={from} name={name} form={exclusion?.otherId === person.id ? exclusion.form : undefined} />
    </li>
  );
}

/** The "match" button of one suggestion: posts the suggested person's id as `field` (the name is for screen readers). */
export function MatchButton({ ctx, action, field, id, name }: { ctx: PageContext; action: string; field: 'menteeId' | 'volunteerId'; id: string; name: string }) {
  return (
    <ButtonForm ctx={ctx} action={action} look="main" hidden={{ [field]: id }}>
      {ctx.t('matching.suggestions.match')}
      <span class="visually-hidden"> ({name})</span>
    </ButtonForm>
  );
}

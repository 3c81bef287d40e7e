import { formatDateTime, formatNumber } from '../../../../core/i18n/index.js';
import { ButtonForm, ErrorSummary, Form, PageHead, RequiredMark, Stats, SubmitButton, SubmitOrCancel, type FormState, type PageContext, type Stat } from '../../../../core/ui/index.js';
import { refusalMessage, type Refusal } from '../../refusals.js';
import { fullName } from '../../suggestions/views/labels.js';
import { Fit, ReasonsBlock, RefusalNotice } from '../../suggestions/views/parts.js';
import type { PresentedProposal, RunView as Run } from '../batch.service.js';
import { runTitle } from './labels.js';

interface Props {
  ctx: PageContext;
  view: Run;
  /** An acceptance just refused on re-check (409): the pair and why. */
  refusal?: { refusals: Refusal[]; names: { mentee: string; volunteer: string } };
  /** A rejection form refused (422): which proposal, and its state. */
  rejection?: { proposalId: string; form: FormState };
}

function Decided({ ctx, p, timeZone }: { ctx: PageContext; p: PresentedProposal; timeZone: string }) {
  const { t, locale } = ctx;
  const who = { name: p.decidedBy ?? t('matching.someone'), date: p.decidedAt ? formatDateTime(new Date(p.decidedAt), locale, timeZone) : '—' };
  if (p.status === 'accepted')
    return (
      <p>
        <strong>{t('matching.batch.accepted', who)}</strong> {p.matchId && <a href={`/matching/matches/${p.matchId}`}>{t('matching.batch.openMatch')}</a>}
      </p>
    );
  if (p.status === 'rejected')
    return (
      <p>
        <strong>{t('matching.batch.rejected', who)}</strong> {p.reason && <span>{t('matching.batch.because', { reason: p.reason })}</span>}
      </p>
    );
  const names = { mentee: fullName(p.mentee), volunteer: fullName(p.volunteer) };
  return (
    <div class="notice notice-warning">
      <p>
        <strong>{t('matching.batch.stale', who)}</strong>
      </p>
      <ul>
        {p.refusals.map((r) => {
          const m = refusalMessage(r, names);
          return <li>{t(m.key, m.params)}</li>;
        })}
      </ul>
    </div>
  );
}

function RejectForm({ ctx, p, form }: { ctx: PageContext; p: PresentedProposal; form?: FormState }) {
  const { t } = ctx;
  const id = `reject-${p.id}`;
  const error = form?.errors.reason;
  // The refused form's field takes the id the error summary links to (only one form on the page can be refused).
  const fieldId = form ? 'f-reason' : `${id}-reason`;
  const excludeChecked = form ? ['true', 'on', '1'].includes(String(form.values.exclude)) : false;
  return (
    <details open={Boolean(form)}>
      <summary>{t('matching.batch.reject')}</summary>
      <Form ctx={ctx} action={`/matching/batch/${p.runId}/proposals/${p.id}/reject`} novalidate>
        <div class={`field${error ? ' field-invalid' : ''}`}>
          <label for={fieldId}>
            {t('matching.batch.rejectReason')}
            <RequiredMark ctx={ctx} requiredIf={t('matching.batch.reasonRequiredIf')} />
          </label>
          {error && (
            <p class="field-error" id={`${id}-error`}>
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {t(error.key, error.params)}
            </p>
          )}
          <textarea id={fieldId} name="reason" rows={2} maxLength={500} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
            {String(form?.values.reason ?? '')}
          </textarea>
        </div>
        <div class="field field-checkbox">
          <label class="checkbox" for={`${id}-exclude`}>
            <input id={`${id}-exclude`} type="checkbox" name="exclude" value="true" checked={excludeChecked} /> {t('matching.batch.neverAgain')}
          </label>
        </div>
        <SubmitButton secondary>
          {t('matching.batch.rejectSubmit')}
          <span class="visually-hidden"> ({t('matching.matches.pairName', { mentee: fullName(p.mentee), volunteer: fullName(p.volunteer) })})</span>
        </SubmitButton>
      </Form>
    </details>
  );
}

/** Who the run could not propose a pair for, each with the reason in plain words and a way to look further. */
function Unmatched({ ctx, view }: { ctx: PageContext; view: Run }) {
  const { t } = ctx;
  const { run, unmatched } = view;
  if (unmatched.length === 0) {
    // Runs from before the reasons were recorded only know how many.
    return run.mentees > run.matched ? <p>{t('matching.batch.unmatched.notRecorded', { count: run.mentees - run.matched })}</p> : null;
  }
  return (
    <ul class="unmatched">
      {unmatched.map((u) => (
        <li class="card">
          <h3>{fullName(u.mentee)}</h3>
          <p>{u.reason}</p>
          {u.waiting ? (
            <p>
              <a href={`/matching/mentees/${u.mentee.id}`}>{t('matching.batch.unmatched.find', { name: fullName(u.mentee) })}</a>
            </p>
          ) : (
            <p class="muted">{t('matching.batch.unmatched.noLongerWaiting')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The engine's figures, for whoever wants to check the computation: not what a decision rests on. */
function HowComputed({ ctx, view }: { ctx: PageContext; view: Run }) {
  const { t, locale } = ctx;
  const run = view.run;
  const figures: Stat[] = [
    { label: t('matching.batch.figures.mentees'), value: formatNumber(run.mentees, locale) },
    { label: t('matching.batch.figures.volunteers'), value: formatNumber(run.volunteers, locale) },
    { label: t('matching.batch.figures.pairs'), value: formatNumber(run.candidatePairs, locale) },
    { label: t('matching.batch.figures.matched'), value: formatNumber(run.matched, locale) },
    { label: t('matching.batch.figures.total'), value: formatNumber(run.total, locale) },
    { label: t('matching.batch.figures.time'), value: t('matching.batch.figures.ms', { ms: run.milliseconds }) },
  ];
  return (
    <details class="more">
      <summary>{t('matching.batch.howComputed')}</summary>
      <p>{t('matching.batch.explainObjective')}</p>
      <Stats items={figures} />
    </details>
  );
}

/**
 * `/matching/batch/:runId`: who is proposed with whom, who stays unmatched and why, each pair to accept or reject.
 * Accepting everything at once is a secondary action behind a confirmation page.
 */
export function RunPageView({ ctx, view, refusal, rejection }: Props) {
  const { t } = ctx;
  const run = view.run;
  const unmatchedCount = Math.max(view.unmatched.length, run.mentees - run.matched);
  return (
    <>
      <p class="actions-row">
        <a href="/matching/batch">{t('matching.batch.title')}</a>
        <a href="/matching">{t('matching.links.overview')}</a>
      </p>
      <PageHead title={runTitle(ctx, run, view.timeZone)} />
      {run.createdBy && <p class="muted">{t('matching.batch.runBy', { name: run.createdBy })}</p>}
      {refusal && <RefusalNotice ctx={ctx} refusals={refusal.refusals} names={refusal.names} />}
      {rejection && <ErrorSummary ctx={ctx} form={rejection.form} labels={{ reason: t('matching.batch.rejectReason') }} />}
      <p class="lead">
        {t('matching.batch.lead', { proposed: run.matched, waiting: run.mentees })} {t('matching.batch.leadUnmatched', { count: unmatchedCount })}
      </p>
      {run.status === 'closed' && <p class="notice">{run.proposals.length === 0 ? t('matching.batch.nothingProposed') : t('matching.batch.runClosed')}</p>}
      {run.proposals.length > 0 && (
        <>
          <h2>{t('matching.batch.proposals')}</h2>
          <ol class="suggestions">
            {run.proposals.map((p) => (
              <li class="card" id={`proposal-${p.id}`}>
                <h3>
                  {t('matching.matches.pairName', { mentee: fullName(p.mentee), volunteer: fullName(p.volunteer) })} <Fit ctx={ctx} percent={p.percent} />
                </h3>
                <p class="actions-row">
                  <a href={`/matching/mentees/${p.mentee.id}`}>{t('matching.batch.menteeLink', { name: fullName(p.mentee) })}</a>
                  <a href={`/matching/volunteers/${p.volunteer.id}`}>{t('matching.batch.volunteerLink', { name: fullName(p.volunteer) })}</a>
                </p>
                <ReasonsBlock ctx={ctx} r={p} />
                {p.status === 'proposed' ? (
                  <>
                    <ButtonForm ctx={ctx} action={`/matching/batch/${run.id}/proposals/${p.id}/accept`} look="main">
                      {t('matching.batch.accept')}
                      <span class="visually-hidden"> ({t('matching.matches.pairName', { mentee: fullName(p.mentee), volunteer: fullName(p.volunteer) })})</span>
                    </ButtonForm>
                    <RejectForm ctx={ctx} p={p} form={rejection?.proposalId === p.id ? rejection.form : undefined} />
                  </>
                ) : (
                  <Decided ctx={ctx} p={p} timeZone={view.timeZone} />
                )}
              </li>
            ))}
          </ol>
          {run.status === 'open' && run.proposed > 1 && (
            <p>
              <a class="button button-secondary" href={`/matching/batch/${run.id}/accept-all`}>
                {t('matching.batch.acceptAll', { count: run.proposed })}
              </a>
            </p>
          )}
        </>
      )}
      {unmatchedCount > 0 && (
        <>
          <h2>{t('matching.batch.unmatched.title')}</h2>
          <Unmatched ctx={ctx} view={view} />
        </>
      )}
      <HowComputed ctx={ctx} view={view} />
    </>
  );
}

/** `/matching/batch/:runId/accept-all`: what accepting everything at once would do, before it is done. */
export function AcceptAllView({ ctx, view }: { ctx: PageContext; view: Run }) {
  const { t } = ctx;
  const run = view.run;
  const pending = run.proposals.filter((p) => p.status === 'proposed');
  return (
    <>
      <p class="actions-row">
        <a href={`/matching/batch/${run.id}`}>{t('matching.batch.backToRun')}</a>
      </p>
      <h1>{t('matching.batch.acceptAllTitle', { count: pending.length })}</h1>
      <p>{t('matching.batch.acceptAllExplain')}</p>
      <ul>
        {pending.map((p) => (
          <li>{t('matching.matches.pairName', { mentee: fullName(p.mentee), volunteer: fullName(p.volunteer) })}</li>
        ))}
      </ul>
      <Form ctx={ctx} action={`/matching/batch/${run.id}/accept-all`}>
        <SubmitOrCancel cancelHref={`/matching/batch/${run.id}`} cancelLabel={t('matching.batch.acceptAllCancel')}>
          {t('matching.batch.acceptAllConfirm', { count: pending.length })}
        </SubmitOrCancel>
      </Form>
    </>
  );
}

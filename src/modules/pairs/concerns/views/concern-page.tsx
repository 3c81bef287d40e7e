import type { ComponentChildren } from 'preact';
import { compareNames, formatDateTime } from '../../../../core/i18n/index.js';
import { DefinitionList, ErrorSummary, Form, Section, SelectField, SubmitButton, TextArea, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { ACTION_KINDS, AUTO_ESCALATION_HOURS, higherThan, isUrgent, nextStatuses } from '../concerns.schemas.js';
import type { ActionRow } from '../concerns.repository.js';
import type { ConcernView } from '../handling.service.js';
import { pairName, raisedAsName, severityName, statusName } from './labels.js';

export interface ConcernForms {
  status?: FormState;
  assign?: FormState;
  action?: FormState;
  escalate?: FormState;
  acknowledge?: FormState;
}
const empty: FormState = { values: {}, errors: {} };

/**
 * One of the forms that change the concern: its errors, the version of the concern it was read at (so a change made
 * meanwhile is refused, not overwritten), its fields (`children`) and its button.
 */
function ChangeForm(props: { ctx: PageContext; action: string; form: FormState; labels: Record<string, string>; version?: number; submit: string; children: ComponentChildren }) {
  const { ctx, form } = props;
  return (
    <Form ctx={ctx} action={props.action} novalidate>
      <ErrorSummary ctx={ctx} form={form} labels={props.labels} />
      {props.version !== undefined && <input type="hidden" name="version" value={String(props.version)} />}
      {props.children}
      <SubmitButton secondary>{props.submit}</SubmitButton>
    </Form>
  );
}

/** One line of the history: who did what and when. */
function ActionItem({ ctx, a, timeZone }: { ctx: PageContext; a: ActionRow; timeZone: string }) {
  const { t, locale } = ctx;
  const by = a.byName ?? t('pairs.concerns.someone');
  const detail = a.detail as { from?: string; to?: string; automatic?: boolean; hours?: number };
  const what =
    a.kind === 'escalated'
      ? detail.automatic
        ? t('pairs.concerns.history.escalatedAuto', { hours: detail.hours ?? 0 })
        : t('pairs.concerns.history.escalated', { by, from: severityName(t, detail.from ?? ''), to: severityName(t, detail.to ?? '') })
      : a.kind === 'acknowledged'
        ? t('pairs.concerns.history.acknowledged', { by })
        : a.kind === 'status'
      ? detail.from
        ? t('pairs.concerns.history.status', { by, from: statusName(t, detail.from), to: statusName(t, detail.to ?? '') })
        : t('pairs.concerns.history.raised', { by })
      : a.kind === 'assigned'
        ? t('pairs.concerns.history.assigned', { by, to: a.subjectName ?? t('pairs.concerns.someone') })
        : t(a.kind === 'action' ? 'pairs.concerns.history.action' : 'pairs.concerns.history.note', { by });
  return (
    <li class="card">
      <p class="muted">
        <time datetime={a.at.toISOString()}>{formatDateTime(a.at, locale, timeZone)}</time> · {what}
      </p>
      {a.text && <p class="note-body" dir="auto">{a.text}</p>}
    </li>
  );
}

/** A concern with its history and the forms to work on it (none once closed, except notes). */
export function ConcernPageView({ ctx, view, forms, conflict }: { ctx: PageContext; view: ConcernView; forms: ConcernForms; conflict?: boolean }) {
  const { t, locale } = ctx;
  const c = view.concern;
  const next = nextStatuses(c.status);
  const compare = compareNames(locale);
  const staff = view.staff
    .filter((s) => s.userId && s.userId !== c.assignedToUserId && (view.mayAssignAway || s.userId === view.me))
    .map((s) => ({ value: s.userId!, label: `${s.givenName} ${s.familyName}` }))
    .sort((a, b) => compare(a.label, b.label));
  const status = forms.status ?? empty;
  const assign = forms.assign ?? empty;
  const action = forms.action ?? empty;
  const escalate = forms.escalate ?? empty;
  const higher = c.status === 'closed' ? [] : higherThan(c.severity);
  const showAcknowledge = c.status !== 'closed' && !c.acknowledgedAt;
  // When an urgent concern nobody acknowledged escalates by itself (shown in the organisation's zone).
  const autoAt = showAcknowledge && !c.escalatedAt && isUrgent(c.severity) && c.status !== 'resolved' ? new Date(c.severitySince.getTime() + AUTO_ESCALATION_HOURS[c.severity] * 3_600_000) : null;
  const showStatus = next.length > 0;
  const showAssign = c.status !== 'closed' && staff.length > 0;
  // A refusal of a form that is no longer offered (closed meanwhile, nobody left to assign) is shown at the top.
  const hidden =
    !showStatus && forms.status ? forms.status : !showAssign && forms.assign ? forms.assign : higher.length === 0 && forms.escalate ? forms.escalate : forms.acknowledge;
  const first = hidden && Object.values(hidden.errors)[0];
  // Without its form there is no field to link to: the message stands alone.
  const orphan: FormState | undefined = first ? { values: {}, errors: { _form: first } } : undefined;
  return (
    <>
      <p>
        <a href="/concerns">{t('pairs.concerns.backToList')}</a>
      </p>
      <h1>{t('pairs.concerns.pageTitle', { summary: c.summary })}</h1>
      {orphan && <ErrorSummary ctx={ctx} form={orphan} labels={{}} />}
      {conflict && (
        <div class="notice notice-warning" role="alert">
          <p>{t('pairs.concerns.conflict')}</p>
        </div>
      )}
      <DefinitionList
        items={[
          [t('pairs.concerns.field.severity'), severityName(t, c.severity)],
          [t('pairs.concerns.field.status'), statusName(t, c.status)],
          [t('pairs.concerns.field.pair'), c.matchId ? <a href={`/matching/matches/${c.matchId}`}>{pairName(t, c)}</a> : pairName(t, c)],
          [t('pairs.concerns.field.raisedBy'), t('pairs.concerns.raisedByAs', { name: c.raisedByName ?? t('pairs.concerns.someone'), as: raisedAsName(t, c.raisedAs) })],
          [t('pairs.concerns.field.raisedOn'), formatDateTime(c.createdAt, locale, view.timeZone)],
          [
            t('pairs.concerns.field.acknowledged'),
            c.acknowledgedAt
              ? t('pairs.concerns.acknowledgedBy', { name: c.acknowledgedByName ?? t('pairs.concerns.someone'), at: formatDateTime(c.acknowledgedAt, locale, view.timeZone) })
              : autoAt
                ? t('pairs.concerns.notAcknowledgedUntil', { at: formatDateTime(autoAt, locale, view.timeZone) })
                : t('pairs.concerns.notAcknowledged'),
          ],
          [t('pairs.concerns.field.assignee'), c.assigneeName ?? t('pairs.concerns.unassigned')],
          c.resolution && [t('pairs.concerns.field.resolution'), c.resolution, { class: 'note-body', dir: 'auto' }],
        ]}
      />
      {showAcknowledge && (
        <Form ctx={ctx} action={`/concerns/${c.id}/acknowledge`} novalidate>
          <SubmitButton>{t('pairs.concerns.acknowledgeSubmit')}</SubmitButton>
        </Form>
      )}
      <Section id="description-heading" title={t('pairs.concerns.field.description')}>
        <p class="note-body" dir={c.description ? 'auto' : undefined}>{c.description || t('pairs.concerns.noDescription')}</p>
      </Section>
      <Section id="history-heading" title={t('pairs.concerns.history.title')}>
        <ol class="notes">
          {view.actions.map((a) => (
            <ActionItem ctx={ctx} a={a} timeZone={view.timeZone} />
          ))}
        </ol>
      </Section>
      <Section id="action-heading" title={t('pairs.concerns.addTitle')}>
        <ChangeForm ctx={ctx} action={`/concerns/${c.id}/actions`} form={action} labels={{ kind: t('pairs.concerns.field.kind'), text: t('pairs.concerns.field.text') }} submit={t('pairs.concerns.addSubmit')}>
          <SelectField ctx={ctx} form={{ ...action, values: { kind: 'note', ...action.values } }} name="kind" label={t('pairs.concerns.field.kind')} required options={ACTION_KINDS.map((k) => ({ value: k, label: t(`pairs.concerns.kind.${k}`) }))} />
          <TextArea ctx={ctx} form={action} name="text" label={t('pairs.concerns.field.text')} maxLength={2000} rows={4} required />
        </ChangeForm>
      </Section>
      {showStatus && (
        <Section id="status-heading" title={t('pairs.concerns.statusTitle')}>
          <ChangeForm ctx={ctx} action={`/concerns/${c.id}/status`} form={status} labels={{ status: t('pairs.concerns.field.newStatus'), resolution: t('pairs.concerns.field.resolution') }} version={c.version} submit={t('pairs.concerns.statusSubmit')}>
            <SelectField ctx={ctx} form={status} name="status" label={t('pairs.concerns.field.newStatus')} required options={next.map((s) => ({ value: s, label: statusName(t, s) }))} />
            <TextArea ctx={ctx} form={status} name="resolution" label={t('pairs.concerns.field.resolution')} hint={t('pairs.concerns.hint.resolution')} maxLength={2000} rows={3} />
          </ChangeForm>
        </Section>
      )}
      {higher.length > 0 && (
        <Section id="escalate-heading" title={t('pairs.concerns.escalateTitle')}>
          <p>{t('pairs.concerns.escalateIntro')}</p>
          <ChangeForm ctx={ctx} action={`/concerns/${c.id}/escalate`} form={escalate} labels={{ severity: t('pairs.concerns.field.newSeverity'), reason: t('pairs.concerns.field.reason') }} version={c.version} submit={t('pairs.concerns.escalateSubmit')}>
            <SelectField ctx={ctx} form={escalate} name="severity" label={t('pairs.concerns.field.newSeverity')} required options={higher.map((s) => ({ value: s, label: severityName(t, s) }))} />
            <TextArea ctx={ctx} form={escalate} name="reason" label={t('pairs.concerns.field.reason')} hint={t('pairs.concerns.hint.reason')} maxLength={1000} rows={3} required />
          </ChangeForm>
        </Section>
      )}
      {showAssign && (
        <Section id="assign-heading" title={t('pairs.concerns.assignTitle')}>
          <ChangeForm ctx={ctx} action={`/concerns/${c.id}/assign`} form={assign} labels={{ assigneeUserId: t('pairs.concerns.field.assignee') }} version={c.version} submit={t('pairs.concerns.assignSubmit')}>
            <SelectField ctx={ctx} form={assign} name="assigneeUserId" label={t('pairs.concerns.field.assignee')} required options={staff} />
          </ChangeForm>
        </Section>
      )}
    </>
  );
}

import { formatDateTime } from '../../../../core/i18n/index.js';
import { DefinitionList, ErrorSummary, Form, RadioGroup, RecordHead, Section, SubmitButton, TextArea, WarningNotice, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { daysSince } from '../../../../core/i18n/time-zone.js';
import { daysLabel, fullName, statusName } from '../../views/labels.js';
import type { CaseView } from '../case.service.js';
import { ProfileSection } from './profile.js';
import { ConsentsSection, MatchesSection, NotesSection, StaffSection, type SectionForms } from './sections.js';
import { Timeline } from './timeline.js';

export interface CaseForms extends SectionForms {
  status?: FormState;
  review?: FormState;
  /** A problem of a form without fields of its own (removing a staff member). */
  staffProblem?: FormState;
}

interface Props {
  ctx: PageContext;
  view: CaseView;
  canManage: boolean;
  forms: CaseForms;
  /** Re-rendered after someone else's change won: say so above the current state. */
  conflict?: boolean;
}

const empty: FormState = { values: {}, errors: {} };

export function CasePageView({ ctx, view, canManage, forms, conflict }: Props) {
  const { t } = ctx;
  const m = view.mentee;
  return (
    <>
      <RecordHead back={{ href: m.status === 'requested' ? '/mentees?status=requested' : '/mentees', label: t('mentees.list.back') }} name={fullName(m)} edit={canManage && { href: `/mentees/${m.id}/edit`, label: t('mentees.case.edit') }} />
      {conflict && <WarningNotice role="alert">{t('mentees.case.conflict')}</WarningNotice>}
      {(m.minor || m.vulnerableAdult) && (
        <div class="notice notice-warning safeguarding" role="note" aria-label={t('mentees.flag.label')}>
          <p>
            <strong>{t('mentees.flag.label')}</strong>
          </p>
          <ul>
            {m.minor && <li>{t('mentees.flag.minor')}</li>}
            {m.vulnerableAdult && <li>{t('mentees.flag.vulnerableAdult')}</li>}
          </ul>
        </div>
      )}
      {m.status === 'requested' && canManage ? <ReviewPanel ctx={ctx} view={view} form={forms.review ?? empty} /> : <StatusSection ctx={ctx} view={view} canManage={canManage} form={forms.status ?? empty} />}
      <MatchesSection ctx={ctx} view={view} />
      <ProfileSection ctx={ctx} view={view} />
      <ConsentsSection ctx={ctx} view={view} canManage={canManage} form={forms.consent} />
      <StaffSection ctx={ctx} view={view} form={forms.staff} problem={forms.staffProblem} />
      <NotesSection ctx={ctx} view={view} form={forms.note} />
      <h2 id="timeline-heading">{t('mentees.case.timeline')}</h2>
      <Timeline ctx={ctx} events={view.events} />
    </>
  );
}

function StatusSection({ ctx, view, canManage, form }: { ctx: PageContext; view: CaseView; canManage: boolean; form: FormState }) {
  const { t, locale } = ctx;
  const m = view.mentee;
  const waiting = ['waiting', 'on_hold', 'matched'].includes(m.status) && m.waitingSince;
  return (
    <Section id="status-heading" title={t('mentees.case.status')}>
      <DefinitionList
        items={[
          [t('mentees.case.currentStatus'), statusName(t, m.status)],
          waiting && [t('mentees.case.waitingSince'), `${formatDateTime(m.waitingSince!, locale)} (${daysLabel(t, daysSince(m.waitingSince!, view.clock.now, view.clock.timeZone))})`],
          m.statusReason && [t('mentees.case.reason'), m.statusReason, { dir: 'auto' }],
        ]}
      />
      {canManage && view.actions.length > 0 && (
        <Form ctx={ctx} action={`/mentees/${m.id}/status`} novalidate>
          <input type="hidden" name="version" value={String(m.version)} />
          <ErrorSummary ctx={ctx} form={form} labels={{ action: t('mentees.case.changeStatus'), reason: t('mentees.case.reason') }} />
          <RadioGroup ctx={ctx} form={form} name="action" required label={t('mentees.case.changeStatus')} options={view.actions.map((a) => ({ value: a, label: t(`mentees.action.${a}`) }))} />
          <TextArea ctx={ctx} form={form} name="reason" label={t('mentees.case.reason')} hint={t('mentees.case.reasonHint')} requiredIf={t('mentees.case.reasonRequiredIf')} rows={2} maxLength={500} />
          <SubmitButton>{t('mentees.case.changeStatusSubmit')}</SubmitButton>
        </Form>
      )}
    </Section>
  );
}

/** A request from the public form: everything is below; accept it onto the waiting list or decline it with a reason. */
function ReviewPanel({ ctx, view, form }: { ctx: PageContext; view: CaseView; form: FormState }) {
  const { t, locale } = ctx;
  const m = view.mentee;
  return (
    <section aria-labelledby="review-heading" class="card">
      <h2 id="review-heading">{t('mentees.review.title')}</h2>
      <p>{t('mentees.review.lead', { date: formatDateTime(m.createdAt, locale), days: daysLabel(t, daysSince(m.createdAt, view.clock.now, view.clock.timeZone)) })}</p>
      <p>
        <a href={`/mentees/${m.id}/edit`}>{t('mentees.review.editFirst')}</a>
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={{ reason: t('mentees.review.declineReason') }} />
      <Form ctx={ctx} action={`/mentees/${m.id}/accept`}>
        <input type="hidden" name="version" value={String(m.version)} />
        <p class="hint">{t('mentees.review.acceptHint')}</p>
        <SubmitButton>{t('mentees.review.accept')}</SubmitButton>
      </Form>
      <Form ctx={ctx} action={`/mentees/${m.id}/decline`} novalidate>
        <input type="hidden" name="version" value={String(m.version)} />
        <TextArea ctx={ctx} form={form} name="reason" label={t('mentees.review.declineReason')} hint={t('mentees.review.declineHint')} required rows={3} maxLength={500} />
        <SubmitButton secondary>{t('mentees.review.decline')}</SubmitButton>
      </Form>
    </section>
  );
}

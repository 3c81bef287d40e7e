import type { ComponentChildren } from 'preact';
import { direction, formatDate, formatDateTime, formatList, hasMessage, LANGUAGE_NAME, isLocale, type MessageKey } from '../../../../core/i18n/index.js';
import { DataTable, DefinitionList, ErrorSummary, type Definition, Form, MutedLine, RecordHead, SelectField, SubmitButton, TextArea, WarningNotice, type Column, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DocumentsPanel } from '../../documents/panel.js';
import { ScreeningPanel } from '../../screening/panel.js';
import type { VolunteerView as View } from '../pipeline.service.js';
import { codeLabel, fullName, languageLabel, plannedLengthName, stageName } from './labels.js';
import { AvailabilityTable } from './availability-table.js';
import { Timeline } from './timeline.js';
import { fixHref } from '../../fix-links.js';
import { nextStages, type Requirement, type Stage } from '../stages.js';

interface Props {
  ctx: PageContext;
  view: View;
  form: FormState;
  canManage: boolean;
  /** Re-rendered after someone else's change won: say so above the current state. */
  conflict?: boolean;
  /** Re-rendered after the rules refused a move: what happened, what is missing, where to fix it. */
  refusal?: Refusal;
}

export interface Refusal {
  to: Stage;
  key: MessageKey;
  field: 'stage' | 'reason';
  missing: Requirement[];
  stoppedAt?: Stage;
}

/**
 * The refusal of a move, first on the page: a heading that says what happened ("Not moved to “Active”"), the
 * rule, and each missing thing as a link to the form where it is recorded.
 */
function RefusalSummary({ ctx, volunteerId, refusal }: { ctx: PageContext; volunteerId: string; refusal: Refusal }) {
  const { t } = ctx;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('volunteers.pipeline.refused.title', { stage: stageName(t, refusal.to) })}</h2>
      {refusal.stoppedAt && refusal.stoppedAt !== refusal.to && <p>{t('volunteers.pipeline.refused.stoppedAt', { stage: stageName(t, refusal.stoppedAt) })}</p>}
      {refusal.missing.length > 0 ? (
        <>
          <p id="refusal-missing">{t('volunteers.pipeline.refused.missing', { count: refusal.missing.length })}</p>
          <ul aria-labelledby="refusal-missing">
            {refusal.missing.map((r) => (
              <li>
                <a href={fixHref(volunteerId, r)}>{t(`volunteers.missing.${r}`)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ul>
          <li>
            <a href={`#f-${refusal.field}`}>{t(refusal.key)}</a>
          </li>
        </ul>
      )}
    </div>
  );
}

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));

export function VolunteerPageView({ ctx, view, form, canManage, conflict, refusal }: Props) {
  const { t, locale } = ctx;
  const v = view.volunteer;
  const personal: [string, ComponentChildren][] = [
    [t('field.givenName'), v.givenName],
    [t('field.familyName'), v.familyName],
    [t('field.email'), dash(v.email)],
    [t('field.phone'), v.phone ? <span dir="ltr">{v.phone}</span> : '—'],
    [t('field.birthDate'), v.birthDate ? formatDate(v.birthDate, locale) : '—'],
    [t('volunteers.pipeline.applicationLanguage'), isLocale(v.locale) ? LANGUAGE_NAME[v.locale] : v.locale],
  ];
  if (v.guardianName || v.guardianEmail) {
    personal.push([t('volunteers.pipeline.guardian'), [v.guardianName, v.guardianEmail].filter(Boolean).join(', ')]);
    personal.push([t('volunteers.pipeline.guardianConfirmed'), v.guardianConfirmedAt ? formatDateTime(v.guardianConfirmedAt, locale) : t('volunteers.pipeline.notYet')]);
  }
  const answers: Definition[] = [
    [t('volunteers.pipeline.applied'), formatDate(v.appliedAt, locale)],
    [t('volunteers.pipeline.source'), codeLabel(t, 'source', v.source)],
    [t('volunteers.pipeline.profession'), dash(v.profession)],
    [t('volunteers.pipeline.education'), dash(v.education)],
    // A list in the page's language (its commas and "and"), each item isolated by formatList: the page's direction.
    [t('volunteers.pipeline.interests'), dash(formatList(v.interests, locale)), { dir: direction(locale) }],
    [t('volunteers.pipeline.languages'), dash(formatList(v.languages.map((l) => languageLabel(t, locale, l)), locale))],
    [t('volunteers.pipeline.hoursPerMonth'), dash(v.hoursPerMonth)],
    [t('volunteers.pipeline.district'), dash(v.district)],
    [t('volunteers.pipeline.travelKm'), v.travelKm === null ? '—' : t('volunteers.pipeline.km', { count: v.travelKm })],
    [t('volunteers.pipeline.activities'), dash(formatList(v.activities.map((a) => codeLabel(t, 'activity', a)), locale))],
    [t('volunteers.pipeline.preferredAgeGroups'), dash(formatList(v.preferredAgeGroups.map((a) => codeLabel(t, 'ageGroup', a)), locale))],
    [t('volunteers.pipeline.preferredGender'), v.preferredGender ? codeLabel(t, 'gender', v.preferredGender) : '—'],
    [t('volunteers.pipeline.worksWithMinors'), t(v.worksWithMinors ? 'volunteers.pipeline.yes' : 'volunteers.pipeline.no')],
    [t('volunteers.pipeline.plannedDays'), plannedLengthName(t, v.plannedDays)],
    [t('volunteers.pipeline.motivation'), dash(v.motivation)],
    [t('volunteers.pipeline.heardFrom'), v.heardFrom && hasMessage(`volunteers.application.heard.${v.heardFrom}`) ? t(`volunteers.application.heard.${v.heardFrom}`) : dash(v.heardFrom)],
  ];
  const consentColumns: Column<View['consents'][number]>[] = [
    {
      header: t('volunteers.pipeline.consentPurpose'),
      cell: (c) => (
        <>
          {codeLabel(t, 'purpose', c.purpose)}
          <MutedLine lang={v.locale}>{c.text}</MutedLine>
        </>
      ),
    },
    { header: t('volunteers.pipeline.lawfulBasis'), cell: (c) => codeLabel(t, 'basis', c.lawfulBasis) },
    { header: t('volunteers.pipeline.consentGiven'), cell: (c) => formatDateTime(c.givenAt, locale) },
    { header: t('volunteers.pipeline.consentWithdrawn'), cell: (c) => (c.withdrawnAt ? formatDateTime(c.withdrawnAt, locale) : '—') },
  ];
  return (
    <>
      <RecordHead back={{ href: '/volunteers', label: t('volunteers.pipeline.back') }} name={fullName(v)} />
      {conflict && <WarningNotice role="alert">{t('volunteers.pipeline.conflict')}</WarningNotice>}
      {view.duplicate && (
        <WarningNotice>
          {t('volunteers.pipeline.duplicateOf', { date: formatDate(view.duplicate.appliedAt, locale) })}{' '}
          <a href={`/volunteers/${view.duplicate.id}`}>{fullName(view.duplicate)}</a>
        </WarningNotice>
      )}
      {view.awaitingGuardian && <WarningNotice>{t('volunteers.rule.awaitingGuardian')}</WarningNotice>}

      <h2 id="stage-heading">{t('volunteers.pipeline.stageHeading')}</h2>
      <DefinitionList
        items={[
          [t('volunteers.pipeline.currentStage'), stageName(t, v.stage)],
          [t('volunteers.pipeline.since'), formatDateTime(v.stageChangedAt, locale)],
          v.stageReason && [t('volunteers.pipeline.reason'), v.stageReason],
        ]}
      />
      {refusal && <RefusalSummary ctx={ctx} volunteerId={v.id} refusal={refusal} />}
      {!refusal && view.next.length === 0 && Object.keys(form.errors).length > 0 && (
        // No move is possible from here (terminal stage), so there is no field to put the message next to.
        <ErrorSummary ctx={ctx} form={{ values: {}, errors: { _form: Object.values(form.errors)[0]! } }} labels={{}} />
      )}
      {canManage && view.next.length > 0 && (
        <Form ctx={ctx} action={`/volunteers/${v.id}/stage`} novalidate>
          <input type="hidden" name="version" value={String(v.version)} />
          {!refusal && <ErrorSummary ctx={ctx} form={form} labels={{ stage: t('volunteers.pipeline.moveTo'), reason: t('volunteers.pipeline.reason') }} />}
          <SelectField
            ctx={ctx}
            form={form}
            name="stage"
            label={t('volunteers.pipeline.moveTo')}
            hint={view.next.some((s) => !nextStages(v.stage).includes(s)) ? t('volunteers.pipeline.severalHint') : undefined}
            required
            options={view.next.map((s) => ({ value: s, label: nextStages(v.stage).includes(s) ? stageName(t, s) : t('volunteers.pipeline.through', { stage: stageName(t, s) }) }))}
          />
          <TextArea ctx={ctx} form={form} name="reason" label={t('volunteers.pipeline.reason')} hint={t('volunteers.pipeline.reasonHint')} requiredIf={t('volunteers.pipeline.reasonRequiredIf')} rows={3} maxLength={500} />
          <SubmitButton>{t('volunteers.pipeline.move')}</SubmitButton>
        </Form>
      )}

      <h2>{t('volunteers.pipeline.personalData')}</h2>
      <Details rows={personal} />

      <h2>{t('volunteers.pipeline.application')}</h2>
      <Details rows={answers} />

      <h3 id="availability-heading">{t('volunteers.pipeline.availability')}</h3>
      <AvailabilityTable ctx={ctx} chosen={v.availability} labelledBy="availability-heading" slotLabel={(s) => t(`volunteers.pipeline.slot.${s}`)} free={t('volunteers.pipeline.available')} notFree={t('volunteers.pipeline.notAvailable')} />

      <h2>{t('volunteers.pipeline.consents')}</h2>
      <DataTable cards caption={t('volunteers.pipeline.consents')} rows={view.consents} empty={t('volunteers.pipeline.noConsents')} emptyClass="muted" columns={consentColumns} />

      <ScreeningPanel ctx={ctx} volunteer={v} data={view.screening} />
      <DocumentsPanel ctx={ctx} volunteer={v} data={view.documents} />

      <h2 id="timeline-heading">{t('volunteers.pipeline.timeline')}</h2>
      <Timeline ctx={ctx} events={view.events} />
    </>
  );
}

function Details({ rows }: { rows: Definition[] }) {
  return (
    // Answers are in the applicant's language and script: let the browser find their direction.
    <DefinitionList items={rows} dir="auto" />
  );
}

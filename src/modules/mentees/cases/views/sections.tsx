import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../../../core/i18n/index.js';
import { ButtonForm, ButtonLink, DataTable, ErrorSummary, Form, MutedLine, Section, SelectField, SubmitButton, TextArea, type Column, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { codeLabel } from '../../../volunteers/index.js';
import { PURPOSES, SUPPORT_BASES } from '../../mentees.schemas.js';
import { fullName, needList, purposeName } from '../../views/labels.js';
import type { CaseView } from '../case.service.js';

/** Parts of the case page: consents, current matches, case staff and case notes. */

export interface SectionForms {
  consent?: FormState;
  staff?: FormState;
  note?: FormState;
}

const empty: FormState = { values: {}, errors: {} };

/** A part of the case page that is one table (consents, matches): its heading names the table too; `children` follow. */
function TableSection<Row>(props: { id: string; title: string; rows: readonly Row[]; empty: string; columns: Column<Row>[]; children?: ComponentChildren }) {
  return (
    <Section id={props.id} title={props.title}>
      <DataTable cards caption={props.title} rows={props.rows} empty={props.empty} emptyClass="muted" columns={props.columns} />
      {props.children}
    </Section>
  );
}

export function ConsentsSection({ ctx, view, canManage, form = empty }: { ctx: PageContext; view: CaseView; canManage: boolean; form?: FormState }) {
  const { t, locale } = ctx;
  const m = view.mentee;
  const columns: Column<CaseView['consents'][number]>[] = [
    {
      header: t('mentees.case.purpose'),
      cell: (c) => (
        <>
          {purposeName(t, c.purpose)}
          <MutedLine lang={m.locale}>{c.text}</MutedLine>
        </>
      ),
    },
    { header: t('mentees.case.lawfulBasis'), cell: (c) => codeLabel(t, 'basis', c.lawfulBasis) },
    { header: t('mentees.case.given'), cell: (c) => formatDateTime(c.givenAt, locale) },
    {
      header: t('mentees.case.withdrawn'),
      cell: (c) =>
        c.withdrawnAt ? (
          formatDateTime(c.withdrawnAt, locale)
        ) : canManage ? (
          <ButtonForm ctx={ctx} action={`/mentees/${m.id}/consents/${c.id}/withdraw`} look="secondary">
            {t('mentees.case.withdraw')}
            <span class="visually-hidden"> {t('mentees.case.withdrawWhich', { purpose: purposeName(t, c.purpose) })}</span>
          </ButtonForm>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <TableSection id="consents-heading" title={t('mentees.case.consents')} rows={view.consents} empty={t('mentees.case.noConsents')} columns={columns}>
      {canManage && (
        <details open={Object.keys(form.errors).length > 0}>
          <summary>{t('mentees.case.recordConsent')}</summary>
          <Form ctx={ctx} action={`/mentees/${m.id}/consents`} novalidate>
            <ErrorSummary ctx={ctx} form={form} labels={{ purpose: t('mentees.case.purpose'), lawfulBasis: t('mentees.case.lawfulBasis') }} />
            <SelectField ctx={ctx} form={form} name="purpose" label={t('mentees.case.purpose')} required options={PURPOSES.map((p) => ({ value: p, label: purposeName(t, p) }))} />
            <SelectField ctx={ctx} form={form} name="lawfulBasis" label={t('mentees.case.lawfulBasis')} hint={t('mentees.case.contactByConsent')} required options={SUPPORT_BASES.map((b) => ({ value: b, label: codeLabel(t, 'basis', b) }))} />
            <SubmitButton secondary>{t('mentees.case.recordConsentSubmit')}</SubmitButton>
          </Form>
        </details>
      )}
    </TableSection>
  );
}

export function MatchesSection({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, locale } = ctx;
  const m = view.mentee;
  const canLookForVolunteer = ['waiting', 'matched', 'on_hold'].includes(m.status);
  const columns: Column<CaseView['matches'][number]>[] = [
    {
      header: t('mentees.case.volunteer'),
      rowHeader: true,
      cell: (x) => (
        <>
          <a href={`/volunteers/${x.volunteerId}`}>{fullName(x)}</a>
          {x.paused && <MutedLine>{t('mentees.case.matchPaused')}</MutedLine>}
        </>
      ),
    },
    { header: t('mentees.field.needs'), cell: (x) => needList(t, locale, x.needs) },
    { header: t('mentees.case.since'), cell: (x) => formatDate(x.startedAt, locale) },
  ];
  return (
    <TableSection id="matches-heading" title={t('mentees.case.matches')} rows={view.matches} empty={t('mentees.case.noMatches')} columns={columns}>
      {canLookForVolunteer && <ButtonLink href={`/matching/mentees/${m.id}`}>{t('mentees.case.findVolunteer')}</ButtonLink>}
    </TableSection>
  );
}

export function StaffSection({ ctx, view, form = empty, problem }: { ctx: PageContext; view: CaseView; form?: FormState; problem?: FormState }) {
  const { t, locale } = ctx;
  const m = view.mentee;
  return (
    <Section id="staff-heading" title={t('mentees.case.staff')}>
      {problem && <ErrorSummary ctx={ctx} form={problem} labels={{}} />}
      {view.staff.length === 0 ? (
        <p class="muted">{t('mentees.case.noStaff')}</p>
      ) : (
        <ul class="role-list">
          {view.staff.map((s) => (
            <li>
              <span>
                {s.name ?? t('mentees.case.unknownStaff')}
                {s.userId === m.socialWorkerUserId && <span class="muted"> · {t('mentees.case.responsible')}</span>}
                <span class="muted"> · {t('mentees.case.addedOn', { date: formatDate(s.addedAt, locale) })}</span>
              </span>
              {view.canChangeStaff && s.userId !== m.socialWorkerUserId && (
                <ButtonForm ctx={ctx} action={`/mentees/${m.id}/staff/${s.userId}/remove`} look="link">
                  {t('mentees.case.removeStaff')}
                  <span class="visually-hidden"> {s.name ?? ''}</span>
                </ButtonForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.canChangeStaff && view.staffOptions.length > 0 && (
        <Form ctx={ctx} action={`/mentees/${m.id}/staff`} novalidate>
          <ErrorSummary ctx={ctx} form={form} labels={{ userId: t('mentees.case.addStaffLabel') }} />
          <SelectField ctx={ctx} form={form} name="userId" label={t('mentees.case.addStaffLabel')} required options={view.staffOptions} />
          <SubmitButton secondary>{t('mentees.case.addStaff')}</SubmitButton>
        </Form>
      )}
    </Section>
  );
}

export function NotesSection({ ctx, view, form = empty }: { ctx: PageContext; view: CaseView; form?: FormState }) {
  const { t, locale } = ctx;
  return (
    <Section id="notes-heading" title={t('mentees.case.notes')}>
      {view.notes === null ? (
        <p class="notice">{t('mentees.case.notesOnlyStaff')}</p>
      ) : (
        <>
          <Form ctx={ctx} action={`/mentees/${view.mentee.id}/notes`} novalidate>
            <ErrorSummary ctx={ctx} form={form} labels={{ body: t('mentees.case.newNote') }} />
            <TextArea ctx={ctx} form={form} name="body" label={t('mentees.case.newNote')} hint={t('mentees.case.newNoteHint')} required rows={4} maxLength={4000} />
            <SubmitButton secondary>{t('mentees.case.addNote')}</SubmitButton>
          </Form>
          {view.notes.length === 0 ? (
            <p class="muted">{t('mentees.case.noNotes')}</p>
          ) : (
            <ol class="notes">
              {view.notes.map((n) => (
                <li class="card">
                  <p class="note-body" dir="auto">
                    {n.body}
                  </p>
                  <p class="muted">
                    <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
                    {n.authorName ? ` · ${n.authorName}` : ''}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Section>
  );
}

import { compareNames, formatDateTime } from '../../../../core/i18n/index.js';
import { CheckboxGroup, DefinitionList, ErrorSummary, Form, Section, SubmitButton, TextArea, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { SessionView } from '../supervision.service.js';

/** A session's details and, once it has begun, the attendance (checkboxes) and the short record. */
export function SessionPageView({ ctx, view, form }: { ctx: PageContext; view: SessionView; form?: FormState }) {
  const { t, locale } = ctx;
  const s = view.session;
  const when = formatDateTime(s.startsAt, locale, view.timeZone);
  const compare = compareNames(locale);
  const options = view.options
    .map((o) => ({ value: o.personId, label: `${o.givenName} ${o.familyName}` }))
    .sort((a, b) => compare(a.label, b.label));
  const attendance = form ?? { values: { attendees: view.attendees, record: s.record ?? '' }, errors: {} };
  return (
    <>
      <p>
        <a href="/supervision">{t('pairs.supervision.back')}</a>
      </p>
      <div class="page-head">
        <h1>{t('pairs.supervision.sessionTitle', { audience: t(`pairs.supervision.audience.${s.audience}`), when })}</h1>
        <a class="button button-secondary" href={`/supervision/${s.id}/edit`}>
          {t('pairs.supervision.edit')}
        </a>
      </div>
      <DefinitionList
        items={[
          [
            t('pairs.supervision.field.when'),
            <>
              {when} · {t('pairs.supervision.minutes', { count: s.minutes })}
            </>,
          ],
          s.place && [t('pairs.supervision.field.place'), s.place],
          s.onlineLink && [
            t('pairs.supervision.field.onlineLink'),
            <a href={s.onlineLink} rel="noopener noreferrer">
              {s.onlineLink}
            </a>,
          ],
          [t('pairs.supervision.field.facilitator'), s.facilitator],
          [t('pairs.supervision.field.topics'), s.topics || '—', { class: 'note-body', dir: 'auto' }],
        ]}
      />
      <Section id="attendance-heading" title={t('pairs.supervision.attendanceTitle')}>
        {!view.started ? (
          <>
            {form && <ErrorSummary ctx={ctx} form={form} labels={{}} />}
            <p class="muted">{t('pairs.supervision.attendanceLater')}</p>
          </>
        ) : options.length === 0 ? (
          <p class="empty">{t(`pairs.supervision.noPeople.${s.audience === 'volunteers' ? 'volunteers' : 'coordinators'}`)}</p>
        ) : (
          <Form ctx={ctx} action={`/supervision/${s.id}/attendance`} novalidate>
            <ErrorSummary ctx={ctx} form={attendance} labels={{ attendees: t('pairs.supervision.field.attendees'), record: t('pairs.supervision.field.record') }} />
            <CheckboxGroup ctx={ctx} form={attendance} name="attendees" label={t('pairs.supervision.field.attendees')} hint={t('pairs.supervision.hint.attendees')} options={options} />
            <TextArea ctx={ctx} form={attendance} name="record" label={t('pairs.supervision.field.record')} hint={t('pairs.supervision.hint.record')} maxLength={2000} rows={4} />
            <SubmitButton>{t('pairs.supervision.saveAttendance')}</SubmitButton>
          </Form>
        )}
      </Section>
    </>
  );
}

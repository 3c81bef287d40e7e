import type { PageContext, FormState } from '../../../../core/ui/index.js';
import { Checkbox, ErrorSummary, Form, SelectField, SubmitButton, TextArea, TextField } from '../../../../core/ui/index.js';
import { ACTIVITIES, DURATIONS, MAX_MINUTES, NOTE_MAX } from '../meetings.schemas.js';
import type { LogFormData } from '../meetings.service.js';
import { SeverityChoice } from '../../concerns/views/raise-form.js';
import { DurationField } from './duration-field.js';

/**
 * /me/meetings/new: the meeting log for a phone. Small on purpose (no JavaScript, no images): the pair as a hidden
 * field when there is only one, the date defaulting to today, one tap for the usual lengths.
 */
export function LogFormView({ ctx, data, form }: { ctx: PageContext; data: LogFormData; form: FormState }) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    matchId: t('pairs.meetings.field.pair'),
    meetingDate: t('pairs.meetings.field.date'),
    duration: t('pairs.meetings.field.duration'),
    minutes: t('pairs.meetings.field.minutes'),
    activity: t('pairs.meetings.field.activity'),
    place: t('pairs.meetings.field.place'),
    note: t('pairs.meetings.field.note'),
    worrySeverity: t('pairs.meetings.field.worrySeverity'),
    worrySummary: t('pairs.meetings.field.worrySummary'),
  };
  const ifWorried = t('pairs.meetings.field.requiredIfWorry');
  const only = data.pairs.length === 1 ? data.pairs[0]! : null;
  const pairError = form.errors.matchId;
  return (
    <section class="narrow">
      <p>
        <a href="/me/meetings">{t('pairs.meetings.backToMine')}</a>
      </p>
      <h1>{t('pairs.meetings.new.title')}</h1>
      {data.pairs.length === 0 ? (
        <p class="empty">{t('pairs.meetings.noActivePair')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action="/me/meetings">
            {only ? (
              <div class={`field${pairError ? ' field-invalid' : ''}`} id="f-matchId">
                <input type="hidden" name="matchId" value={only.matchId} />
                <p>{t('pairs.meetings.with', { name: only.menteeGivenName })}</p>
                {pairError && <p class="field-error">{t(pairError.key, pairError.params)}</p>}
              </div>
            ) : (
              <SelectField ctx={ctx} form={form} name="matchId" label={labels.matchId!} required options={data.pairs.map((p) => ({ value: p.matchId, label: p.menteeGivenName }))} />
            )}
            <TextField ctx={ctx} form={form} name="meetingDate" type="date" label={labels.meetingDate!} required />
            <DurationField ctx={ctx} form={form} durations={DURATIONS} max={MAX_MINUTES} />
            <SelectField ctx={ctx} form={form} name="activity" label={labels.activity!} required options={ACTIVITIES.map((a) => ({ value: a, label: t(`pairs.meetings.activity.${a}`) }))} />
            <TextField ctx={ctx} form={form} name="place" label={labels.place!} maxLength={120} />
            <TextArea ctx={ctx} form={form} name="note" label={labels.note!} rows={3} maxLength={NOTE_MAX} hint={t('pairs.meetings.field.noteHint', { max: NOTE_MAX })} />
            <Checkbox ctx={ctx} form={form} name="worry" label={t('pairs.meetings.field.worry')} hint={t('pairs.meetings.field.worryHint')} />
            <SeverityChoice ctx={ctx} form={form} name="worrySeverity" legend={labels.worrySeverity!} requiredIf={ifWorried} />
            <TextField ctx={ctx} form={form} name="worrySummary" label={labels.worrySummary!} hint={t('pairs.meetings.field.worrySummaryHint')} maxLength={200} requiredIf={ifWorried} />
            <SubmitButton>{t('pairs.meetings.new.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}

import { Checkbox, ErrorSummary, ExplainedRadioGroup, Form, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { VenueOutput } from '../../venues/settings.schemas.js';
import { WeeklyHoursText } from '../../venues/views/hours.js';

/** The venues as radio buttons, each with its address, opening hours and access, so a fitting time can be picked. */
function VenueChoice({ ctx, form, venues }: { ctx: PageContext; form: FormState; venues: VenueOutput[] }) {
  const { t } = ctx;
  const options = venues.map((v) => ({
    value: v.id,
    label: v.name,
    explanationId: `venue-${v.id}`,
    explanation: (
      <>
        {v.address}
        <br />
        <WeeklyHoursText t={t} locale={ctx.locale} hours={v.weeklyHours} note={v.openingHours} />
        {v.stepFree && (
          <>
            <br />
            {t('matching.introductions.venueStepFree')}
          </>
        )}
      </>
    ),
  }));
  return <ExplainedRadioGroup ctx={ctx} form={form} name="venueId" legend={t('matching.introductions.field.venue')} required options={options} />;
}

/** Scheduling or moving an introduction: venue, date and time in the organisation's zone, length, note. */
export function IntroductionFields({ ctx, form, venues, timeZone, action, submit }: { ctx: PageContext; form: FormState; venues: VenueOutput[]; timeZone: string; action: string; submit: string }) {
  const { t } = ctx;
  const labels = {
    venueId: t('matching.introductions.field.venue'),
    date: t('matching.introductions.field.date'),
    time: t('matching.introductions.field.time'),
    minutes: t('matching.introductions.field.minutes'),
    note: t('matching.introductions.field.note'),
    outsideHours: t('matching.introductions.field.override'),
    outsideHoursReason: t('matching.introductions.field.overrideReason'),
  };
  // "Schedule anyway" is offered once the time was refused for the venue's hours (or was already chosen).
  const offerOverride = form.errors.time?.key === 'matching.introductions.validation.outsideHours' || Boolean(form.values.outsideHours) || Boolean(form.errors.outsideHoursReason);
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action}>
        <VenueChoice ctx={ctx} form={form} venues={venues} />
        <fieldset class="field">
          <legend>{t('matching.introductions.field.when')}</legend>
          <p class="hint">{t('matching.introductions.hint.when', { zone: timeZone })}</p>
          <TextField ctx={ctx} form={form} name="date" type="date" label={labels.date} required />
          <TextField ctx={ctx} form={form} name="time" type="time" label={labels.time} hint={t('matching.introductions.hint.time')} required />
          {offerOverride && (
            <div class="override">
              <Checkbox ctx={ctx} form={form} name="outsideHours" label={labels.outsideHours} />
              <TextField ctx={ctx} form={form} name="outsideHoursReason" label={labels.outsideHoursReason} hint={t('matching.introductions.hint.overrideReason')} requiredIf={t('matching.introductions.overrideRequiredIf')} maxLength={200} />
            </div>
          )}
        </fieldset>
        <TextField ctx={ctx} form={form} name="minutes" inputMode="numeric" label={labels.minutes} hint={t('matching.introductions.hint.minutes')} maxLength={3} required />
        <TextArea ctx={ctx} form={form} name="note" label={labels.note} hint={t('matching.introductions.hint.note')} maxLength={1000} rows={3} />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </>
  );
}

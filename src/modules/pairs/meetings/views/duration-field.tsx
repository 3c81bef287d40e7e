import { FieldError, RequiredMark, type FormState, type PageContext } from '../../../../core/ui/index.js';

/**
 * The length of a meeting: one tap for the usual lengths, or minutes typed in the field below them (typed minutes
 * win). A fieldset with a legend, errors next to the group and next to the typed field (WCAG 1.3.1, 3.3.1).
 * The minutes are a text field with a numeric keyboard, not `type="number"`, which empties digits typed in the
 * Arabic script (the server reads them: meetings.schemas.ts).
 */
export function DurationField({ ctx, form, durations, max }: { ctx: PageContext; form: FormState; durations: readonly number[]; max: number }) {
  const { t } = ctx;
  const chosen = String(form.values.duration ?? '');
  const groupError = form.errors.duration;
  const typedError = form.errors.minutes;
  const typed = form.values.minutes === undefined || form.values.minutes === null ? '' : String(form.values.minutes);
  return (
    <fieldset class={`field${groupError || typedError ? ' field-invalid' : ''}`}>
      <legend>
        {t('pairs.meetings.field.duration')}
        <RequiredMark ctx={ctx} required />
      </legend>
      <FieldError ctx={ctx} form={form} name="duration" />
      <div class="checkboxes durations" id="f-duration">
        {durations.map((d) => (
          <label class="checkbox">
            <input type="radio" name="duration" value={String(d)} checked={chosen === String(d)} aria-describedby={groupError ? 'f-duration-error' : undefined} /> {t('pairs.meetings.durationOption', { minutes: d })}
          </label>
        ))}
      </div>
      <label for="f-minutes">{t('pairs.meetings.field.minutes')}</label>
      <p class="hint" id="f-minutes-hint">
        {t('pairs.meetings.field.minutesHint', { max })}
      </p>
      <FieldError ctx={ctx} form={form} name="minutes" />
      <input
        id="f-minutes"
        name="minutes"
        type="text"
        inputMode="numeric"
        maxLength={4}
        value={typed}
        aria-invalid={typedError ? 'true' : undefined}
        aria-describedby={typedError ? 'f-minutes-hint f-minutes-error' : 'f-minutes-hint'}
      />
    </fieldset>
  );
}

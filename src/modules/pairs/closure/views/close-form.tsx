import { formatDate } from '../../../../core/i18n/index.js';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { CloseFormData } from '../closure.service.js';
import { END_REASONS, RETURN_CHOICES } from '../reasons.js';

const k = <K extends string>(key: K) => `pairs.closure.${key}` as const;

/** One side's closing conversation: when, how it went (1–5 in words), notes. */
function Conversation({ ctx, form, side, name, today }: { ctx: PageContext; form: FormState; side: 'volunteer' | 'mentee'; name: string; today: string }) {
  const { t } = ctx;
  return (
    <fieldset class="field">
      <legend>{t(k(`conversation.${side}`), { name })}</legend>
      <p class="hint">{t(k('conversation.hint'))}</p>
      <TextField ctx={ctx} form={form} name={`${side}HeldOn`} type="date" label={t(k('conversation.heldOn'))} hint={t(k('conversation.heldOnHint'), { today: formatDate(today, ctx.locale) })} />
      <RadioGroup ctx={ctx} form={form} name={`${side}Rating`} label={t(k('conversation.rating'))} options={([1, 2, 3, 4, 5] as const).map((r) => ({ value: String(r), label: t(k(`rating.${r}`)) }))} />
      <TextArea ctx={ctx} form={form} name={`${side}Notes`} label={t(k('conversation.notes'))} rows={3} maxLength={2000} />
    </fieldset>
  );
}

/** The form that ends a pair: reason, the closing conversations, the waiting list and the thank-you. */
export function CloseFormView({ ctx, form, data }: { ctx: PageContext; form: FormState; data: CloseFormData }) {
  const { t, locale } = ctx;
  const { match } = data;
  const volunteer = `${match.volunteer.givenName} ${match.volunteer.familyName}`;
  const mentee = `${match.mentee.givenName} ${match.mentee.familyName}`;
  const labels = {
    reason: t(k('reason')),
    reasonText: t(k('reasonText')),
    volunteerHeldOn: t(k('conversation.heldOnOf'), { name: match.volunteer.givenName }),
    volunteerRating: t(k('conversation.ratingOf'), { name: match.volunteer.givenName }),
    volunteerNotes: t(k('conversation.notesOf'), { name: match.volunteer.givenName }),
    menteeHeldOn: t(k('conversation.heldOnOf'), { name: match.mentee.givenName }),
    menteeRating: t(k('conversation.ratingOf'), { name: match.mentee.givenName }),
    menteeNotes: t(k('conversation.notesOf'), { name: match.mentee.givenName }),
    returnChoice: t(k('return'), { name: match.mentee.givenName }),
  };
  return (
    <>
      <p>
        <a href={`/matching/matches/${match.id}`}>{t(k('back'))}</a>
      </p>
      <h1>{t(k('title'), { volunteer, mentee })}</h1>
      <p class="muted">{t(k('since'), { date: formatDate(data.startedOn, locale) })}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/pairs/${match.id}/close`}>
        <input type="hidden" name="version" value={String(form.values.version ?? match.version)} />
        <RadioGroup ctx={ctx} form={form} name="reason" label={labels.reason} required options={END_REASONS.map((r) => ({ value: r, label: t(k(`reasons.${r}`)) }))} />
        <TextArea ctx={ctx} form={form} name="reasonText" label={labels.reasonText} hint={t(k('reasonTextHint'))} rows={2} maxLength={500} />
        <Conversation ctx={ctx} form={form} side="volunteer" name={match.volunteer.givenName} today={data.today} />
        <Conversation ctx={ctx} form={form} side="mentee" name={match.mentee.givenName} today={data.today} />
        <RadioGroup
          ctx={ctx}
          form={form}
          name="returnChoice"
          label={labels.returnChoice}
          required
          options={RETURN_CHOICES.map((c) => ({ value: c, label: t(k(`returnChoice.${c}`)) }))}
        />
        <div class="field field-checkbox">
          <label class="checkbox" for="f-sendThanks">
            <input id="f-sendThanks" type="checkbox" name="sendThanks" value="true" checked={form.values.sendThanks === 'true' || form.values.sendThanks === true} aria-describedby="f-sendThanks-hint" />{' '}
            {t(k('sendThanks'), { name: match.volunteer.givenName })}
          </label>
          <p class="hint" id="f-sendThanks-hint">
            {match.volunteer.email ? t(k('sendThanksHint')) : t(k('noEmail'))}
          </p>
        </div>
        <SubmitButton>{t(k('submit'))}</SubmitButton>
      </Form>
    </>
  );
}

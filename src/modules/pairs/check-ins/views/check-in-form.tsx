import { formatDate } from '../../../../core/i18n/index.js';
import { ErrorSummary, Form, fullName, RadioGroup, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { PairRow } from '../check-ins.repository.js';
import { RATINGS, SIDES } from '../check-ins.schemas.js';

export { fullName };

/** Recording a check-in with one side of a pair: with whom, when, a rating in words, how it goes, notes. */
export function CheckInFormView({ ctx, form, pair, today }: { ctx: PageContext; form: FormState; pair: PairRow; today: string }) {
  const { t } = ctx;
  const labels = {
    side: t('pairs.checkIns.field.side'),
    heldOn: t('pairs.checkIns.field.heldOn'),
    rating: t('pairs.checkIns.field.rating'),
    howItGoes: t('pairs.checkIns.field.howItGoes'),
    notes: t('pairs.checkIns.field.notes'),
  };
  const names = { volunteer: fullName(pair.volunteer), mentee: fullName(pair.mentee) };
  return (
    <section class="narrow">
      <p>
        <a href={`/pairs/${pair.id}/check-ins`}>{t('pairs.checkIns.backToList')}</a>
      </p>
      <h1>{t('pairs.checkIns.newTitle', names)}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/pairs/${pair.id}/check-ins/new`}>
        <RadioGroup ctx={ctx} form={form} name="side" required label={labels.side} options={SIDES.map((s) => ({ value: s, label: t(`pairs.checkIns.sideWith.${s}`, names) }))} />
        <TextField ctx={ctx} form={form} name="heldOn" type="date" label={labels.heldOn} hint={t('pairs.checkIns.hint.heldOn', { today: formatDate(today, ctx.locale) })} required />
        <RadioGroup ctx={ctx} form={form} name="rating" required label={labels.rating} hint={t('pairs.checkIns.hint.rating')} options={RATINGS.map((r) => ({ value: String(r), label: t(`pairs.checkIns.rating.${r}`) }))} />
        <TextArea ctx={ctx} form={form} name="howItGoes" label={labels.howItGoes} hint={t('pairs.checkIns.hint.howItGoes')} maxLength={2000} rows={4} required />
        <TextArea ctx={ctx} form={form} name="notes" label={labels.notes} hint={t('pairs.checkIns.hint.notes')} maxLength={4000} rows={3} />
        <SubmitButton>{t('pairs.checkIns.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

import { ErrorSummary, ExplainedRadioGroup, Form, SelectField, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { PairOption } from '../concerns.repository.js';
import { SEVERITIES } from '../concerns.schemas.js';
import { myPairName, pairName, severityName } from './labels.js';

/**
 * The severities as radio buttons, each with a one-line explanation tied to it (read with the choice). `requiredIf`:
 * required only with another answer (the meeting log's worry), said in the legend instead of the asterisk.
 */
export function SeverityChoice({ ctx, form, name = 'severity', legend, requiredIf }: { ctx: PageContext; form: FormState; name?: string; legend?: string; requiredIf?: string }) {
  const { t } = ctx;
  const options = SEVERITIES.map((s) => ({ value: s, label: severityName(t, s), explanationId: `${name}-${s}-hint`, explanation: t(`pairs.concerns.severityHint.${s}`) }));
  return <ExplainedRadioGroup ctx={ctx} form={form} name={name} legend={legend ?? t('pairs.concerns.field.severity')} required={!requiredIf} requiredIf={requiredIf} options={options} />;
}

/**
 * Raising a concern. The pair is a choice only when there is more than one; the volunteer sees the mentee's first
 * name, staff both full names.
 */
export function RaiseFormView({ ctx, form, pairs, action, through }: { ctx: PageContext; form: FormState; pairs: PairOption[]; action: string; through: 'staff' | 'volunteer' }) {
  const { t } = ctx;
  const label = (p: PairOption) => (through === 'volunteer' ? myPairName(t, p) : pairName(t, p));
  const labels = { matchId: t('pairs.concerns.field.pair'), severity: t('pairs.concerns.field.severity'), summary: t('pairs.concerns.field.summary'), description: t('pairs.concerns.field.description') };
  const only = pairs.length === 1 && !form.errors.matchId ? pairs[0] : undefined;
  return (
    <>
      <h1>{t('pairs.concerns.raiseTitle')}</h1>
      <p>{t(through === 'volunteer' ? 'pairs.concerns.raiseIntroVolunteer' : 'pairs.concerns.raiseIntro')}</p>
      {pairs.length === 0 ? (
        <p class="empty">{t('pairs.concerns.noPairs')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action={action} novalidate>
            {only ? (
              <div class="field">
                <input type="hidden" name="matchId" value={only.id} />
                <p>
                  <strong>{labels.matchId}:</strong> {label(only)}
                </p>
              </div>
            ) : (
              <SelectField ctx={ctx} form={form} name="matchId" label={labels.matchId} required options={pairs.map((p) => ({ value: p.id, label: label(p) }))} />
            )}
            <SeverityChoice ctx={ctx} form={form} />
            <TextField ctx={ctx} form={form} name="summary" label={labels.summary} hint={t('pairs.concerns.hint.summary')} maxLength={200} required />
            <TextArea ctx={ctx} form={form} name="description" label={labels.description} hint={t('pairs.concerns.hint.description')} maxLength={5000} rows={6} />
            <SubmitButton>{t('pairs.concerns.raiseSubmit')}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

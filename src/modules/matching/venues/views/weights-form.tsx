import { formatNumber } from '../../../../core/i18n/index.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { Weights } from '../../scoring/types.js';
import { MAX_DISTANCE_RANGE, WEIGHT_KEYS, type WeightsOutput } from '../settings.schemas.js';

/** The six weights of one programme, each with what it does; and a way back to the defaults. */
export function WeightsFormView(props: { ctx: PageContext; form: FormState; programme: WeightsOutput; defaults: Weights; defaultMaxDistanceKm: number }) {
  const { ctx, form, programme, defaults } = props;
  const { t, locale } = ctx;
  const labels: Record<string, string> = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, t(`matching.settings.weights.${k}.label`)]));
  labels.maxDistanceKm = t('matching.settings.weights.maxDistance.label');
  const action = `/matching/settings/weights/${programme.programmeId}`;
  return (
    <section class="narrow">
      <p>
        <a href="/matching/settings#weights-title">{t('matching.settings.back')}</a>
      </p>
      <h1>{t('matching.settings.weights.formTitle', { name: programme.programme })}</h1>
      <p>{t('matching.settings.weights.explain')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action}>
        <fieldset class="field">
          <legend>{t('matching.settings.weights.legend')}</legend>
          {WEIGHT_KEYS.map((k) => (
            <TextField
              ctx={ctx}
              form={form}
              name={k}
              inputMode="numeric"
              label={labels[k]!}
              hint={t('matching.settings.weights.hintWithDefault', { what: t(`matching.settings.weights.${k}.help`), value: formatNumber(defaults[k], locale) })}
              maxLength={3}
              required
            />
          ))}
        </fieldset>
        <TextField
          ctx={ctx}
          form={form}
          name="maxDistanceKm"
          inputMode="numeric"
          label={labels.maxDistanceKm!}
          hint={t('matching.settings.weights.maxDistance.help', { min: MAX_DISTANCE_RANGE.min, max: MAX_DISTANCE_RANGE.max, value: formatNumber(props.defaultMaxDistanceKm, locale) })}
          maxLength={3}
          required
        />
        <SubmitButton>{t('matching.settings.weights.save')}</SubmitButton>
      </Form>
      {programme.custom && (
        <Form ctx={ctx} action={`${action}/reset`}>
          <p class="hint">{t('matching.settings.weights.resetHint')}</p>
          <SubmitButton secondary>{t('matching.settings.weights.reset')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

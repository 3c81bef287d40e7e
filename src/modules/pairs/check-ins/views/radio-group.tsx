import type { FormState, PageContext } from '../../../../core/ui/index.js';

/**
 * Radio buttons in a fieldset with a legend, the error next to them and the first button carrying the field's id
 * (the error summary links to it). core/ui has checkbox groups only.
 */
export function RadioGroup(props: { ctx: PageContext; form: FormState; name: string; legend: string; hint?: string; options: { value: string; label: string }[] }) {
  const { ctx, form, name } = props;
  const error = form.errors[name];
  const current = String(form.values[name] ?? '');
  const described = [props.hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`field${error ? ' field-invalid' : ''}`} aria-describedby={described}>
      <legend>
        {props.legend}
        <span class="required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      {props.hint && (
        <p class="hint" id={`f-${name}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`f-${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
          {ctx.t(error.key, error.params)}
        </p>
      )}
      <div class="checkboxes">
        {props.options.map((o, i) => (
          <label class="checkbox">
            <input type="radio" name={name} value={o.value} id={i === 0 ? `f-${name}` : undefined} checked={current === o.value} required aria-invalid={error ? 'true' : undefined} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

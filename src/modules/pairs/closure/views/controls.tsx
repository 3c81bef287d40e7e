import type { FormState, PageContext } from '../../../../core/ui/index.js';

/** Radios in a fieldset, with the core form controls' ids so the error summary's links reach them. */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function Radios(props: { ctx: PageContext; form: FormState; name: string; legend: string; hint?: string; required?: boolean; options: { value: string; label: string }[] }) {
  const { ctx, form, name } = props;
  const current = String(form.values[name] ?? '');
  const error = form.errors[name];
  const id = fieldId(name);
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`field${error ? ' field-invalid' : ''}`} aria-describedby={described}>
      <legend>
        {props.legend}
        {props.required ? (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span class="optional"> ({ctx.t('form.optional')})</span>
        )}
      </legend>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
          {ctx.t(error.key, error.params)}
        </p>
      )}
      <div class="checkboxes" id={id}>
        {props.options.map((o) => (
          <label class="checkbox">
            <input type="radio" name={name} value={o.value} checked={current === o.value} required={props.required} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

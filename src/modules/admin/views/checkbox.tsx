import type { FormState, PageContext } from '../../../core/ui/index.js';

/**
 * One yes/no checkbox posting `true` when ticked (and nothing when not: the handler reads absence as false).
 * Ticked when the form value is true, "true" or "on".
 */
export function Checkbox({ ctx, form, name, label, hint }: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string }) {
  const id = `f-${name}`;
  const value = form.values[name];
  const error = form.errors[name];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <label class="checkbox" for={id}>
        <input id={id} type="checkbox" name={name} value="true" checked={value === true || value === 'true' || value === 'on'} aria-describedby={described} aria-invalid={error ? 'true' : undefined} />{' '}
        {label}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
          {ctx.t(error.key, error.params)}
        </p>
      )}
    </div>
  );
}

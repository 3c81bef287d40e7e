import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import { fieldId, type FormState } from './form.js';

/**
 * A field's error message on its own, with the id that `aria-describedby` and the error summary's link point to: for
 * controls the kit has no component for (a table of selects, a grid of boxes). Nothing when the field has no error.
 */
export function FieldError({ ctx, form, name }: { ctx: PageContext; form: FormState; name: string }) {
  const error = form.errors[name];
  if (!error) return null;
  return (
    <p class="field-error" id={`${fieldId(name)}-error`}>
      <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
      {ctx.t(error.key, error.params)}
    </p>
  );
}

/**
 * The `.field` fieldset of such a control (`children`): marked invalid after an error on `name`, with the id the error
 * summary links to, its legend (with the caller's RequiredMark, if any), hint and error.
 */
export function ControlFieldset({ ctx, form, name, legend, hint, children }: { ctx: PageContext; form: FormState; name: string; legend: ComponentChildren; hint: string; children: ComponentChildren }) {
  return (
    <fieldset class={`field${form.errors[name] ? ' field-invalid' : ''}`} id={fieldId(name)}>
      <legend>{legend}</legend>
      <p class="hint">{hint}</p>
      <FieldError ctx={ctx} form={form} name={name} />
      {children}
    </fieldset>
  );
}

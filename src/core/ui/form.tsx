import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../http/errors.js';
import type { PageContext } from './context.js';

/** What a form shows: the values the user typed (re-filled after an error) and the errors per field. */
export interface FormState {
  values: Record<string, unknown>;
  errors: FieldErrors;
}
export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({ values, errors: {} });

/** The id of a field's control, which the error summary links to and custom controls reuse (ControlFieldset). */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function valueOf(form: FormState, name: string): string {
  const v = form.values[name];
  return v === undefined || v === null ? '' : String(v);
}

/**
 * A form that always carries the CSRF token. The server checks every field and answers with the error summary in
 * the page's language, so the browser's own validation bubbles (in the browser's language, one field at a time) are
 * off unless `novalidate={false}`; `required` stays on the controls for assistive technology.
 */
export function Form(props: { ctx: PageContext; action: string; children: ComponentChildren; class?: string; novalidate?: boolean; id?: string; enctype?: 'multipart/form-data' }) {
  return (
    <form method="post" action={props.action} class={props.class ?? 'form'} noValidate={props.novalidate ?? true} id={props.id} enctype={props.enctype}>
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      {props.children}
    </form>
  );
}

/** The list of problems at the top of a form, each linking to its field (WCAG 3.3.1). */
/** True when the form was refused as a whole (a rate limit, a used form), with no field to correct. */
export const refusedAsWhole = (form: FormState): boolean => {
  const names = Object.keys(form.errors);
  return names.length > 0 && names.every((n) => n === '_form');
};

export function ErrorSummary({ ctx, form, labels, title }: { ctx: PageContext; form: FormState; labels: Record<string, string>; title?: string }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    // autofocus: keyboard and screen-reader users land on the list of problems also without JavaScript.
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus>
      <h2 id="error-summary-title">{title ?? ctx.t('form.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(([name, e]) => (
          <li>
            {name === '_form' ? (
              ctx.t(e.key, e.params)
            ) : (
              <a href={`#${fieldId(name)}`}>
                {labels[name] ? `${labels[name]}: ` : ''}
                {ctx.t(e.key, e.params)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: PageContext;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** A field required only when another answer asks for it: said instead of "optional" (e.g. "required if …"). */
  requiredIf?: string;
}

function Described({ ctx, form, name, hint }: Pick<FieldProps, 'ctx' | 'form' | 'name' | 'hint'>) {
  const id = fieldId(name);
  const error = form.errors[name];
  return (
    <>
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
    </>
  );
}

function describedBy(form: FormState, name: string, hint?: string): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', form.errors[name] ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** After a label or legend: "*" when required, else "(optional)" — or what makes it required ("required if …"). */
export function RequiredMark({ ctx, required, requiredIf }: Pick<FieldProps, 'ctx' | 'required' | 'requiredIf'>) {
  return required ? (
    <span class="required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : (
    <span class="optional"> ({requiredIf ?? ctx.t('form.optional')})</span>
  );
}

function Label({ ctx, name, label, required, requiredIf }: Pick<FieldProps, 'ctx' | 'name' | 'label' | 'required' | 'requiredIf'>) {
  return (
    <label for={fieldId(name)}>
      {label}
      <RequiredMark ctx={ctx} required={required} requiredIf={requiredIf} />
    </label>
  );
}

/** The `.field` of a single control (`children`): its label, then hint and error, marked invalid after an error; also for a control the kit has no component for (a file input). */
export function LabelledField({ children, ...props }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={`field${props.form.errors[props.name] ? ' field-invalid' : ''}`}>
      <Label {...props} />
      <Described {...props} />
      {children}
    </div>
  );
}

/**
 * A single-line input. There is no `type="number"`: Chromium's number input silently empties a value typed in
 * Arabic-Indic digits, so a number is a text field with `inputMode="numeric"` (a numeric keyboard on phones) read
 * by `int`/`optionalInt` on the server.
 */
export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'tel' | 'search' | 'url'; autocomplete?: string; maxLength?: number; inputMode?: string; dir?: string },
) {
  const { form, name } = props;
  const error = form.errors[name];
  return (
    <LabelledField {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? '' : valueOf(form, name)}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        inputMode={props.inputMode as never}
        dir={props.dir as never}
      />
    </LabelledField>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const { form, name } = props;
  const error = form.errors[name];
  return (
    <LabelledField {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
        maxLength={props.maxLength}
      >
        {valueOf(form, name)}
      </textarea>
    </LabelledField>
  );
}

export function SelectField(props: FieldProps & { options: SelectOption[]; autocomplete?: string; emptyLabel?: string }) {
  const { form, name } = props;
  const error = form.errors[name];
  return (
    <LabelledField {...props}>
      <select
        id={fieldId(name)}
        name={name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
        autocomplete={props.autocomplete}
      >
        {!props.required && <option value="">{props.emptyLabel ?? props.ctx.t('form.choose')}</option>}
        <SelectOptions options={props.options} selected={valueOf(form, name)} />
      </select>
    </LabelledField>
  );
}

/** The options of a `<select>`, `selected` marked; options with a `group` under <optgroup>s, in the order their groups first appear. */
export function SelectOptions({ options, selected }: { options: readonly { value: string; label: ComponentChildren; group?: string }[]; selected: string | undefined }) {
  const option = (o: (typeof options)[number]) => (
    <option value={o.value} selected={o.value === selected}>
      {o.label}
    </option>
  );
  const groups = [...new Set(options.map((o) => o.group).filter((g): g is string => g !== undefined))];
  return (
    <>
      {options.filter((o) => o.group === undefined).map(option)}
      {groups.map((g) => (
        <optgroup label={g}>{options.filter((o) => o.group === g).map(option)}</optgroup>
      ))}
    </>
  );
}

/** One choice of a SelectField; `group` puts it under an <optgroup> of that label. */
export interface SelectOption {
  value: string;
  label: string;
  group?: string;
}

/** The fieldset of a CheckboxGroup or RadioGroup: legend, hint and error, then the boxes (`children`). */
function ChoiceFieldset({ children, ...props }: FieldProps & { children: ComponentChildren }) {
  const { form, name, ctx } = props;
  const error = form.errors[name];
  return (
    <fieldset class={`field${error ? ' field-invalid' : ''}`} aria-describedby={describedBy(form, name, props.hint)}>
      <legend>
        {props.label}
        <RequiredMark ctx={ctx} required={props.required} requiredIf={props.requiredIf} />
      </legend>
      <Described {...props} />
      <div class="checkboxes" id={fieldId(name)}>
        {children}
      </div>
    </fieldset>
  );
}

/** A group of checkboxes sharing one name (the form posts every ticked value). */
export function CheckboxGroup(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { form, name } = props;
  const raw = form.values[name];
  const selected = new Set(Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : []);
  return (
    <ChoiceFieldset {...props}>
      {props.options.map((o) => (
        <label class="checkbox">
          <input type="checkbox" name={name} value={o.value} checked={selected.has(o.value)} /> {o.label}
        </label>
      ))}
    </ChoiceFieldset>
  );
}

/** One choice out of a few, as radio buttons in a fieldset (the form posts the chosen value). */
export function RadioGroup(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { form, name } = props;
  const error = form.errors[name];
  const current = String(form.values[name] ?? '');
  return (
    <ChoiceFieldset {...props}>
      {props.options.map((o) => (
        <label class="checkbox">
          <input type="radio" name={name} value={o.value} checked={current === o.value} required={props.required} aria-invalid={error ? 'true' : undefined} /> {o.label}
        </label>
      ))}
    </ChoiceFieldset>
  );
}

/**
 * One yes/no checkbox posting `value` (default `true`) when ticked, and nothing when not: the handler reads
 * absence as no. Ticked again after an error when the form value is that value, true or "on".
 */
export function Checkbox(props: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string; value?: string; required?: boolean }) {
  const { form, name } = props;
  const id = fieldId(name);
  const posted = props.value ?? 'true';
  const value = form.values[name];
  const error = form.errors[name];
  return (
    <div class={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <label class="checkbox" for={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          value={posted}
          checked={value === true || value === posted || value === 'on'}
          required={props.required}
          aria-required={props.required ? 'true' : undefined}
          aria-describedby={describedBy(form, name, props.hint)}
          aria-invalid={error ? 'true' : undefined}
        />{' '}
        {props.label}
        {props.required && (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <Described {...props} />
    </div>
  );
}

/** The form's button; `secondary` for an action to take with care (switching a protection off), not the main one. */
export function SubmitButton({ children, secondary }: { children: ComponentChildren; secondary?: boolean }) {
  return (
    <div class="actions">
      <button type="submit" class={secondary ? 'button button-secondary' : 'button'}>
        {children}
      </button>
    </div>
  );
}

import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import { FieldError } from './control-fieldset.js';
import { RequiredMark, type FormState } from './form.js';

/** One choice of an {@link ExplainedRadioGroup}: its label, and the explanation read with it (`explanationId`). */
export interface ExplainedOption {
  value: string;
  label: ComponentChildren;
  explanation: ComponentChildren;
  explanationId: string;
}

/**
 * One choice out of a few where each needs a word of explanation (a venue's address and hours, what a severity
 * means): radio buttons in a fieldset, each with its explanation under it and tied to it by `aria-describedby`.
 * The first button carries the field's id, which the error summary links to. `requiredIf`: required only with
 * another answer, said in the legend instead of the asterisk.
 */
export function ExplainedRadioGroup(props: { ctx: PageContext; form: FormState; name: string; legend: ComponentChildren; required?: boolean; requiredIf?: string; options: readonly ExplainedOption[] }) {
  const { ctx, form, name, required } = props;
  const id = `f-${name}`;
  const error = form.errors[name];
  const current = String(form.values[name] ?? '');
  return (
    <fieldset class={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {props.legend}
        <RequiredMark ctx={ctx} required={required} requiredIf={props.requiredIf} />
      </legend>
      <FieldError ctx={ctx} form={form} name={name} />
      <div class="checkboxes">
        {props.options.map((o, i) => (
          <div>
            <label class="checkbox">
              <input type="radio" name={name} value={o.value} id={i === 0 ? id : undefined} checked={current === o.value} required={required} aria-describedby={o.explanationId} /> {o.label}
            </label>
            <span class="venue-option" id={o.explanationId}>
              {o.explanation}
            </span>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

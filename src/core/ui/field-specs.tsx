import type { PageContext } from './context.js';
import { CheckboxGroup, RadioGroup, SelectField, TextArea, TextField, type FormState } from './form.js';

/** A control's own props: what a {@link FieldSpec} says, `ctx` and `form` come from {@link Fields}. */
type Own<C extends (props: never) => unknown> = Omit<Parameters<C>[0], 'ctx' | 'form'>;

/**
 * One field of a form as data: which control (a text field when left out), its name, label and the control's props.
 * A form lists its fields once, and both the controls and the error summary's labels come from that list, so a label
 * cannot differ between the field and the summary's link to it.
 */
export type FieldSpec =
  | ({ control?: 'text' } & Own<typeof TextField>)
  | ({ control: 'textarea' } & Own<typeof TextArea>)
  | ({ control: 'select' } & Own<typeof SelectField>)
  | ({ control: 'radios' } & Own<typeof RadioGroup>)
  | ({ control: 'checkboxes' } & Own<typeof CheckboxGroup>);

/** The error summary's labels of these fields, by name. */
export function fieldLabels(fields: readonly FieldSpec[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, f.label]));
}

/** The controls of `fields`, in their order. */
export function Fields({ ctx, form, fields }: { ctx: PageContext; form: FormState; fields: readonly FieldSpec[] }) {
  return <>{fields.map((f) => <FieldOf ctx={ctx} form={form} field={f} />)}</>;
}

function FieldOf({ ctx, form, field }: { ctx: PageContext; form: FormState; field: FieldSpec }) {
  switch (field.control) {
    case 'textarea':
      return <TextArea ctx={ctx} form={form} {...field} />;
    case 'select':
      return <SelectField ctx={ctx} form={form} {...field} />;
    case 'radios':
      return <RadioGroup ctx={ctx} form={form} {...field} />;
    case 'checkboxes':
      return <CheckboxGroup ctx={ctx} form={form} {...field} />;
    default:
      return <TextField ctx={ctx} form={form} {...field} />;
  }
}

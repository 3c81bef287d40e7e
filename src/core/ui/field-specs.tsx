import type { PageContext } from './context.js';
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextArea, TextField, type FormState } from './form.js';

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
  | ({ control: 'checkboxes' } & Own<typeof CheckboxGroup>)
  | ({ control: 'checkbox' } & Own<typeof Checkbox>);

/** A list of fields where `false` is a field left out (one the organisation hides): `shows('x') && { … }`. */
export type FieldList = readonly (FieldSpec | false)[];

/** The error summary's labels of the fields of these lists, by name. */
export function fieldLabels(...lists: FieldList[]): Record<string, string> {
  return Object.fromEntries(lists.flatMap((fields) => fields.filter((f) => f !== false).map((f) => [f.name, f.label])));
}

/** The controls of `fields`, in their order. */
export function Fields({ ctx, form, fields }: { ctx: PageContext; form: FormState; fields: FieldList }) {
  return <>{fields.map((f) => f && <FieldOf ctx={ctx} form={form} field={f} />)}</>;
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
    case 'checkbox':
      return <Checkbox ctx={ctx} form={form} {...field} />;
    default:
      return <TextField ctx={ctx} form={form} {...field} />;
  }
}

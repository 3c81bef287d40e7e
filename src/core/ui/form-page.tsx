import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import { fieldLabels, Fields, type FieldSpec } from './field-specs.js';
import { ErrorSummary, Form, type FormState } from './form.js';

/**
 * The frame of a page that is one form, in the narrow column: an optional link back, the heading, what to read first
 * (`intro`), the error summary, then the form posting to `action`: the `fields` given as data, then `children` (other
 * controls, the button). The summary names the fields by their labels, and `labels` names those in `children`.
 */
export function FormPage(props: {
  ctx: PageContext;
  form: FormState;
  fields?: readonly FieldSpec[];
  labels?: Record<string, string>;
  title: ComponentChildren;
  back?: { href: string; label: string };
  intro?: ComponentChildren;
  action: string;
  children: ComponentChildren;
}) {
  const { ctx, form, back, fields = [] } = props;
  return (
    <section class="narrow">
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
      <h1>{props.title}</h1>
      {props.intro}
      <ErrorSummary ctx={ctx} form={form} labels={{ ...fieldLabels(fields), ...props.labels }} />
      <Form ctx={ctx} action={props.action}>
        <Fields ctx={ctx} form={form} fields={fields} />
        {props.children}
      </Form>
    </section>
  );
}

import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import { fieldLabels, Fields, type FieldList } from './field-specs.js';
import { ErrorSummary, Form, type FormState } from './form.js';

/**
 * The frame of a page that is one form, in the narrow column: an optional link back, the heading, what to read first
 * (`intro`), the error summary, then the form posting to `action`: the `fields` given as data, then `children` (other
 * controls, the button), and last what follows the form (`after`: a link to another way). The summary names the fields
 * by their labels, `labels` names those in `children`; `summaryTitle` replaces its heading (e.g. "Sign-in failed").
 */
export function FormPage(props: {
  ctx: PageContext;
  form: FormState;
  fields?: FieldList;
  labels?: Record<string, string>;
  title: ComponentChildren;
  back?: { href: string; label: string };
  intro?: ComponentChildren;
  summaryTitle?: string;
  action: string;
  after?: ComponentChildren;
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
      <ErrorSummary ctx={ctx} form={form} labels={{ ...fieldLabels(fields), ...props.labels }} title={props.summaryTitle} />
      <Form ctx={ctx} action={props.action}>
        <Fields ctx={ctx} form={form} fields={fields} />
        {props.children}
      </Form>
      {props.after}
    </section>
  );
}

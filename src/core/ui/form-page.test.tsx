import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { translator } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { fieldLabels, Fields, type FieldSpec } from './field-specs.js';
import { ErrorSummary, Form, RadioGroup, SelectField, TextArea, TextField, type FormState } from './form.js';
import { FormPage } from './form-page.js';

const ctx: PageContext = { locale: 'en', dir: 'ltr', t: translator('en'), path: '/', csrfToken: 'token' };
const form: FormState = { values: { name: 'Ann', kind: 'b' }, errors: { name: { key: 'validation.required' }, note: { key: 'validation.required' } } };
const options = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
];
const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', maxLength: 100, required: true },
  { control: 'textarea', name: 'note', label: 'Note', rows: 3 },
  { control: 'select', name: 'kind', label: 'Kind', options },
  { control: 'radios', name: 'pick', label: 'Pick', options },
];

describe('Fields', () => {
  it('draws each field as the control it names, a text field when it names none', () => {
    const direct = render(
      <>
        <TextField ctx={ctx} form={form} name="name" label="Name" maxLength={100} required />
        <TextArea ctx={ctx} form={form} name="note" label="Note" rows={3} />
        <SelectField ctx={ctx} form={form} name="kind" label="Kind" options={options} />
        <RadioGroup ctx={ctx} form={form} name="pick" label="Pick" options={options} />
      </>,
    );
    assert.equal(render(<Fields ctx={ctx} form={form} fields={fields} />), direct);
    assert.deepEqual(fieldLabels(fields), { name: 'Name', note: 'Note', kind: 'Kind', pick: 'Pick' });
  });
});

describe('FormPage', () => {
  it('frames back link, heading, intro, the summary labelled by the fields and `labels`, then fields and children', () => {
    const page = render(
      <FormPage ctx={ctx} form={form} fields={fields.slice(0, 1)} labels={{ note: 'Note' }} back={{ href: '/x', label: 'Back' }} title="Title" intro={<p>Intro</p>} action="/save">
        <button>Save</button>
      </FormPage>,
    );
    const direct = render(
      <section class="narrow">
        <p>
          <a href="/x">Back</a>
        </p>
        <h1>Title</h1>
        <p>Intro</p>
        <ErrorSummary ctx={ctx} form={form} labels={{ name: 'Name', note: 'Note' }} />
        <Form ctx={ctx} action="/save">
          <TextField ctx={ctx} form={form} name="name" label="Name" maxLength={100} required />
          <button>Save</button>
        </Form>
      </section>,
    );
    assert.equal(page, direct);
  });
});

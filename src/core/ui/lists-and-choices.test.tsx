import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { translator } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { ExplainedRadioGroup } from './explained-radio-group.js';
import { emptyForm } from './form.js';
import { ItemList } from './item-list.js';
import { Stats } from './stats.js';
import { SubmitOrCancel } from './submit-or-cancel.js';

const ctx: PageContext = { locale: 'en', dir: 'ltr', t: translator('en'), path: '/', csrfToken: 'token' };

describe('Stats', () => {
  it('shows each figure large, then what it counts, and a note under it when there is one', () => {
    const html = render(<Stats items={[{ value: '3', label: 'people waiting' }, { value: '2.5', label: 'hours', note: '2 meetings' }]} />);
    assert.equal(html, '<ul class="stats"><li><span class="stat-value">3</span> people waiting</li><li><span class="stat-value">2.5</span> hours<br/><span class="muted">2 meetings</span></li></ul>');
  });
});

describe('ItemList', () => {
  it('draws each item, in an ordered list with a class when asked', () => {
    assert.equal(render(<ItemList items={['a', 'b']} empty="none" render={(x) => <li>{x}</li>} />), '<ul><li>a</li><li>b</li></ul>');
    assert.equal(render(<ItemList items={['a']} empty="none" ordered class="notes" render={(x) => <li>{x}</li>} />), '<ol class="notes"><li>a</li></ol>');
  });

  it('says what it is told instead of an empty list, in a dashed box unless muted', () => {
    assert.equal(render(<ItemList items={[]} empty="Nobody yet." render={() => <li />} />), '<p class="empty">Nobody yet.</p>');
    assert.equal(render(<ItemList items={[]} empty="Nobody yet." emptyClass="muted" render={() => <li />} />), '<p class="muted">Nobody yet.</p>');
  });
});

describe('SubmitOrCancel', () => {
  it('is the submit button and the way back', () => {
    assert.equal(render(<SubmitOrCancel cancelHref="/back" cancelLabel="Cancel">Delete</SubmitOrCancel>), '<div class="actions"><button type="submit" class="button">Delete</button><a href="/back">Cancel</a></div>');
  });
});

describe('ExplainedRadioGroup', () => {
  const options = [
    { value: 'a', label: 'Library', explanation: 'Main street 1', explanationId: 'venue-a' },
    { value: 'b', label: 'Café', explanation: 'Side street 2', explanationId: 'venue-b' },
  ];

  it('ties each choice to its explanation and gives the first the id the error summary links to', () => {
    const html = render(<ExplainedRadioGroup ctx={ctx} form={emptyForm({ venueId: 'b' })} name="venueId" legend="Venue" required options={options} />);
    assert.match(html, /^<fieldset class="field"><legend>Venue<span class="required" aria-hidden="true"> \*<\/span><\/legend><div class="checkboxes">/);
    assert.match(html, /<input type="radio" name="venueId" value="a" id="f-venueId" required aria-describedby="venue-a"\/> Library<\/label><span class="venue-option" id="venue-a">Main street 1<\/span>/);
    assert.match(html, /<input type="radio" name="venueId" value="b" checked required aria-describedby="venue-b"\/> Café/);
  });

  it('after an error marks the group invalid, describes it by the message, and says when it is required', () => {
    const form = { values: {}, errors: { severity: { key: 'validation.required' as const } } };
    const html = render(<ExplainedRadioGroup ctx={ctx} form={form} name="severity" legend="Severity" requiredIf="required if worried" options={options} />);
    assert.match(html, /^<fieldset class="field field-invalid" aria-describedby="f-severity-error"><legend>Severity<span class="optional"> \(required if worried\)<\/span><\/legend><p class="field-error" id="f-severity-error">/);
    assert.doesNotMatch(html, / required /);
  });
});

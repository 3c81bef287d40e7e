import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { FilterForm, FilterSearch, FilterSelect, PageHead } from './filters.js';

// The lists wrote this markup inline before the pieces existed; the pieces must render it to the letter.
describe('filter form pieces', () => {
  it('render the markup the lists wrote inline', () => {
    const filtered = (on: boolean) =>
      render(
        <FilterForm action="/concerns" label="Filters" apply="Apply" clear="Clear" filtered={on}>
          <FilterSearch label="Search" value={undefined} />
          <FilterSelect name="status" label="Status" any="Any status" options={[{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }]} selected="closed" />
        </FilterForm>,
      );
    const inline = (on: boolean) =>
      render(
        <form method="get" action="/concerns" class="filters" role="search" aria-label="Filters">
          <div class="field">
            <label for="q">Search</label>
            <input id="q" name="q" type="search" value="" maxLength={100} />
          </div>
          <div class="field">
            <label for="status">Status</label>
            <select id="status" name="status">
              <option value="">Any status</option>
              <option value="open" selected={false}>
                Open
              </option>
              <option value="closed" selected={true}>
                Closed
              </option>
            </select>
          </div>
          <div class="actions">
            <button type="submit" class="button button-secondary">
              Apply
            </button>
            {on && <a href="/concerns">Clear</a>}
          </div>
        </form>,
      );
    assert.equal(filtered(true), inline(true));
    assert.equal(filtered(false), inline(false));
    assert.match(filtered(true), /<a href="\/concerns">Clear<\/a>/);
  });

  it('leave out the label, the "any" option and the clear link when not given', () => {
    const html = render(
      <FilterForm action="/people" apply="Filter" filtered>
        <FilterSelect name="role" label="Role" options={[{ value: 'admin', label: 'Admin' }]} selected={undefined} />
      </FilterForm>,
    );
    assert.doesNotMatch(html, /aria-label|<option value="">|<a /);
    assert.match(html, /<option value="admin">Admin<\/option>/);
  });

  it('PageHead shows the action only when given', () => {
    assert.equal(render(<PageHead title="Concerns" />), '<div class="page-head"><h1>Concerns</h1></div>');
    assert.equal(render(<PageHead title="Concerns" action={false} />), '<div class="page-head"><h1>Concerns</h1></div>');
    assert.equal(render(<PageHead title="Concerns" action={{ href: '/concerns/new', label: 'Raise' }} />), '<div class="page-head"><h1>Concerns</h1><a class="button" href="/concerns/new">Raise</a></div>');
  });
});

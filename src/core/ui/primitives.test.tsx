import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { translator } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { DataTable } from './data-table.js';
import { DefinitionList } from './definition-list.js';
import { Pagination } from './pagination.js';
import { Section } from './section.js';
import { Timeline } from './timeline.js';

const ctx: PageContext = { locale: 'en', dir: 'ltr', t: translator('en'), path: '/', csrfToken: 'token' };
const rows = [
  { name: 'Ann', email: 'ann@example.org', hours: 3 },
  { name: 'Bob', email: 'bob@example.org', hours: 12 },
];

describe('DataTable', () => {
  it('renders caption, column headers, a row-header column and cells with their classes and direction', () => {
    const html = render(
      <DataTable
        caption="People"
        rows={rows}
        columns={[
          { header: 'Name', cell: (r) => r.name, rowHeader: true, lang: () => 'pl' },
          { header: 'E-mail', cell: (r) => r.email, dir: 'ltr', cellClass: 'email-cell' },
          false,
          { header: 'Hours', cell: (r) => r.hours, headerClass: 'numeric', cellClass: 'numeric', sort: 'descending' },
        ]}
      />,
    );
    assert.equal(
      html,
      '<div class="table-wrap"><table><caption class="visually-hidden">People</caption><thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col" class="numeric" aria-sort="descending">Hours</th></tr></thead>' +
        '<tbody><tr><th scope="row" lang="pl">Ann</th><td class="email-cell" dir="ltr">ann@example.org</td><td class="numeric">3</td></tr><tr><th scope="row" lang="pl">Bob</th><td class="email-cell" dir="ltr">bob@example.org</td><td class="numeric">12</td></tr></tbody></table></div>',
    );
  });

  it('labels the cells of a card table with their text headers, except where told not to', () => {
    const html = render(
      <DataTable
        cards
        labelledBy="h"
        rows={rows.slice(0, 1)}
        rowId={(r) => `p-${r.name}`}
        columns={[
          { header: 'Name', cell: (r) => r.name, cardLabel: false },
          { header: <span>Pick</span>, cell: () => 'x' },
          { header: <a href="?sort=e">E-mail</a>, cardLabel: 'E-mail', cell: (r) => r.email },
          { header: 'Hours', cell: (r) => r.hours },
        ]}
        foot={
          <tr>
            <th scope="row">Total</th>
          </tr>
        }
      />,
    );
    assert.match(html, /^<div class="table-wrap"><table class="table-cards" aria-labelledby="h"><thead>/);
    assert.match(html, /<tr id="p-Ann"><td>Ann<\/td><td>x<\/td><td data-label="E-mail">ann@example.org<\/td><td data-label="Hours">3<\/td><\/tr>/);
    assert.match(html, /<tfoot><tr><th scope="row">Total<\/th><\/tr><\/tfoot><\/table>/);
  });

  it('says the empty message instead of an empty table, or nothing without one', () => {
    assert.equal(render(<DataTable caption="People" rows={[]} columns={[{ header: 'Name', cell: () => '' }]} empty="Nobody yet." />), '<p class="empty">Nobody yet.</p>');
    assert.equal(render(<DataTable caption="People" rows={[]} columns={[{ header: 'Name', cell: () => '' }]} />), '');
    assert.equal(render(<DataTable rows={[]} columns={[]} empty="None." emptyClass="muted" />), '<p class="muted">None.</p>');
  });
});

describe('Section', () => {
  it('is labelled by its heading, at the level asked, with actions beside it in a page head', () => {
    assert.equal(render(<Section id="a-title" title="A">body</Section>), '<section aria-labelledby="a-title"><h2 id="a-title">A</h2>body</section>');
    assert.equal(
      render(
        <Section id="b" title="B" level={3} actions={<a href="/new">Add</a>}>
          <p>x</p>
        </Section>,
      ),
      '<section aria-labelledby="b"><div class="page-head"><h3 id="b">B</h3><a href="/new">Add</a></div><p>x</p></section>',
    );
  });
});

describe('DefinitionList', () => {
  it('renders each term and value in a div, leaves out false entries and sets each value direction', () => {
    const show = false;
    const html = render(<DefinitionList dir="auto" items={[['Name', 'Ann'], show && ['Hidden', 'x'], '', ['E-mail', 'ann@example.org', { dir: 'ltr' }], ['Note', 'Hi', { class: 'note-body' }]]} />);
    assert.equal(
      html,
      '<dl class="details"><div><dt>Name</dt><dd dir="auto">Ann</dd></div><div><dt>E-mail</dt><dd dir="ltr">ann@example.org</dd></div><div><dt>Note</dt><dd class="note-body" dir="auto">Hi</dd></div></dl>',
    );
  });
});

describe('Timeline', () => {
  it('lists events with their note, time and who, labelled by the heading', () => {
    const at = new Date('2026-12-07T10:00:00Z');
    const html = render(<Timeline ctx={ctx} labelledBy="timeline-heading" empty="None" events={[{ what: 'Moved', note: 'Because', at, actorName: 'Eve' }, { what: 'Created', at }]} />);
    assert.match(html, /^<ol class="role-list" aria-labelledby="timeline-heading"><li><div><strong>Moved<\/strong><br\/>Because<\/div><span class="muted"><time datetime="2026-12-07T10:00:00.000Z">[^<]+<\/time> · Eve<\/span><\/li>/);
    assert.match(html, /<li><div><strong>Created<\/strong><\/div><span class="muted"><time datetime="[^"]+">[^<]+<\/time><\/span><\/li><\/ol>$/);
    assert.equal(render(<Timeline ctx={ctx} labelledBy="x" empty="None" events={[]} />), '<p class="muted">None</p>');
  });
});

describe('Pagination', () => {
  it('links the previous and next pages around the status, and is absent on a single page', () => {
    const html = render(<Pagination ctx={ctx} page={2} total={45} pageSize={20} link={(p) => `/x?page=${p}`} />);
    assert.match(html, /^<nav class="pagination" aria-label="[^"]+"><a href="\/x\?page=1" rel="prev">[^<]+<\/a><span>[^<]*2[^<]*3[^<]*<\/span><a href="\/x\?page=3" rel="next">/);
    assert.equal(render(<Pagination ctx={ctx} page={1} total={20} pageSize={20} link={String} />), '');
  });
});

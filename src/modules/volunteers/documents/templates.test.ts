import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TestClient } from '../../../core/testing/client.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { DOCUMENT_KINDS, DOCUMENT_LOCALES } from './documents.schemas.js';
import { hoursPhrase } from './generate.js';
import { fillBody, fillLine, PLACEHOLDERS, unknownPlaceholders } from './placeholders.js';
import { auditEntries, countRows, docsWorld, useWorld, flashOn, signedIn } from './test-helpers.js';

describe('placeholders (pure)', () => {
  it('finds unknown placeholders and leaves other braces alone', () => {
    assert.deepEqual(unknownPlaceholders('{volunteerName} {foo} {foo} {bar1} { spaced } {1x} {}'), ['foo', 'bar1']);
    assert.equal(fillLine('{volunteerName} – {foo} – {1x}', { volunteerName: 'Ł' }), 'Ł – {foo} – {1x}');
  });

  it('drops a paragraph whose placeholder has no value, and does not double a full stop', () => {
    assert.equal(fillBody('A {scope}.\n\nHours: {hours}.\n\n# H\n\nEnd {periodTo}.', { scope: 'x', periodTo: '31 жовтня 2025 р.' }), 'A x.\n\n# H\n\nEnd 31 жовтня 2025 р.');
  });

  it('never expands a placeholder inside a value, whatever the values are', () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(PLACEHOLDERS.map((p) => [p, fc.string({ maxLength: 30 })]))), (values) => {
        const template = PLACEHOLDERS.map((p) => `{${p}}`).join('|');
        const out = fillLine(template, values);
        // Joining the values as they are (minus a final full stop before none) gives the output exactly.
        assert.equal(out, PLACEHOLDERS.map((p) => values[p]).join('|'));
      }),
    );
  });

  it('writes hours with the plural forms of each language', () => {
    assert.deepEqual([1, 2, 5, 12, 22, 25].map((n) => hoursPhrase(n, 'pl')), ['1 godzina', '2 godziny', '5 godzin', '12 godzin', '22 godziny', '25 godzin']);
    assert.deepEqual([1, 2, 5, 21].map((n) => hoursPhrase(n, 'uk')), ['1 година', '2 години', '5 годин', '21 година']);
    assert.deepEqual([1, 3].map((n) => hoursPhrase(n, 'de')), ['1 Stunde', '3 Stunden']);
    assert.equal(hoursPhrase(1500, 'en'), '1,500 hours');
  });

  it('the built-in templates use only known placeholders and cover every kind and language', () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const locale of DOCUMENT_LOCALES) {
        const tpl = DEFAULT_TEMPLATES[kind][locale];
        assert.deepEqual(unknownPlaceholders(tpl.title + tpl.body), [], `${kind}/${locale}`);
        assert.ok(tpl.body.includes('{volunteerName}') && tpl.body.includes('{organisationName}') && tpl.body.includes('{scope}'), `${kind}/${locale}`);
        if (kind === 'agreement') for (const p of ['{place}', '{periodFrom}', '{periodTo}', '{termination}']) assert.ok(tpl.body.includes(p), `${kind}/${locale} ${p}`);
        if (kind === 'reference') assert.ok(tpl.body.includes('{assessment}'));
      }
    }
  });
});

describe('template pages', () => {
  const w = useWorld(docsWorld);
  let admin: Awaited<ReturnType<typeof signedIn>>;
  before(async () => {
    admin = await signedIn(w, ['administrator']);
  });

  it('lists every kind and language, shows the default with a preview', async () => {
    const list = await admin.client.get('/volunteers/templates');
    assert.equal(list.status, 200);
    assert.equal((list.body.match(/href="\/volunteers\/templates\/(agreement|certificate|reference)\/(pl|en|uk|de|ar)"/g) ?? []).length, 15);
    assert.match(list.body, /Porozumienie wolontariackie/);
    assert.match(list.body, /Built-in default/);
    const page = await admin.client.get('/volunteers/templates/agreement/uk');
    assert.equal(page.status, 200);
    assert.match(page.body, /Угода про волонтерську діяльність/);
    assert.match(page.body, /<code>\{termination\}<\/code>/, 'the list of placeholders');
    assert.match(page.body, /Олена Коваленко/, 'the preview uses sample data');
    assert.match(page.body, /Stowarzyszenie Łączy Nas – Świętochłowice \(далі — «Організація»\)/, 'and the organisation’s name');
    const arabic = await admin.client.get('/volunteers/templates/agreement/ar');
    assert.equal(arabic.status, 200, 'Arabic documents are offered');
    assert.match(arabic.body, /اتفاقية التطوع/);
    assert.equal((await admin.client.get('/volunteers/templates/agreement/fr')).status, 404);
    assert.equal((await admin.client.get('/volunteers/templates/diploma/pl')).status, 404);
  });

  it('refuses an unknown placeholder as a field error naming it, and saves nothing', async () => {
    await admin.client.get('/volunteers/templates/certificate/pl');
    const res = await admin.client.post('/volunteers/templates/certificate/pl', { title: 'Zaświadczenie {numer}', body: 'Dla {volunteerName}, PESEL {pesel}.' });
    assert.equal(res.status, 422);
    assert.match(res.body, /Title: Unknown placeholder: \{numer\}/);
    assert.match(res.body, /Text: Unknown placeholder: \{pesel\}/);
    assert.match(res.body, /aria-invalid="true"/);
    const preview = await admin.client.post('/volunteers/templates/certificate/pl', { title: 'T', body: '{foo} {bar}', intent: 'preview' });
    assert.equal(preview.status, 422);
    assert.match(preview.body, /Unknown placeholders: \{foo\}, \{bar\}/);
    const tooLong = await admin.client.post('/volunteers/templates/certificate/pl', { title: 'T', body: 'x'.repeat(20_001) });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.body, /at most 20,000 characters/);
    assert.equal(await countRows(w, 'document_templates'), 0);
  });

  it('previews without saving, saves, escapes markup, and resets to the default', async () => {
    await admin.client.get('/volunteers/templates/reference/en');
    const preview = await admin.client.post('/volunteers/templates/reference/en', { title: '<b>Ref</b> {volunteerName}', body: '# <i>Heading</i>\n\n<script>alert(1)</script> {assessment}', intent: 'preview' });
    assert.equal(preview.status, 200);
    assert.match(preview.body, /<h3>&lt;b>Ref&lt;\/b> Olena Kovalenko<\/h3>/);
    assert.match(preview.body, /<h3>&lt;i>Heading&lt;\/i><\/h3>/);
    assert.doesNotMatch(preview.body, /<script>alert/);
    assert.equal(await countRows(w, 'document_templates'), 0, 'a preview saves nothing');
    const saved = await admin.client.post('/volunteers/templates/reference/en', { title: 'Reference', body: 'For {volunteerName}: {assessment}' });
    assert.equal(saved.status, 303);
    assert.match(await flashOn(admin.client, saved.location), /The template has been saved/);
    const list = await admin.client.get('/volunteers/templates');
    assert.match(list.body, /Edited by your organisation on/);
    assert.equal((await auditEntries(w, w.org.id, 'document_template.update')).length, 1);
    await admin.client.get('/volunteers/templates/reference/en');
    const reset = await admin.client.post('/volunteers/templates/reference/en', { intent: 'reset' });
    assert.equal(reset.status, 303);
    assert.equal(await countRows(w, 'document_templates'), 0);
    assert.match((await admin.client.get('/volunteers/templates/reference/en')).body, /Reference on volunteer service/);
    assert.equal((await auditEntries(w, w.org.id, 'document_template.reset')).length, 1);
  });

  it('security: no session → sign-in; a volunteer or programme manager → 403; templates are per organisation', async () => {
    const anon = new TestClient(w.t.app);
    assert.equal((await anon.get('/volunteers/templates')).location, '/sign-in?next=%2Fvolunteers%2Ftemplates');
    assert.equal((await anon.get('/volunteers/templates/agreement/pl')).status, 303);
    await anon.get('/sign-in');
    assert.equal((await anon.post('/volunteers/templates/agreement/pl', { title: 'x', body: 'y' })).status, 401);
    for (const roles of [['volunteer'], ['programme_manager']] as const) {
      const { client } = await signedIn(w, [...roles]);
      assert.equal((await client.get('/volunteers/templates')).status, 403);
      assert.equal((await client.get('/volunteers/templates/agreement/pl')).status, 403);
      assert.equal((await client.post('/volunteers/templates/agreement/pl', { title: 'x', body: 'y' })).status, 403);
    }
    const coordinator = await signedIn(w, ['coordinator']);
    await coordinator.client.get('/volunteers/templates/agreement/de');
    assert.equal((await coordinator.client.post('/volunteers/templates/agreement/de', { title: 'Vereinbarung', body: 'Text {volunteerName}' })).status, 303, 'coordinators configure templates');
    const other = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    assert.match((await other.client.get('/volunteers/templates/agreement/de')).body, /Ehrenamtsvereinbarung/, 'another organisation still has the default');
    assert.equal(await countRows(w, 'document_templates', w.other.id), 0);
  });
});

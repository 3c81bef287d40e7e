/**
 * Progressive enhancement: the core forms work with JavaScript switched off in the browser. A person is
 * added through /people/new, first with mistakes (shown at the fields, typed values kept), then correctly.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translator } from '../src/core/i18n/index.js';
import { newContext } from './support/browser.js';
import { clickAndWait, pathOf, signIn, submitOf } from './support/flows.js';
import { startE2E, type E2EServer, type SeededUser } from './support/server.js';

const pl = translator('pl');

describe('without JavaScript', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let coordinator: SeededUser;

  before(async () => {
    ({ server, browser } = await startE2E());
    const org = await server.organisation('pomoc-nojs', 'Fundacja Pomoc');
    coordinator = await server.user(org.id, ['coordinator'], { name: 'Krystyna Nowak' });
    await server.person(org.id, 'Yusuf', 'Rahimi', ['mentee']);
    context = await newContext(browser, server.baseUrl, { javaScriptEnabled: false, locale: 'pl-PL' });
    page = await context.newPage();
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('the browser really runs no scripts', async () => {
    await page.goto('/sign-in');
    // app.js is referenced by the layout; with scripts off, nothing it would do can have happened.
    assert.equal(await page.locator('noscript').count(), 0, 'no page relies on <noscript> fallbacks');
    const ran = await page.evaluate(() => document.documentElement.dataset.js ?? null).catch(() => null);
    assert.equal(ran, null);
  });

  test('signs in', async () => {
    await signIn(page, coordinator.email);
    assert.equal(pathOf(page), '/');
    assert.equal(await page.locator('h1').innerText(), pl('home.welcome', { name: 'Krystyna Nowak' }));
  });

  test('adds a person: errors next to the fields with the typed values kept, then success', async () => {
    await page.goto('/people');
    await clickAndWait(page, page.locator('main a[href="/people/new"]'));
    assert.equal(pathOf(page), '/people/new');

    await page.fill('#f-givenName', 'Oksana');
    await page.fill('#f-familyName', 'Melnyk');
    await page.fill('#f-email', 'oksana.melnyk@example.org');
    await page.fill('#f-phone', 'call me later'); // not a phone number
    await page.fill('#f-birthDate', '2999-01-01'); // in the future
    await page.selectOption('#f-locale', 'uk');
    const refused = await clickAndWait(page, submitOf(page, '/people/new'));

    assert.equal(refused?.status(), 422);
    assert.equal(pathOf(page), '/people/new');
    const summary = page.locator('.error-summary');
    assert.equal(await summary.locator('h2').innerText(), pl('form.errorSummary', { count: 2 }));
    assert.deepEqual(await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#f-phone', '#f-birthDate']);

    for (const [field, key] of [
      ['phone', 'validation.phone'],
      ['birthDate', 'validation.dateInFuture'],
    ] as const) {
      const box = page.locator(`.field:has(#f-${field})`);
      assert.match(await box.getAttribute('class') ?? '', /field-invalid/, `${field} is marked invalid`);
      assert.ok((await box.locator(`#f-${field}-error`).innerText()).includes(pl(key)), `${field} shows its message next to it`);
      assert.equal(await page.getAttribute(`#f-${field}`, 'aria-invalid'), 'true');
      assert.ok((await page.getAttribute(`#f-${field}`, 'aria-describedby'))?.split(' ').includes(`f-${field}-error`), `${field} is described by its error`);
    }
    assert.equal(await page.locator('.field-invalid').count(), 2, 'only the wrong fields are marked');

    // Everything typed is still there.
    assert.equal(await page.inputValue('#f-givenName'), 'Oksana');
    assert.equal(await page.inputValue('#f-familyName'), 'Melnyk');
    assert.equal(await page.inputValue('#f-email'), 'oksana.melnyk@example.org');
    assert.equal(await page.inputValue('#f-phone'), 'call me later');
    assert.equal(await page.inputValue('#f-birthDate'), '2999-01-01');
    assert.equal(await page.inputValue('#f-locale'), 'uk');

    await page.fill('#f-phone', '+380 44 123 4567');
    await page.fill('#f-birthDate', '1990-05-17');
    await clickAndWait(page, submitOf(page, '/people/new'));

    assert.match(pathOf(page), /^\/people\/[0-9a-f-]{36}$/);
    assert.equal(await page.locator('.flash').innerText(), pl('people.created'));
    const main = await page.locator('main').innerText();
    for (const shown of ['Oksana', 'Melnyk', 'oksana.melnyk@example.org', '+380 44 123 4567']) assert.ok(main.includes(shown), `the person page shows ${shown}`);

    // And the list finds her.
    await page.goto('/people?q=melnyk');
    assert.equal(await page.locator('main table a', { hasText: 'Oksana' }).count(), 1);
  });

  test('the people search form (GET) filters by role, and the list shows the roles', async () => {
    await page.goto('/people');
    await page.selectOption('#role', 'mentee');
    await clickAndWait(page, page.locator('form[role="search"] [type="submit"]'));
    assert.equal(new URL(page.url()).searchParams.get('role'), 'mentee');
    const row = page.locator('main tbody tr', { hasText: 'Yusuf' });
    assert.equal(await row.count(), 1, 'the mentee is found by role');
    assert.ok((await row.innerText()).includes(pl('role.mentee')), 'the row shows the role');
    assert.equal(await page.locator('main tbody tr').count(), 1, 'only the mentee');
  });
});

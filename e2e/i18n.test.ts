/**
 * Languages in the browser: ?lang= and its cookie, Accept-Language for a new visitor, the language switcher,
 * right-to-left Arabic, and no horizontal scrolling on a 360 px wide phone (screenshots in test-results/ with
 * SCREENSHOTS=1, see support/browser.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LOCALES, direction } from '../src/core/i18n/index.js';
import { htmlLang, newContext, screenshot, withLang } from './support/browser.js';
import { clickAndWait, pathOf, signIn } from './support/flows.js';
import { startE2E, type E2EServer, type Organisation, type SeededUser } from './support/server.js';
import { seedVolunteers, type VolunteerSeed } from './support/volunteers.js';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('languages', () => {
  let server: E2EServer;
  let browser: Browser;
  let org: Organisation;
  let admin: SeededUser;
  let vol: VolunteerSeed;
  const contexts: BrowserContext[] = [];

  async function visitor(options: Parameters<typeof newContext>[2] = { locale: 'pl-PL' }): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, options);
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    ({ server, browser } = await startE2E());
    org = await server.organisation('integracja-i18n', 'Miejski Ośrodek Pomocy Społecznej w Zielonce');
    // The administrator has the longest navigation: the hardest case for a narrow screen.
    admin = await server.user(org.id, ['administrator', 'coordinator'], { totp: true, name: 'Małgorzata Brzęczyszczykiewicz' });
    const people: [string, string][] = [
      ['Oleksandra', 'Kovalenko-Shevchenko'],
      ['Mohammed', 'Al-Abdullah'],
      ['Grzegorz', 'Brzęczyszczykiewicz'],
      ['Світлана', 'Ковальчук'],
      ['فاطمة', 'الحسيني'],
      ['Hans-Joachim', 'Schmidt-Rottluff'],
    ];
    for (const [given, family] of people) await server.person(org.id, given, family, ['mentee', 'volunteer']);
    vol = await seedVolunteers(server, org, admin);
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  test('?lang=ar gives Arabic, right to left, and the choice sticks across pages', async () => {
    const page = await visitor();
    await page.goto('/sign-in?lang=ar');
    assert.deepEqual(await htmlLang(page), { lang: 'ar', dir: 'rtl' });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'tandem_lang');
    assert.equal(cookie?.value, 'ar', 'the choice is kept in a cookie');
    assert.equal(cookie?.httpOnly, true);

    for (const path of ['/password/forgot', '/', '/api/docs', '/sign-in']) {
      await page.goto(path);
      assert.deepEqual(await htmlLang(page), { lang: 'ar', dir: 'rtl' }, `${path} is still in Arabic`);
    }
    // Switching back by link works the same way.
    await page.goto('/sign-in?lang=pl');
    await page.goto('/password/forgot');
    assert.deepEqual(await htmlLang(page), { lang: 'pl', dir: 'ltr' });
  });

  test('Accept-Language picks the language of a new visitor', async () => {
    const ukrainian = await visitor({ extraHTTPHeaders: { 'Accept-Language': 'uk' } });
    await ukrainian.goto('/sign-in');
    assert.deepEqual(await htmlLang(ukrainian), { lang: 'uk', dir: 'ltr' });

    const weighted = await visitor({ extraHTTPHeaders: { 'Accept-Language': 'fr-FR, de;q=0.8, en;q=0.5' } });
    await weighted.goto('/sign-in');
    assert.equal((await htmlLang(weighted)).lang, 'de', 'the best supported language by q-value');

    const unsupported = await visitor({ extraHTTPHeaders: { 'Accept-Language': 'fr' } });
    await unsupported.goto('/sign-in');
    assert.equal((await htmlLang(unsupported)).lang, 'pl', 'the default language otherwise');

    // A choice made by link wins over the header.
    await ukrainian.goto('/sign-in?lang=de');
    await ukrainian.goto('/password/forgot');
    assert.equal((await htmlLang(ukrainian)).lang, 'de');
  });

  test('the language switcher offers every language and its links work', async () => {
    const page = await visitor();
    await page.goto('/password/forgot');
    const links = page.locator('.lang-switcher a');
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('hreflang'))), [...LOCALES]);
    // Each language's name is marked with its own language, for screen readers.
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('lang'))), [...LOCALES]);

    for (const locale of ['uk', 'ar', 'de', 'en', 'pl'] as const) {
      await clickAndWait(page, page.locator(`.lang-switcher a[hreflang="${locale}"]`));
      assert.equal(pathOf(page), '/password/forgot', 'the switcher stays on the same page');
      assert.deepEqual(await htmlLang(page), { lang: locale, dir: direction(locale) });
      assert.deepEqual(
        await links.evaluateAll((as) => as.filter((a) => a.getAttribute('aria-current') === 'true').map((a) => a.getAttribute('hreflang'))),
        [locale],
        'only the current language is marked current',
      );
    }
    await clickAndWait(page, page.locator('.lang-switcher a[hreflang="uk"]'));
    await clickAndWait(page, page.locator('.main-nav a[href="/sign-in"]'));
    assert.equal((await htmlLang(page)).lang, 'uk', 'the switched language stays on the next page');
  });

  describe('on a 360 px wide phone there is no horizontal scrolling', () => {
    let phone: Page;
    before(async () => {
      phone = await visitor({ ...PHONE, locale: 'pl-PL' });
    });

    const pages: { name: string; path: string | (() => string); signedIn: boolean }[] = [
      { name: 'sign-in', path: '/sign-in', signedIn: false },
      // Before anyone signs in on this phone: as an applicant sees it.
      { name: 'volunteer application form', path: () => `/o/${org.slug}/apply`, signedIn: false },
      { name: 'dashboard', path: '/', signedIn: true },
      { name: 'people', path: '/people', signedIn: true },
      { name: 'volunteers list', path: '/volunteers', signedIn: true },
      // The page with every panel filled: interviews, safeguarding and insurance tables, documents, timeline.
      { name: 'volunteer page', path: () => `/volunteers/${vol.mainId}`, signedIn: true },
    ];
    for (const p of pages) {
      for (const lang of ['pl', 'ar'] as const) {
        test(`${p.name} (${lang})`, async () => {
          const path = typeof p.path === 'function' ? p.path() : p.path;
          if (p.signedIn && !(await phone.context().cookies()).some((c) => c.name === 'tandem_session')) {
            await signIn(phone, admin.email, { totpSecret: admin.totpSecret });
          }
          await phone.goto(withLang(path, lang));
          assert.equal(pathOf(phone), path);
          assert.deepEqual(await htmlLang(phone), { lang, dir: direction(lang) });
          const { scrollWidth, wide } = await phone.evaluate(() => {
            // The page's own box (360 px wide, wherever scrolling has put it), to compare every element with.
            const page = document.documentElement.getBoundingClientRect();
            // The elements that stick out, to say what to fix. Those clipped by a scrolling wrapper (a table's)
            // are fine — unless they are absolutely positioned with their containing block outside the wrapper:
            // then the wrapper does not clip them and they widen the page.
            const wide = Array.from(document.querySelectorAll('body *'))
              .filter((el) => {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || (r.right <= page.right + 0.5 && r.left >= page.left - 0.5)) return false;
                let escaping = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
                let fixed = getComputedStyle(el).position === 'fixed';
                for (let a = el.parentElement; a; a = a.parentElement) {
                  const style = getComputedStyle(a);
                  const clips = ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
                  if (escaping && !fixed && style.position !== 'static') {
                    escaping = false; // the containing block: clipped by it and what is around it
                    if (clips) return false;
                    continue;
                  }
                  if (clips && !escaping) return false;
                  if (['absolute', 'fixed'].includes(style.position) && !escaping) {
                    escaping = true;
                    fixed = style.position === 'fixed';
                  }
                }
                return true;
              })
              .slice(0, 8)
              .map((el) => {
                const r = el.getBoundingClientRect();
                const position = getComputedStyle(el).position;
                return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${position !== 'static' ? ` position:${position}` : ''}> ${Math.round(r.left - page.left)}..${Math.round(r.right - page.left)}px in ${el.parentElement?.closest('td, th') ? 'a table cell' : (el.parentElement?.tagName.toLowerCase() ?? '')}`;
              });
            return { scrollWidth: document.documentElement.scrollWidth, wide };
          });
          const shot = await screenshot(phone, `i18n-360-${p.name}-${lang}`, { force: scrollWidth > 360 });
          assert.ok(scrollWidth <= 360, `${path} in ${lang} is ${scrollWidth}px wide at 360px (${shot}); elements sticking out:\n  ${wide.join('\n  ')}`);
        });
      }
    }
  });
});

/**
 * Accessibility of the public pages, signing in, the account, people, administration and volunteers (see
 * e2e/a11y/suite.ts; the mentees, matching and pairs pages are in e2e/a11y-matching.test.ts). Also: keyboard basics
 * on the sign-in page (the skip link comes first and moves focus to #main).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newContext, withLang } from './support/browser.js';
import { CORE_PAGES } from './a11y/core.pages.js';
import { checkPages, LANGS } from './a11y/suite.js';
import { VOLUNTEER_PAGES } from './a11y/volunteers.pages.js';

checkPages('public, account, administration, volunteers', [...CORE_PAGES, ...VOLUNTEER_PAGES], (browser, server, contexts) => {
  describe('keyboard on the sign-in page', () => {
    for (const lang of LANGS) {
      test(`Tab reaches the skip link first and it moves focus to #main [${lang}]`, async () => {
        // A plain context, under the real CSP.
        const context = await newContext(browser(), server().baseUrl, { locale: 'pl-PL' });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(withLang('/sign-in', lang));
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const r = el?.getBoundingClientRect();
          return {
            tag: el?.tagName.toLowerCase(),
            cls: el?.className,
            href: el?.getAttribute('href'),
            visible: Boolean(r && r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < window.innerHeight),
          };
        });
        assert.deepEqual({ tag: first.tag, cls: first.cls, href: first.href }, { tag: 'a', cls: 'skip-link', href: '#main' }, 'the first Tab stop is the skip link');
        assert.ok(first.visible, 'the skip link is visible while it has focus (WCAG 2.4.7)');

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal(new URL(page.url()).hash, '#main');

        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => ({ inMain: Boolean(document.activeElement?.closest('main')), id: document.activeElement?.id }));
        assert.ok(next.inMain, `the next Tab stays in the main content (got #${next.id})`);
        assert.equal(next.id, 'f-email', 'the first field of the sign-in form is next');
      });
    }
  });
});

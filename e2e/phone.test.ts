/**
 * On a phone (issue 11, points 5 and 6): at 360 × 740 px the public forms (volunteer application, request for support)
 * the volunteer's own page and the staff lists (volunteers, waiting list, pairs, matching, dashboard) fit the screen
 * in Polish and in Arabic —
 * nothing wider than the viewport, every visible form control inside it, no choice text cut off — and the main menu
 * is collapsed until opened (no JavaScript needed). Screenshots go to test-results/phone-*.png for people to look at.
 * A phone may have any font (issue 11, point 12): the same checks again in DejaVu Sans, wider than the Noto fonts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { withSystem } from '../src/core/db/tx.js';
import { programmes } from '../src/core/tenancy/tenancy.table.js';
import { newContext, screenshot, withLang } from './support/browser.js';
import { clickAndWait, signIn } from './support/flows.js';
import { seedMatching, type MatchingSeed } from './support/matching.js';
import { seedPairs, type PairsSeed } from './support/pairs.js';
import { startE2E, type E2EServer, type Organisation, type SeededUser } from './support/server.js';
import { seedVolunteers, type VolunteerSeed } from './support/volunteers.js';

const PHONE = { width: 360, height: 740 };
const LANGS = ['pl', 'ar'] as const;
/** A wide font (about 10 % wider than Noto Sans; Chromium's fallback where the Noto fonts are missing), forced. */
const WIDE_FONT = 'html, input, select, textarea, button { font-family: "DejaVu Sans", sans-serif !important; }';

/**
 * Serves the page's style sheet with WIDE_FONT appended (the CSP refuses an injected <style>) until the returned
 * function is called. Throws when the system has no DejaVu Sans, which the test then reports as a skip.
 */
async function inWideFont(page: Page): Promise<() => Promise<void>> {
  const handler = async (route: Route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n${WIDE_FONT}\n` });
  };
  await page.route('**/app.css*', handler);
  return () => page.unroute('**/app.css*', handler);
}

/** Whether the page's text is in DejaVu Sans (not a fallback): it measures differently from the monospace font. */
async function hasWideFont(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = '17px "DejaVu Sans", monospace';
    const wide = canvas.measureText('wolontariuszka').width;
    canvas.font = '17px monospace';
    return wide !== canvas.measureText('wolontariuszka').width && getComputedStyle(document.body).fontFamily.startsWith('"DejaVu Sans"');
  });
}

/** What sticks out at the current viewport: the document's width, elements past the edge, cut controls. */
async function layoutProblems(page: Page, choices: boolean): Promise<{ scrollWidth: number; problems: string[] }> {
  return page.evaluate((choices) => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    // No named inner functions: tsx would wrap them in a helper (__name) that does not exist in the page.
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      // The visually hidden pattern (1 px, clipped) is not on screen.
      if (r.width <= 1 && r.height <= 1) continue;
      const control = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(el.tagName);
      if (r.left < -0.5 || r.right > width + 0.5) problems.push(`${describe(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} px`);
      // A select narrower than its longest choice cuts that choice off when closed: measure the chosen text.
      if (choices && control && el.tagName === 'SELECT') {
        const select = el as HTMLSelectElement;
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const longest = Math.max(...Array.from(select.options).map((o) => canvas.measureText(o.text).width));
        const room = r.width - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 16; // the arrow
        if (longest > room + 1) problems.push(`${describe(el)} is ${Math.round(r.width)} px wide, its longest choice needs ${Math.round(longest)} px of text`);
      }
    }
    // No word broken in the middle: a word (letters only: not an e-mail address, a URL or a code) on two lines.
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('.visually-hidden, [hidden], option, script')) continue;
      for (const m of text.matchAll(/[\p{L}\p{M}]{2,}/gu)) {
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`the word "${m[0]}" is broken across lines in ${describe(parent)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, problems };
  }, choices);
}

/** `choices`: also no closed select cutting its longest choice (the public forms; staff filters may open to read). */
async function assertFits(page: Page, name: string, choices = true) {
  const { scrollWidth, problems } = await layoutProblems(page, choices);
  const shot = await screenshot(page, `phone-${name}`, { force: scrollWidth > PHONE.width || problems.length > 0 });
  await screenshot(page, `phone-${name}-top`, { fullPage: false });
  assert.ok(scrollWidth <= PHONE.width, `${name} is ${scrollWidth} px wide at ${PHONE.width} px (${shot})`);
  assert.deepEqual(problems, [], `${name} at ${PHONE.width} px (${shot})`);
}

/** The main menu is collapsed: its links are not shown until the menu button is pressed. */
async function assertMenuCollapsed(page: Page, name: string) {
  const menu = page.locator('header details.nav-menu');
  assert.equal(await menu.count(), 1, `${name}: the menu is a <details> disclosure`);
  assert.equal(await menu.getAttribute('open'), null, `${name}: the menu starts closed`);
  assert.equal(await page.locator('header .main-nav a:visible').count(), 0, `${name}: no menu link shown while closed`);
  await menu.locator('summary').click();
  assert.ok((await page.locator('header .main-nav a:visible').count()) > 1, `${name}: the menu opens on its button`);
  await menu.locator('summary').click();
}

describe('on a phone (360 px)', () => {
  let server: E2EServer;
  let browser: Browser;
  let org: Organisation;
  let admin: SeededUser;
  /** A volunteer with an account and an agreement (seedVolunteers' self-service volunteer). */
  let volunteer: SeededUser;
  /** A genuine application-form token issued seconds ago (the form refuses what is sent within 3 s of showing it). */
  let formToken: string;
  /** A pair's check-ins (a page with a row of buttons). */
  let matchId: string;
  let seeds: { vol: VolunteerSeed; m: MatchingSeed; p: PairsSeed };
  const contexts: BrowserContext[] = [];

  before(async () => {
    ({ server, browser } = await startE2E());
    org = await server.organisation('centrum-telefon', 'Centrum Integracji Cudzoziemców w Zielonej Górze');
    admin = await server.user(org.id, ['administrator', 'coordinator'], { name: 'Małgorzata Wiśniewska-Kołodziejczyk', totp: true });
    const users = {
      volunteer: await server.user(org.id, ['volunteer'], { name: 'Ołeksij Bondarenko', locale: 'uk' }),
      coordinator: await server.user(org.id, ['coordinator'], { name: 'Katarzyna Wójcik' }),
      otherCoordinator: await server.user(org.id, ['coordinator'], { name: 'Agnieszka Lewandowska' }),
      socialWorker: await server.user(org.id, ['social_worker'], { name: 'Paweł Kamiński' }),
    };
    await withSystem(server.db, (tx) =>
      tx.insert(programmes).values([
        { organisationId: org.id, name: 'Mentoring dla rodzin', description: 'Wolontariusze wspierają rodziny.' },
        { organisationId: org.id, name: 'Pomoc w nauce', description: 'Zajęcia z dziećmi po szkole.' },
      ]),
    );
    volunteer = users.volunteer;
    const vol = await seedVolunteers(server, org, admin, users.volunteer);
    formToken = vol.formToken;
    const m = await seedMatching(server, org, admin, users.socialWorker);
    const p = await seedPairs(server, org, { admin, ...users });
    matchId = p.matchId;
    seeds = { vol, m, p };
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  let staff: Promise<Page> | undefined;
  const phonePage = async (signedIn: boolean): Promise<Page> => {
    // The administrator signs in once (a TOTP code is accepted once per 30-second step).
    if (signedIn && staff) return staff;
    const page = (async () => {
      const context = await newContext(browser, server.baseUrl, { viewport: PHONE, locale: 'pl-PL' });
      contexts.push(context);
      const p = await context.newPage();
      if (signedIn) await signIn(p, admin.email, { totpSecret: admin.totpSecret });
      return p;
    })();
    if (signedIn) staff = page;
    return page;
  };

  for (const lang of ['pl', 'en', 'uk', 'de', 'ar'] as const) {
    test(`the application form fits [${lang}]`, async () => {
      const page = await phonePage(false);
      await page.goto(withLang(`/o/${org.slug}/apply`, lang));
      await assertFits(page, `apply-${lang}`);
      if ((LANGS as readonly string[]).includes(lang)) await assertMenuCollapsed(page, `apply [${lang}]`);
    });
    test(`the request form fits [${lang}]`, async () => {
      const page = await phonePage(false);
      await page.goto(withLang(`/o/${org.slug}/request`, lang));
      await assertFits(page, `request-${lang}`);
    });
  }

  for (const lang of LANGS) {
    test(`the application form's parts are shown whole: language rows stacked, the week grid inside the screen [${lang}]`, async () => {
      const page = await phonePage(false);
      await page.goto(withLang(`/o/${org.slug}/apply`, lang));
      await screenshot(page.locator('#f-languages'), `phone-apply-languages-${lang}`);
      await screenshot(page.locator('#f-availability'), `phone-apply-week-${lang}`);
      const code = await page.locator('#f-languages-0-code').boundingBox();
      const level = await page.locator('#f-languages-0-level').boundingBox();
      assert.ok(code && level && level.y > code.y + code.height - 1, 'the level is under the language, not beside it');
      assert.ok(await page.locator('label[for="f-languages-0-level"]').isVisible(), 'each choice has its label shown');
    });

    test(`"add another language" adds one row and opens the page at it [${lang}]`, async () => {
      const page = await phonePage(false);
      await page.goto(withLang(`/o/${org.slug}/apply`, lang));
      const rows = await page.locator('.language-table tbody tr').count();
      await page.selectOption('#f-languages-0-code', 'uk');
      await page.selectOption('#f-languages-0-level', 'native');
      await clickAndWait(page, page.locator('button[name="_add"]'));
      assert.equal(await page.locator('.language-table tbody tr').count(), rows + 1, 'one row more');
      assert.equal(new URL(page.url()).hash, '#language-new');
      assert.equal(await page.locator('#f-languages-0-code').inputValue(), 'uk', 'what was chosen is kept');
      // The scroll may be smooth: wait until the row has arrived.
      await page.waitForFunction(() => Math.abs(document.getElementById('language-new')!.getBoundingClientRect().top) < 100);
      const at = await page.evaluate(() => {
        const r = document.getElementById('language-new')!.closest('tr')!.querySelector('select')!.getBoundingClientRect();
        return { y: window.scrollY, top: r.top, bottom: r.bottom };
      });
      assert.ok(at.y > 200, `the page is not at the top (scrollY ${at.y})`);
      assert.ok(at.top >= 0 && at.bottom <= PHONE.height, `the first empty row's choice is on screen (${at.top}…${at.bottom})`);
      await screenshot(page, `phone-apply-added-language-${lang}`, { fullPage: false });
    });

    test(`a form sent with mistakes shows the server's summary first, focused, no browser bubble [${lang}]`, async () => {
      const page = await phonePage(false);
      await page.goto(withLang(`/o/${org.slug}/apply`, lang));
      assert.equal(await page.locator('main form[novalidate]').count(), 1, 'the browser does not check the form itself');
      await page.locator('input[name="_form"]').evaluate((el, token) => ((el as HTMLInputElement).value = token), formToken);
      const response = await clickAndWait(page, page.locator('main form .actions button[type="submit"]'));
      assert.equal(response?.status(), 422, 'the empty form reached the server');
      const summary = page.locator('.error-summary');
      assert.equal(await summary.count(), 1);
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'the summary has focus');
      const [s, f] = await Promise.all([summary.boundingBox(), page.locator('main form').boundingBox()]);
      assert.ok(s && f && s.y < f.y, 'the summary comes before the form');
      assert.ok((await summary.locator('a[href^="#f-"]').count()) >= 2, 'its items link to the fields');
      await assertFits(page, `apply-errors-${lang}`);
    });
  }

  for (const lang of LANGS) {
    test(`the volunteer's own pages fit: documents and concerns as cards, the PDF link on the screen [${lang}]`, async () => {
      const context = await newContext(browser, server.baseUrl, { viewport: PHONE, locale: lang, isMobile: true, hasTouch: true });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, volunteer.email, { lang });
      const response = await page.goto(withLang('/me/volunteer', lang));
      assert.equal(response?.status(), 200);
      await assertFits(page, `me-volunteer-${lang}`, false);
      const row = page.locator('main table.table-cards tbody tr').first();
      assert.equal(await row.evaluate((tr) => getComputedStyle(tr).display), 'block', 'each document is a card');
      const pdf = await page.locator('main table.table-cards a[href$=".pdf"]').first().boundingBox();
      assert.ok(pdf && pdf.x >= 0 && pdf.x + pdf.width <= PHONE.width, `the download link is on the screen (${JSON.stringify(pdf)})`);

      // Their concerns (one raised from a meeting with a worry) and their meeting log.
      assert.equal((await page.goto(withLang('/me/concerns', lang)))?.status(), 200);
      await assertFits(page, `me-concerns-${lang}`, false);
      assert.equal(await page.locator('main table.table-cards tbody tr').first().evaluate((tr) => getComputedStyle(tr).display), 'block', 'each concern is a card');
      assert.equal((await page.goto(withLang('/me/meetings', lang)))?.status(), 200);
      await assertFits(page, `me-meetings-${lang}`, false);
    });
  }

  for (const lang of LANGS) {
    for (const [name, path] of [
      ['dashboard', '/'],
      ['volunteers', '/volunteers'],
      ['waiting-list', '/mentees'],
      ['pairs', '/pairs'],
      ['matching', '/matching'],
    ] as const) {
      test(`the staff page ${name} fits, its menu collapsed [${lang}]`, async () => {
        const page = await phonePage(true);
        const response = await page.goto(withLang(path, lang));
        assert.equal(response?.status(), 200);
        assert.equal(new URL(page.url()).pathname, path, 'the page itself, not a redirect');
        await assertMenuCollapsed(page, `${name} [${lang}]`);
        await assertFits(page, `${name}-${lang}`, false);
        const cards = page.locator('main table.table-cards tbody tr');
        if (await cards.count()) {
          await page.evaluate(() => document.querySelector('main table.table-cards')!.scrollIntoView({ behavior: 'instant' }));
          await screenshot(page, `phone-${name}-${lang}-list`, { fullPage: false });
          assert.equal(await cards.first().evaluate((tr) => getComputedStyle(tr).display), 'block', 'the list shows its rows as cards');
          const labelled = cards.first().locator('td[data-label]');
          if (await labelled.count()) assert.ok((await labelled.first().evaluate((td) => getComputedStyle(td, '::before').content)).length > 2, 'each cell is shown under its column name');
        }
      });
    }
  }

  // The pages of following a pair, a record's page and the settings, refactored onto core/ui (FormPage, DataTable,
  // RecordHead, settingsPage): the same checks as the lists above, forms with their closed choices measured too.
  for (const lang of LANGS) {
    for (const [name, path, choices] of [
      ['pair', () => `/pairs/${matchId}`, false],
      ['check-in-form', () => `/pairs/${matchId}/check-ins/new?side=volunteer`, true],
      ['close-pair', () => `/pairs/${seeds.p.quietMatchId}/close`, true],
      ['concerns', () => '/concerns', false],
      ['concern', () => `/concerns/${seeds.p.concernId}`, true],
      ['supervision', () => '/supervision', false],
      ['supervision-session', () => `/supervision/${seeds.p.pastSessionId}`, false],
      ['volunteer', () => `/volunteers/${seeds.vol.mainId}`, false],
      ['mentee-case', () => `/mentees/${seeds.m.caseId}`, false],
      ['organisation-settings', () => '/admin/organisation', true],
      ['team', () => '/admin/users', false],
      ['overdue', () => '/pairs/overdue', false],
      ['covers', () => '/pairs/covers', false],
      ['programmes', () => '/admin/programmes', false],
      ['matching-settings', () => '/matching/settings', false],
      ['follow-up-settings', () => '/pairs/settings', false],
    ] as const) {
      test(`the staff page ${name} fits [${lang}]`, async () => {
        const page = await phonePage(true);
        const response = await page.goto(withLang(path(), lang));
        assert.equal(response?.status(), 200);
        await assertFits(page, `${name}-${lang}`, choices);
      });
    }
  }

  test('interests typed in Polish read item by item from the right on an Arabic case page [ar]', async () => {
    const page = await phonePage(true);
    await page.goto(withLang(`/mentees/${seeds.m.caseId}`, 'ar'));
    const x = await page.evaluate(() => {
      const dd = Array.from(document.querySelectorAll('main dd')).find((d) => d.textContent!.includes('gotowanie'))!;
      const at = (word: string) => {
        const node = Array.from(dd.childNodes).find((n) => n.textContent!.includes(word))!;
        const range = document.createRange();
        range.setStart(node, node.textContent!.indexOf(word));
        range.setEnd(node, node.textContent!.indexOf(word) + word.length);
        return range.getBoundingClientRect().left;
      };
      return { dir: getComputedStyle(dd).direction, first: at('gotowanie'), second: at('szachy') };
    });
    await screenshot(page, 'phone-mentee-case-interests-ar');
    assert.equal(x.dir, 'rtl', 'the list is in the page direction');
    assert.ok(x.first > x.second, `the first interest is to the right of the second (${JSON.stringify(x)})`);
  });

  describe('in a wide font (DejaVu Sans)', () => {
    const check = async (t: TestContext, page: Page, path: string, name: string, choices: boolean) => {
      const restore = await inWideFont(page);
      try {
        const response = await page.goto(path);
        assert.equal(response?.status(), 200);
        if (!(await hasWideFont(page))) return t.skip('DejaVu Sans is not installed (Debian: fonts-dejavu-core)');
        await assertFits(page, `wide-${name}`, choices);
      } finally {
        await restore();
      }
    };
    for (const lang of ['pl', 'uk', 'de', 'ar'] as const) {
      test(`the application and request forms fit [${lang}]`, async (t) => {
        const page = await phonePage(false);
        await check(t, page, withLang(`/o/${org.slug}/apply`, lang), `apply-${lang}`, true);
        await check(t, page, withLang(`/o/${org.slug}/request`, lang), `request-${lang}`, true);
      });
    }
    for (const lang of LANGS) {
      test(`the dashboard, the pairs and a pair's check-ins fit [${lang}]`, async (t) => {
        const page = await phonePage(true);
        for (const [name, path] of [['dashboard', '/'], ['pairs', '/pairs'], ['check-ins', `/pairs/${matchId}/check-ins`]] as const) {
          await check(t, page, withLang(path, lang), `${name}-${lang}`, false);
        }
      });
    }
  });
});

import type { Locator, Page, Response } from 'playwright-core';
import { currentTotp } from '../../src/core/auth/totp.js';
import { PASSWORD } from '../../src/core/testing/fixtures.js';
import { withLang } from './browser.js';

/**
 * Clicks something that loads a new document (a form submit, a link) and waits until that document has
 * loaded — also when it has the same URL as before (a form re-rendered with errors). Returns the main
 * document's response (after redirects), if any.
 */
export async function clickAndWait(page: Page, target: Locator): Promise<Response | null> {
  let last: Response | null = null;
  const onResponse = (r: Response) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) last = r;
  };
  page.on('response', onResponse);
  try {
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
    await target.click();
    await navigated;
    await page.waitForLoadState('load');
  } finally {
    page.off('response', onResponse);
  }
  return last;
}

/** The submit button of the form posting to `action`. */
export const submitOf = (page: Page, action: string) => page.locator(`form[action="${action}"] [type="submit"]`);

/** The path of the page's current URL (no query). */
export const pathOf = (page: Page) => new URL(page.url()).pathname;

/**
 * Signs in through the real pages: e-mail and password, then the code when a TOTP secret is given.
 * A TOTP code is accepted once per 30-second step, so sign an account with two-factor in only once per step.
 */
export async function signIn(page: Page, email: string, opts: { password?: string; totpSecret?: string | null; lang?: string } = {}) {
  await page.goto(opts.lang ? withLang('/sign-in', opts.lang) : '/sign-in');
  await page.fill('#f-email', email);
  await page.fill('#f-password', opts.password ?? PASSWORD);
  await clickAndWait(page, submitOf(page, '/sign-in'));
  if (opts.totpSecret) {
    if (pathOf(page) !== '/sign-in/two-factor') throw new Error(`expected the two-factor step after the password, got ${page.url()}`);
    await page.fill('#f-code', currentTotp(opts.totpSecret));
    await clickAndWait(page, submitOf(page, '/sign-in/two-factor'));
  }
  if (pathOf(page).startsWith('/sign-in')) {
    const problem = await page.locator('.error-summary, .flash').allInnerTexts();
    throw new Error(`sign-in as ${email} failed, still on ${page.url()}: ${problem.join(' | ')}`);
  }
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { findChromium } from './chromium.js';

/** Where screenshots and failure artefacts go (gitignored). */
export const RESULTS_DIR = join(process.cwd(), 'test-results');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium driven by playwright-core (no browser download): Debian's, or the npm one (see ./chromium.ts for the
 * order and CHROMIUM_PATH). One browser per test file; each test opens its own context.
 */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath } = await findChromium();
  return chromium.launch({ executablePath, args: ARGS });
}

/**
 * A fresh context (cookies, storage) with the app as base URL; short timeouts so a broken page fails fast. It asks
 * for reduced motion, as many people's phones do: the app's CSS then scrolls without the smooth animation, which
 * Playwright would otherwise wait out before every click and fill (measured on the request form: four fills took
 * 1.06 s and 0.35 s of Chromium's CPU with the animation, 0.18 s and 0.19 s without).
 */
export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/**
 * Screenshots for humans to look at: `SCREENSHOTS=1 npm test -- --only=e2e`. Each costs a quarter to a half second
 * of Chromium's CPU (measured: the phone tests' 24 screenshots were 9 of their 23 s), so an ordinary run takes one
 * only as the artefact of a failed check (`force`).
 */
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';

/**
 * Saves a screenshot under test-results/ — of the whole page (or only what is on the screen: `fullPage: false`), or
 * of one element — when SCREENSHOTS is set or `force` is (a check failed). Returns the file path, or undefined when
 * none was taken.
 */
export async function screenshot(target: Page | Locator, name: string, { force = false, fullPage = true }: { force?: boolean; fullPage?: boolean } = {}): Promise<string | undefined> {
  if (!SCREENSHOTS && !force) return undefined;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage });
  else await target.screenshot({ path });
  return path;
}

/** The `lang` and `dir` attributes of the page's <html> element. */
export async function htmlLang(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({ lang: document.documentElement.getAttribute('lang'), dir: document.documentElement.getAttribute('dir') }));
}

/** Appends ?lang= (or &lang=) to a path. */
export function withLang(path: string, lang: string): string {
  const [base, hash] = path.split('#') as [string, string | undefined];
  return `${base}${base.includes('?') ? '&' : '?'}lang=${lang}${hash ? `#${hash}` : ''}`;
}

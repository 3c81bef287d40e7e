import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

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
 * Debian's Chromium, driven by playwright-core (no downloaded browser). One browser per test file;
 * each test opens its own context. CHROMIUM_PATH overrides the binary.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
    );
  }
  return chromium.launch({ executablePath, args: ARGS });
}

/** A fresh context (cookies, storage) with the app as base URL; short timeouts so a broken page fails fast. */
export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/** Saves a full-page screenshot under test-results/ for humans to look at. Returns the file path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
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

/**
 * Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) must find ZERO violations on every page state, in Polish and
 * in Arabic (right to left), including the states that matter (forms showing errors, two-factor set-up). The states
 * are listed once, by module, in e2e/a11y/*.pages.ts, and checked by two test files that run side by side:
 * e2e/a11y.test.ts (public, account, administration, volunteers) and e2e/a11y-matching.test.ts (mentees, matching,
 * following the pairs). A summary of all findings, including best-practice hints that do not fail the test, is
 * written to test-results/a11y-report-<part>.md.
 *
 * Entries marked `at360` are also checked at 360 px wide in the same state: nothing may scroll sideways.
 *
 * A form's state with errors stands for the same form before it is sent: the same template with every field, plus
 * the messages. So a form has an entry of its own only where its first state shows something the state with errors
 * does not (about 30 such entries were dropped: each check costs about a second of CPU per language).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AXE_SOURCE, formatRules, runAxe, type AxeRule } from '../support/axe.js';
import { htmlLang, newContext, RESULTS_DIR, withLang } from '../support/browser.js';
import { clickAndWait, pathOf, signIn, submitOf } from '../support/flows.js';
import { PASSWORD, startE2E, type E2EServer } from '../support/server.js';
import { createSeed } from './seed.js';
import type { PageCheck, Seed, Viewer } from './types.js';

export const LANGS = ['pl', 'ar'] as const;

interface Finding {
  page: string;
  lang: string;
  url: string;
  violations: AxeRule[];
  bestPractice: AxeRule[];
  incomplete: AxeRule[];
}

/**
 * One suite: a server and a browser, the seed (after the empty-database entries), each entry in each language. `more`
 * adds tests that share the suite's browser and server.
 */
export function checkPages(part: string, pages: PageCheck[], more?: (browser: () => Browser, server: () => E2EServer, contexts: BrowserContext[]) => void): void {
  describe(`accessibility (axe, WCAG 2.2 AA): ${part}`, () => {
    let server: E2EServer;
    let browser: Browser;
    let seed: Promise<Seed> | undefined;
    const viewers = new Map<Viewer, Promise<Page>>();
    const contexts: BrowserContext[] = [];
    const findings: Finding[] = [];
    const skipped: string[] = [];

    before(async () => {
      ({ server, browser } = await startE2E());
    });

    after(async () => {
      try {
        writeReport(part, findings, skipped);
      } finally {
        await Promise.all(contexts.map((c) => c.close()));
        await browser?.close();
        await server?.close();
      }
    });

    /** Fills the database (once) — after the empty-database pages have been checked. */
    const seeded = () => (seed ??= createSeed(server));

    /** The page of a viewer; axe is added to its pages, so these contexts bypass the CSP (nowhere else). */
    function viewer(as: Viewer): Promise<Page> {
      let page = viewers.get(as);
      if (!page) {
        page = (async () => {
          const context = await newContext(browser, server.baseUrl, { bypassCSP: true, locale: 'pl-PL' });
          contexts.push(context);
          // axe in every document of the context from its start, instead of sent with each check (measured: a
          // quarter less renderer CPU per page state than addScriptTag).
          await context.addInitScript({ content: AXE_SOURCE });
          const p = await context.newPage();
          if (as !== 'anonymous') {
            const s = await seeded();
            const user = s.users[as];
            if (as === 'mfaPending') {
              await p.goto('/sign-in');
              await p.fill('#f-email', user.email);
              await p.fill('#f-password', PASSWORD);
              await clickAndWait(p, submitOf(p, '/sign-in'));
              assert.equal(pathOf(p), '/sign-in/two-factor');
            } else {
              await signIn(p, user.email, { totpSecret: user.totpSecret });
            }
          }
          return p;
        })();
        viewers.set(as, page);
      }
      return page;
    }

    for (const check of pages) {
      for (const lang of LANGS) {
        test(`${check.name} [${lang}]`, async (t) => {
          if (!check.emptyDatabase) await seeded();
          else assert.equal(seed, undefined, `"${check.name}" needs an empty database: keep it before the other entries of its list`);
          const s = check.emptyDatabase ? (undefined as unknown as Seed) : await seeded();
          const page = await viewer(check.as);
          const path = typeof check.path === 'function' ? check.path(s) : check.path;
          const url = withLang(path, lang);

          const response = await page.goto(url);
          if (check.ifExists && response?.status() !== 200) {
            skipped.push(`${path} (answered ${response?.status()})`);
            t.skip(`${path} answered ${response?.status()}: not built yet?`);
            return;
          }
          assert.equal(response?.status(), check.status ?? 200, `GET ${url}`);
          assert.equal(pathOf(page), path.split('?')[0], `GET ${url} stayed on the page (no redirect)`);
          if (check.prepare) await check.prepare(page, s);
          assert.equal((await htmlLang(page)).lang, lang, 'the page is in the language checked');

          // Best-practice rules (reported, not failed) read the page's structure — landmarks, heading order, table
          // headers — which is the same in every language: checked in the first one only (a fifth of axe's time).
          const report = await runAxe(page, { bestPractice: lang === LANGS[0] });
          findings.push({ page: check.name, lang, url: page.url(), ...report });
          if (report.bestPractice.length) t.diagnostic(`best practice (not failed): ${report.bestPractice.map((r) => r.id).join(', ')}`);
          if (report.incomplete.length) t.diagnostic(`needs review: ${report.incomplete.map((r) => r.id).join(', ')}`);
          assert.equal(
            report.violations.length,
            0,
            `axe found ${report.violations.length} WCAG violation(s) on "${check.name}" [${lang}] ${page.url()}:\n${formatRules(report.violations)}`,
          );
          if (check.at360) {
            const { scrollWidth, wide } = await widthAt360(page);
            assert.ok(scrollWidth <= 360, `"${check.name}" [${lang}] is ${scrollWidth}px wide at 360px; elements sticking out:\n  ${wide.join('\n  ')}`);
          }
        });
      }
    }

    more?.(() => browser, () => server, contexts);
  });
}

/**
 * The page's width at 360 px (the same state: the viewport changes, the document stays), and the elements that
 * stick out of it — ignoring those a scrolling wrapper (a table's) clips. The viewport is put back afterwards.
 */
async function widthAt360(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    return await page.evaluate(() => {
      const box = document.documentElement.getBoundingClientRect();
      // No named inner functions: tsx would wrap them in a helper (__name) that does not exist in the page.
      const wide = Array.from(document.querySelectorAll('body *'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || (r.right <= box.right + 0.5 && r.left >= box.left - 0.5)) return false;
          for (let a = el.parentElement; a; a = a.parentElement) if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return false;
          return true;
        })
        .slice(0, 8)
        .map((el) => {
          const r = el.getBoundingClientRect();
          const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)}px`;
        });
      return { scrollWidth: document.documentElement.scrollWidth, wide };
    });
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/**
 * test-results/a11y-report-<part>.md: each finding once — rule, element, what to fix — with the pages it was seen
 * on. WCAG violations fail the tests; best-practice hints and "needs review" items are for humans to judge.
 */
function writeReport(part: string, findings: Finding[], skipped: string[]) {
  const lines = [`# Accessibility report (axe-core, WCAG 2.2 AA): ${part}`, '', `Checked: ${findings.length} page states × languages.`, ''];
  const section = (title: string, pick: (f: Finding) => AxeRule[]) => {
    const grouped = new Map<string, { rule: AxeRule; node: AxeRule['nodes'][number]; pages: string[] }>();
    for (const f of findings) {
      for (const rule of pick(f)) {
        for (const node of rule.nodes) {
          const key = `${rule.id} ${node.target.join(' ')}`;
          const entry = grouped.get(key) ?? { rule, node, pages: [] };
          entry.pages.push(`${f.page} [${f.lang}]`);
          grouped.set(key, entry);
        }
      }
    }
    lines.push(`## ${title}: ${grouped.size === 0 ? 'none' : grouped.size}`, '');
    for (const { rule, node, pages } of grouped.values()) {
      lines.push(`- **${rule.id}** (${rule.impact ?? 'n/a'}) — ${rule.help} — ${rule.helpUrl}`);
      lines.push(`  - element: \`${node.target.join(' ')}\` \`${node.html.slice(0, 200)}\``);
      if (node.failureSummary) lines.push(`  - ${node.failureSummary.replace(/\s*\n\s*/g, ' ')}`);
      lines.push(`  - on: ${pages.join(', ')}`);
    }
    lines.push('');
  };
  section('WCAG violations (fail the tests)', (f) => f.violations);
  section('Best practice (reported only)', (f) => f.bestPractice);
  section('Needs human review (axe could not decide)', (f) => f.incomplete);
  if (skipped.length) lines.push('## Not checked (page not there yet)', '', ...skipped.map((s) => `- ${s}`), '');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `a11y-report-${part.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.md`), lines.join('\n'));
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core itself, for a context's init script or to inject into a page. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA, as axe-core tags it (2.0/2.1/2.2, levels A and AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
export interface AxeRule {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: AxeNode[];
}
export interface AxeReport {
  violations: AxeRule[];
  /** Checks axe could not decide alone ("needs review"), e.g. contrast over a background image. */
  incomplete: AxeRule[];
  /** Best-practice rules outside WCAG (landmarks, heading order): reported, not failed. */
  bestPractice: AxeRule[];
}

/**
 * Runs axe-core in the page. axe must already be there: the context gets AXE_SOURCE as its init script (see
 * e2e/a11y/suite.ts), which the app's CSP would forbid, so the context is created with `bypassCSP: true` (only the
 * axe contexts; every other test runs under the real CSP).
 */
export async function runAxe(page: Page, { bestPractice = true }: { bestPractice?: boolean } = {}): Promise<AxeReport> {
  // One run for WCAG and best practice together, split afterwards by tag. The in-page code is a string:
  // functions compiled by tsx would carry helpers (__name) that do not exist in the page.
  const tags = bestPractice ? [...WCAG_TAGS, 'best-practice'] : WCAG_TAGS;
  const result = (await page.evaluate(`(async () => {
    if (typeof window.axe === 'undefined') throw new Error("axe-core is not in the page: add AXE_SOURCE as the context's init script");
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} }, resultTypes: ['violations', 'incomplete'] });
    return JSON.parse(JSON.stringify({ violations: r.violations, incomplete: r.incomplete }, (key, value) => (key === 'any' || key === 'all' || key === 'none' || key === 'description' ? undefined : value)));
  })()`)) as { violations: AxeRule[]; incomplete: AxeRule[] };
  const isWcag = (r: AxeRule) => r.tags.some((tag) => WCAG_TAGS.includes(tag));
  const slim = (rules: AxeRule[]): AxeRule[] =>
    rules.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      tags: v.tags,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
    }));
  return {
    violations: slim(result.violations.filter(isWcag)),
    incomplete: slim(result.incomplete.filter(isWcag)),
    bestPractice: slim(result.violations.filter((r) => !isWcag(r))),
  };
}

/** Violations as readable text: rule, impact, help, and each element's selector and what to fix. */
export function formatRules(rules: AxeRule[]): string {
  return rules
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const fix = (n.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
          const html = n.html.length > 160 ? `${n.html.slice(0, 157)}...` : n.html;
          return `    - ${n.target.join(' ')}\n      ${html}${fix ? `\n      fix: ${fix}` : ''}`;
        })
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    ... and ${v.nodes.length - 8} more` : '';
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cruise, type ICruiseOptions, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';

/**
 * The module boundaries (.dependency-cruiser.cjs, README: Architecture) hold over src/, and each rule catches what it
 * forbids in a small tree written for the purpose. Runs in the repository's directory (scripts/test.ts keeps it the
 * working directory for the compiled tests), where the TypeScript sources are.
 */
const ROOT = process.cwd();
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const config = createRequire(import.meta.url)(CONFIG) as { forbidden: IForbiddenRuleType[]; options: ICruiseOptions & { tsConfig?: unknown } };

/** Every violation of the rules in the tree under `baseDir`/src, as "from → to (rule)". */
async function violations(baseDir: string): Promise<string[]> {
  // tsConfig only serves the depcruise command line; our imports need no path mapping.
  const { tsConfig: _, ...options } = config.options;
  const { output } = await cruise(['src'], { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } }, { extensions: ['.ts', '.tsx', '.js'] });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.from} → ${v.to} (${v.rule.name})`).sort();
}

describe('module boundaries', () => {
  it('hold over src/', async () => {
    assert.ok(existsSync(CONFIG) && existsSync(join(ROOT, 'src/app.ts')), `run from the repository's directory (cwd is ${ROOT})`);
    const found = await violations(ROOT);
    assert.deepEqual(found, [], `imports against the module boundaries (README: Architecture):\n${found.join('\n')}`);
  });

  describe('each rule reports what it forbids', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-boundaries-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    // Built, not written out: scripts/test-imports.ts reads `from '…'` in this file's text as its own imports.
    const importLine = (name: string, path: string) => `import { ${name} } from '${path}';\n`;
    const exportLine = (name: string, path: string) => `export { ${name} } from '${path}';\n`;
    const files: Record<string, string> = {
      'src/app.ts': 'export const app = 1;\n',
      'src/modules/index.ts': exportLine('people', './people/index.js'),
      'src/modules/people/index.ts': 'export const people = 1;\n',
      'src/modules/people/inside.ts': 'export const inside = 1;\n',
      'src/modules/people/people.table.ts': 'export const personRows = 1;\n',
      'src/modules/people/testing.ts': 'export const kit = 1;\n',
      'src/modules/people/kit/test-helpers.ts': 'export const helper = 1;\n',
      // Allowed: another module's index, its tables from a table file, its testing entry from a test.
      'src/modules/volunteers/index.ts': importLine('people', '../people/index.js') + 'export const volunteers = people;\n',
      'src/modules/volunteers/volunteers.table.ts': importLine('personRows', '../people/people.table.js') + 'export const rows = personRows;\n',
      'src/modules/volunteers/kit.test.ts': importLine('kit', '../people/testing.js') + 'export const k = kit;\n',
      // The two composition roots import the app: production's, and the tests' that hands it to the harness.
      'src/main.ts': importLine('app', './app.js') + 'export const m = app;\n',
      'src/test-app.ts': importLine('app', './app.js') + 'export const t = app;\n',
      // One violation each:
      'src/modules/volunteers/bypass.ts': importLine('inside', '../people/inside.js') + 'export const b = inside;\n',
      'src/modules/volunteers/bypass.test.ts': importLine('helper', '../people/kit/test-helpers.js') + 'export const h = helper;\n',
      'src/modules/volunteers/test-helpers.ts': importLine('inside', '../people/inside.js') + 'export const t = inside;\n',
      'src/modules/volunteers/other.table.ts': importLine('inside', '../people/inside.js') + 'export const o = inside;\n',
      'src/modules/people/later.ts': importLine('volunteers', '../volunteers/index.js') + 'export const l = volunteers;\n',
      'src/modules/people/everything.ts': importLine('people', '../index.js') + 'export const e = people;\n',
      'src/core/feature.ts': importLine('people', '../modules/people/index.js') + 'export const f = people;\n',
      'src/core/composition.ts': importLine('app', '../app.js') + 'export const c = app;\n',
      'src/core/testing/harness.ts': importLine('app', '../../app.js') + 'export const h = app;\n',
      'src/modules/people/composition.ts': importLine('app', '../../app.js') + 'export const c = app;\n',
      'src/core/ping.ts': importLine('pong', './pong.js') + 'export const ping = () => pong;\n',
      'src/core/pong.ts': importLine('ping', './ping.js') + 'export const pong = () => ping;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }

    it('and nothing else', async () => {
      assert.deepEqual(await violations(dir), [
        'src/core/composition.ts → src/app.ts (no-app-import)',
        'src/core/feature.ts → src/modules/people/index.ts (core-not-to-modules)',
        'src/core/ping.ts → src/core/pong.ts (no-circular)',
        'src/core/testing/harness.ts → src/app.ts (no-app-import)',
        'src/modules/people/composition.ts → src/app.ts (no-app-import)',
        'src/modules/people/everything.ts → src/modules/index.ts (module-list)',
        'src/modules/people/later.ts → src/modules/volunteers/index.ts (module-order)',
        'src/modules/volunteers/bypass.test.ts → src/modules/people/kit/test-helpers.ts (module-public-surface-tests)',
        'src/modules/volunteers/bypass.ts → src/modules/people/inside.ts (module-public-surface)',
        'src/modules/volunteers/other.table.ts → src/modules/people/inside.ts (module-tables)',
        'src/modules/volunteers/test-helpers.ts → src/modules/people/inside.ts (module-public-surface-tests)',
      ]);
    });
  });
});

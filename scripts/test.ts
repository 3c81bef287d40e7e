/**
 * The whole suite: every `*.test.ts(x)` under src/ on PGlite, then again on a throwaway PostgreSQL server
 * (initdb + pg_ctl, removed afterwards), then the end-to-end tests in Chromium under e2e/.
 * Under CI=true a PostgreSQL cluster that cannot start is a failure, not a skip.
 *   npm test                 everything
 *   npm test -- --only=unit  src/ tests on PGlite only (fast loop while developing)
 *   npm test -- path/to/x.test.ts   just these files, on both engines
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { startPgCluster } from '../src/core/testing/pg-cluster.js';
import { writePgliteSnapshot } from '../src/core/testing/harness.js';
import { compileForTests } from './test-build.js';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...findTests(p));
    else if (/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const explicit = args.filter((a) => !a.startsWith('--'));
const unitFiles = explicit.length ? explicit.filter((f) => !f.startsWith('e2e')) : findTests('src');
const e2eFiles = explicit.length ? explicit.filter((f) => f.startsWith('e2e')) : findTests('e2e');

function run(label: string, files: string[], env: Record<string, string>, concurrency = 2): boolean {
  if (files.length === 0) return true;
  console.log(`\n=== ${label}: ${files.length} files ===`);
  const started = Date.now();
  // The compiled twin of each test file (see test-build.ts); the working directory stays the repository.
  const compiled = files.map((f) => join(build, relative(process.cwd(), resolve(f)).replace(/\.tsx?$/, '.js')));
  const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', `--test-concurrency=${concurrency}`, ...compiled], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  console.log(`=== ${label}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  return r.status === 0;
}

// Every PGlite test database starts from one migrated snapshot (initdb in WebAssembly is the slow part).
const scratch = mkdtempSync(join(tmpdir(), 'tandem-test-'));
const build = await compileForTests(join(scratch, 'build'));
const snapshot = join(scratch, 'pglite-migrated.tar');
await writePgliteSnapshot(snapshot);
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const results: boolean[] = [];
if (!only || only === 'unit' || only === 'pglite') results.push(run('PGlite', unitFiles, { TEST_DB: 'pglite', TEST_PGLITE_SNAPSHOT: snapshot }));
if (!only || only === 'postgres') {
  const cluster = await startPgCluster();
  if ('error' in cluster) {
    const message = `PostgreSQL tests cannot run: ${cluster.error}`;
    if (process.env.CI === 'true') {
      console.error(message);
      results.push(false);
    } else {
      console.warn(`WARNING: ${message} (skipped; CI=true makes this a failure)`);
    }
  } else {
    console.log(`PostgreSQL cluster: ${cluster.version} at ${cluster.url}`);
    try {
      results.push(run('PostgreSQL server', unitFiles, { TEST_DB: 'postgres', TEST_PG_URL: cluster.url }));
    } finally {
      cluster.stop();
    }
  }
}
if (!only || only === 'e2e') results.push(run('End-to-end (Chromium)', e2eFiles, { TEST_DB: 'pglite', TEST_PGLITE_SNAPSHOT: snapshot }, 1));

const failed = results.filter((r) => !r).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

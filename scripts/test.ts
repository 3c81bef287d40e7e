/**
 * The whole suite: every `*.test.ts(x)` under src/ on PGlite, then again on a throwaway PostgreSQL server
 * (initdb + pg_ctl, removed afterwards), then the end-to-end tests in Chromium under e2e/. Without Debian's postgresql
 * and chromium packages, the PostgreSQL server and Chromium come from npm packages (see pg-cluster.ts, e2e/support/chromium.ts).
 * At the end: the slowest files of each phase and every skipped test with its reason.
 * Under CI=true a PostgreSQL cluster that cannot start is a failure, not a skip.
 *   npm test                 everything
 *   npm test -- --only=unit  src/ tests on PGlite only (fast loop while developing)
 *   npm test -- path/to/x.test.ts   just these files, on both engines
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { startPgCluster } from '../src/core/testing/pg-cluster.js';
import { writePgliteSnapshot, writePgTemplate } from '../src/core/testing/harness.js';
import type { FileTiming, SkippedTest } from '../src/core/testing/timing-reporter.js';
import { findChromium } from '../e2e/support/chromium.js';
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

/** Per phase, each file's time (seconds) as the timing reporter wrote it, and the tests skipped with their reasons. */
const timings: { label: string; seconds: number; files: FileTiming[] }[] = [];
const skips: SkippedTest[] = [];

function run(label: string, files: string[], env: Record<string, string>, concurrency = 2): boolean {
  if (files.length === 0) return true;
  console.log(`\n=== ${label}: ${files.length} files ===`);
  const started = Date.now();
  // The compiled twin of each test file (see test-build.ts); the working directory stays the repository.
  const compiled = files.map((f) => join(build, relative(process.cwd(), resolve(f)).replace(/\.tsx?$/, '.js')));
  const timingFile = join(scratch, `timing-${timings.length}.jsonl`);
  // The reporter node would pick (spec on a terminal, TAP otherwise), plus the timing reporter into a file.
  const reporters = [
    `--test-reporter=${process.stdout.isTTY ? 'spec' : 'tap'}`,
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(build, 'src/core/testing/timing-reporter.js')}`,
    `--test-reporter-destination=${timingFile}`,
  ];
  const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', `--test-concurrency=${concurrency}`, ...reporters, ...compiled], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`=== ${label}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s ===`);
  const lines = existsSync(timingFile) ? readFileSync(timingFile, 'utf8').split('\n').filter(Boolean) : [];
  const entries = lines.map((l) => JSON.parse(l) as FileTiming | SkippedTest);
  // Files are the compiled twins, or with source maps the TypeScript sources themselves.
  const source = (file: string) => relative(file.startsWith(build) ? build : process.cwd(), file).replace(/\.js$/, '.ts');
  timings.push({ label, seconds, files: entries.filter((e): e is FileTiming => e.kind === 'file').map((e) => ({ ...e, file: source(e.file) })) });
  skips.push(...entries.filter((e): e is SkippedTest => e.kind === 'skip').map((e) => ({ ...e, file: source(e.file) })));
  return r.status === 0;
}

/** The slowest files of each phase and every skipped test, so where the time goes is seen on every run. */
function printSummary(): void {
  for (const phase of timings) {
    const slowest = [...phase.files].sort((a, b) => b.ms - a.ms).slice(0, 10);
    if (slowest.length === 0) continue;
    const total = phase.files.reduce((sum, f) => sum + f.ms, 0) / 1000;
    console.log(`\nSlowest files, ${phase.label} (${phase.seconds.toFixed(0)} s wall, ${total.toFixed(0)} s summed over ${phase.files.length} files):`);
    for (const f of slowest) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file}${f.passed ? '' : '  (failed)'}`);
  }
  if (skips.length > 0) {
    console.log('\nSkipped:');
    for (const s of skips) console.log(`  ${s.file}: ${s.name}${s.reason ? ` — ${s.reason}` : ''}`);
  }
}

const wanted = (phase: string, files: string[]) => (!only || only === phase) && files.length > 0;

// Every PGlite test database starts from one migrated snapshot (initdb in WebAssembly is the slow part); it is written
// while esbuild compiles in its own process, and only for the phases on PGlite.
const scratch = mkdtempSync(join(tmpdir(), 'tandem-test-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const snapshot = join(scratch, 'pglite-migrated.tar');
const setUp = Date.now();
const [build] = await Promise.all([
  compileForTests(join(scratch, 'build')),
  wanted('pglite', unitFiles) || wanted('unit', unitFiles) || wanted('e2e', e2eFiles) ? writePgliteSnapshot(snapshot) : undefined,
]);
console.log(`Set-up (compiled tests, PGlite snapshot): ${((Date.now() - setUp) / 1000).toFixed(1)} s`);

const results: boolean[] = [];
if (wanted('pglite', unitFiles) || wanted('unit', unitFiles)) results.push(run('PGlite', unitFiles, { TEST_DB: 'pglite', TEST_PGLITE_SNAPSHOT: snapshot }));
if (wanted('postgres', unitFiles)) {
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
    console.log(`PostgreSQL cluster: ${cluster.version} at ${cluster.url} (${cluster.source})`);
    try {
      // Every test database is a copy of one migrated template, as the PGlite ones start from one snapshot.
      const migrating = Date.now();
      const template = await writePgTemplate(cluster.url);
      console.log(`Template database ${template} migrated in ${((Date.now() - migrating) / 1000).toFixed(1)} s`);
      results.push(run('PostgreSQL server', unitFiles, { TEST_DB: 'postgres', TEST_PG_URL: cluster.url, TEST_PG_TEMPLATE: template }));
    } finally {
      cluster.stop();
    }
  }
}
if (wanted('e2e', e2eFiles)) {
  // Chosen (and, for the npm one, unpacked) once here rather than by each test file at the same time.
  const browser = await findChromium().catch((e: Error) => e);
  if (browser instanceof Error) {
    console.error(`\nEnd-to-end tests cannot run: ${browser.message}`);
    results.push(false);
  } else {
    console.log(`\nChromium: ${browser.source}`);
    results.push(run('End-to-end (Chromium)', e2eFiles, { TEST_DB: 'pglite', TEST_PGLITE_SNAPSHOT: snapshot, CHROMIUM_PATH: browser.executablePath }, 1));
  }
}

printSummary();

const failed = results.filter((r) => !r).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

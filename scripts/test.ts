/**
 * The whole suite: every `*.test.ts(x)` under src/ on PGlite, then those that open a database (test-imports.ts) again
 * on a throwaway PostgreSQL server (initdb + pg_ctl, removed afterwards), then the end-to-end tests in Chromium under
 * e2e/. Without Debian's postgresql and chromium packages, the PostgreSQL server and Chromium come from npm packages
 * (see pg-cluster.ts, e2e/support/chromium.ts).
 * At the end: each phase's wall and CPU time, its slowest files, and every skipped test with its reason.
 * Under CI=true a PostgreSQL cluster that cannot start is a failure, not a skip.
 *   npm test                 everything
 *   npm test -- --only=unit  src/ tests on PGlite only (fast loop while developing)
 *   npm test -- path/to/x.test.ts   just these files, on both engines
 *   npm test -- --together    the PostgreSQL phase beside the end-to-end phase (see below)
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism, tmpdir } from 'node:os';
import { startPgCluster } from '../src/core/testing/pg-cluster.js';
import { writePgliteSnapshot, writePgTemplate } from '../src/core/testing/harness.js';
import type { FileTiming, SkippedTest } from '../src/core/testing/timing-reporter.js';
import { findChromium } from '../e2e/support/chromium.js';
import { compileForTests } from './test-build.js';
import { writeBatches } from './test-batches.js';
import { usesDatabase } from './test-imports.js';

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

/**
 * Per phase: its wall time, the CPU time (user + system, seconds) of its processes — the test files, their browsers,
 * and for the PostgreSQL phase the server — and each file's time as the timing reporter wrote it; and the tests
 * skipped with their reasons. CPU over wall time says whether a phase keeps the machine busy or waits.
 */
const timings: { label: string; seconds: number; cpu?: number; machine?: number; files: FileTiming[] }[] = [];
const skips: SkippedTest[] = [];

/** Seconds of CPU (user + system) in a /proc/<pid>/stat line: the process's own and its reaped children's. */
function cpuOfStat(stat: string): number {
  // After the command name in parentheses: field 3 is the state; utime, stime, cutime, cstime are fields 14–17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100; // USER_HZ, 100 on Linux
}

/** The CPU seconds so far of process `pid` and its reaped children (Linux; undefined elsewhere). */
function cpuOfProcess(pid: number): number | undefined {
  try {
    return cpuOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The machine's busy CPU seconds so far, all processes (Linux; undefined elsewhere). A phase's own count above misses
 * Chromium's renderers, which outlive their parent when the browser is closed and are reaped by init instead: the
 * machine's count during the phase says how busy the cores really were (on a quiet machine, all of it is the suite).
 */
function machineBusy(): number | undefined {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number) as number[];
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return undefined;
  }
}

interface Phase {
  label: string;
  files: string[];
  env: Record<string, string>;
  concurrency?: number;
  /** Another process whose CPU belongs to the phase (the PostgreSQL server), read before and after. */
  serverPid?: number;
  /** The files grouped into a few processes (test-batches.ts) instead of one process each: the src/ phases. */
  batched?: boolean;
  /**
   * Where the phase's test output goes: the terminal (the default), or a file printed when the phase ends — for a
   * phase that runs beside another, so their reports do not interleave line by line.
   */
  buffered?: boolean;
}

/** Runs one phase's test files in a `node --test` process; resolves to whether they all passed. */
async function run({ label, files, env, concurrency = 2, serverPid, batched = false, buffered = false }: Phase): Promise<boolean> {
  if (files.length === 0) return true;
  // The compiled twin of each test file (see test-build.ts); the working directory stays the repository.
  const twins = files.map((f) => {
    const source = relative(process.cwd(), resolve(f));
    return { source, compiled: join(build, source.replace(/\.tsx?$/, '.js')) };
  });
  const compiled = batched ? writeBatches(twins, join(build, 'batches'), label, join(build, 'src/core/testing/harness.js')) : twins.map((t) => t.compiled);
  const processes = batched ? ` in ${compiled.length} processes` : '';
  console.log(`\n=== ${label}: ${files.length} files${processes}${buffered ? ' (its report follows when it ends)' : ''} ===`);
  const index = timings.length;
  timings.push({ label, seconds: 0, files: [] });
  const started = Date.now();
  const timingFile = join(scratch, `timing-${index}.jsonl`);
  const statFile = join(scratch, `stat-${index}`);
  const outputFile = join(scratch, `output-${index}.txt`);
  // The reporter node would pick (spec on a terminal, TAP otherwise), plus the timing reporter into a file.
  const reporters = [
    `--test-reporter=${process.stdout.isTTY ? 'spec' : 'tap'}`,
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(build, 'src/core/testing/timing-reporter.js')}`,
    `--test-reporter-destination=${timingFile}`,
  ];
  const serverBefore = serverPid ? cpuOfProcess(serverPid) : undefined;
  const machineBefore = machineBusy();
  // Through a shell that, once node --test has ended, writes its own /proc stat: its children's CPU is then the
  // phase's whole process tree (test files, browsers), whatever else this process runs at the same time.
  const script = 'cd "$1" && shift && "$@"; rc=$?; cat /proc/$$/stat > "$0" 2>/dev/null; exit $rc';
  const out = buffered ? openSync(outputFile, 'w') : 'inherit';
  const status = await new Promise<number | null>((done) => {
    const child = spawn('sh', ['-c', script, statFile, process.cwd(), process.execPath, '--enable-source-maps', `--import=${pathToFileURL(join(build, 'src/test-app.js')).href}`, '--test', `--test-concurrency=${concurrency}`, ...reporters, ...compiled], {
      stdio: ['inherit', out, out],
      env: { ...process.env, ...env },
    });
    child.on('error', () => done(null));
    child.on('close', (code) => done(code));
  });
  if (typeof out === 'number') {
    closeSync(out);
    process.stdout.write(`\n=== ${label}: its report ===\n`);
    process.stdout.write(readFileSync(outputFile));
  }
  const seconds = (Date.now() - started) / 1000;
  const serverAfter = serverPid ? cpuOfProcess(serverPid) : undefined;
  const machineAfter = machineBusy();
  const machine = machineBefore !== undefined && machineAfter !== undefined ? machineAfter - machineBefore : undefined;
  const own = existsSync(statFile) ? cpuOfStat(readFileSync(statFile, 'utf8')) : undefined;
  const cpu = own === undefined ? undefined : own + (serverBefore !== undefined && serverAfter !== undefined ? serverAfter - serverBefore : 0);
  const cpuText = `${cpu === undefined ? '' : `, ${cpu.toFixed(0)} s CPU`}${machine === undefined ? '' : ` (machine: ${machine.toFixed(0)} s)`}`;
  console.log(`=== ${label}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s${cpuText} ===`);
  const lines = existsSync(timingFile) ? readFileSync(timingFile, 'utf8').split('\n').filter(Boolean) : [];
  const entries = lines.map((l) => JSON.parse(l) as FileTiming | SkippedTest);
  // Files are the compiled twins, or with source maps the TypeScript sources themselves.
  const source = (file: string) => relative(file.startsWith(build) ? build : process.cwd(), file).replace(/\.js$/, '.ts');
  timings[index] = { label, seconds, cpu, machine, files: entries.filter((e): e is FileTiming => e.kind === 'file').map((e) => ({ ...e, file: source(e.file) })) };
  skips.push(...entries.filter((e): e is SkippedTest => e.kind === 'skip').map((e) => ({ ...e, file: source(e.file) })));
  return status === 0;
}

/** The slowest files of each phase and every skipped test, so where the time goes is seen on every run. */
function printSummary(): void {
  for (const phase of timings) {
    const slowest = [...phase.files].sort((a, b) => b.ms - a.ms).slice(0, 10);
    if (slowest.length === 0) continue;
    const total = phase.files.reduce((sum, f) => sum + f.ms, 0) / 1000;
    const share = (seconds: number) => `${((100 * seconds) / phase.seconds / cpus).toFixed(0)}% of ${cpus} cores`;
    const own = phase.cpu === undefined ? '' : `, ${phase.cpu.toFixed(0)} s CPU = ${share(phase.cpu)}`;
    const cpu = `${own}${phase.machine === undefined ? '' : `; the machine busy ${phase.machine.toFixed(0)} s = ${share(phase.machine)}`}`;
    console.log(`\nSlowest files, ${phase.label} (${phase.seconds.toFixed(0)} s wall${cpu}, ${total.toFixed(0)} s summed over ${phase.files.length} files):`);
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

const cpus = availableParallelism();
const results: boolean[] = [];
if (wanted('pglite', unitFiles) || wanted('unit', unitFiles)) results.push(await run({ label: 'PGlite', files: unitFiles, env: { TEST_DB: 'pglite', TEST_PGLITE_SNAPSHOT: snapshot }, batched: true }));

/** The src/ tests that open a database again, on a throwaway PostgreSQL server. */
async function postgresPhase(buffered: boolean): Promise<boolean[]> {
  const cluster = await startPgCluster();
  if ('error' in cluster) {
    const message = `PostgreSQL tests cannot run: ${cluster.error}`;
    if (process.env.CI === 'true') {
      console.error(message);
      return [false];
    }
    console.warn(`WARNING: ${message} (skipped; CI=true makes this a failure)`);
    return [];
  }
  console.log(`PostgreSQL cluster: ${cluster.version} at ${cluster.url} (${cluster.source})`);
  try {
    // Every test database is a copy of one migrated template, as the PGlite ones start from one snapshot.
    const migrating = Date.now();
    const template = await writePgTemplate(cluster.url);
    console.log(`Template database ${template} migrated in ${((Date.now() - migrating) / 1000).toFixed(1)} s`);
    const env = { TEST_DB: 'postgres', TEST_PG_URL: cluster.url, TEST_PG_TEMPLATE: template };
    const seen = new Map<string, boolean>();
    const files = unitFiles.filter((f) => usesDatabase(f, seen));
    if (files.length < unitFiles.length) console.log(`${unitFiles.length - files.length} files that open no database ran on PGlite only (test-imports.ts)`);
    return [await run({ label: 'PostgreSQL server', files, env, serverPid: cluster.pid, batched: true, buffered })];
  } finally {
    cluster.stop();
  }
}

/** The end-to-end tests in Chromium, on PGlite. */
async function e2ePhase(): Promise<boolean[]> {
  // Chosen (and, for the npm one, unpacked) once here rather than by each test file at the same time.
  const browser = await findChromium().catch((e: Error) => e);
  if (browser instanceof Error) {
    console.error(`\nEnd-to-end tests cannot run: ${browser.message}`);
    return [false];
  }
  console.log(`\nChromium: ${browser.source}`);
  const env = { TEST_DB: 'pglite', TEST_PGLITE_SNAPSHOT: snapshot, CHROMIUM_PATH: browser.executablePath };
  return [await run({ label: 'End-to-end (Chromium)', files: e2eFiles, env })];
}

// With --together the PostgreSQL phase runs beside the end-to-end phase. Not the default: measured on a quiet
// machine, each phase alone keeps both cores busy (the machine's CPU in the summary is ~95% of the cores × wall), so
// running them side by side only makes each slower.
const postgres = wanted('postgres', unitFiles);
const e2e = wanted('e2e', e2eFiles);
const together = postgres && e2e && args.includes('--together');
if (together) {
  results.push(...(await Promise.all([postgresPhase(true), e2ePhase()])).flat());
} else {
  if (postgres) results.push(...(await postgresPhase(false)));
  if (e2e) results.push(...(await e2ePhase()));
}

printSummary();

const failed = results.filter((r) => !r).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

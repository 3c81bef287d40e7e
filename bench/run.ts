/**
 * npm run bench — figures for the platform, printed as a table. Each figure is compared with a reference
 * measured in the same run (never a fixed number: this machine is shared and timings drift).
 *  1. start-up on PGlite: a fresh data directory (migrations + demo data) and a second start on it;
 *  2. weight of the sign-in page (HTML + CSS + JS, gzip) — the page a cheap phone loads first;
 *  3. request latency of a signed-in page on PGlite and, when a PostgreSQL server can be started, on it;
 *  4. PGlite runs on the main thread: how long a slow query stalls a concurrent cheap request.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../src/core/testing/harness.js';
import '../src/test-app.js';
import { createOrganisation, createPerson, createUser } from '../src/core/testing/fixtures.js';
import { TestClient } from '../src/core/testing/client.js';
import { startPgCluster } from '../src/core/testing/pg-cluster.js';

const rows: [string, string, string][] = [];
const add = (what: string, value: string, reference: string) => {
  rows.push([what, value, reference]);
  console.log(`${what}: ${value}  (${reference})`);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function startServer(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', WORKER: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Tandem is ready')) {
        const ms = performance.now() - started;
        child.kill('SIGTERM');
        child.on('exit', () => resolve(ms));
      }
    });
    child.on('exit', (code) => (code ? reject(new Error(`server exited with ${code}`)) : undefined));
  });
}

async function startup() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  try {
    const first = await startServer(join(dir, 'data'));
    const again = await startServer(join(dir, 'data'));
    const bare = await new Promise<number>((resolve) => {
      const t0 = performance.now();
      spawn(process.execPath, ['--import', 'tsx', '-e', '0']).on('exit', () => resolve(performance.now() - t0));
    });
    add('start-up, fresh PGlite data dir (migrate + demo)', `${(first / 1000).toFixed(2)} s`, `node + tsx alone: ${(bare / 1000).toFixed(2)} s`);
    add('start-up, existing PGlite data dir', `${(again / 1000).toFixed(2)} s`, `fresh: ${(first / 1000).toFixed(2)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pageWeight(t: TestApp) {
  const html = (await t.app.inject({ method: 'GET', url: '/sign-in?lang=pl' })).body;
  const css = readFileSync('public/app.css');
  const js = readFileSync('public/app.js');
  const gz = (b: string | Buffer) => gzipSync(b).length;
  const total = gz(html) + gz(css) + gz(js);
  add('sign-in page weight (gzip)', `${(total / 1024).toFixed(1)} KB`, `HTML ${gz(html)} B + CSS ${gz(css)} B + JS ${gz(js)} B; raw ${(Buffer.byteLength(html) + css.length + js.length) / 1024 | 0} KB`);
}

async function latency(t: TestApp, label: string) {
  const org = await createOrganisation(t.database.db, `bench-${label.toLowerCase()}`);
  const user = await createUser(t.database.db, { organisationId: org.id, roles: ['coordinator'] });
  for (let i = 0; i < 300; i++) await createPerson(t.database.db, org.id, `Imię${i}`, `Nazwisko${i}`, ['volunteer']);
  const c = new TestClient(t.app);
  await c.signIn(user.email);
  const time = async (url: string) => {
    const xs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await c.get(url);
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const health = await time('/healthz');
  const people = await time('/people?q=nazwisko1');
  add(`GET /people (300 people, search) on ${label}, median`, `${people.toFixed(1)} ms`, `GET /healthz: ${health.toFixed(1)} ms`);
}

async function mainThreadStall(t: TestApp) {
  // PGlite executes queries in WebAssembly on the main thread. A 1 ms ticker records the longest gap between
  // its ticks while a deliberately slow query runs: for that long the process could answer nothing at all.
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  await t.database.db.execute(sql`select count(*) from generate_series(1, 3000000)`);
  const slowMs = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticker);
  const typical = median(
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        const s = performance.now();
        await t.app.inject({ method: 'GET', url: '/healthz' });
        return performance.now() - s;
      }),
    ),
  );
  add('PGlite: longest time the process answers nothing during a slow query', `${longestGap.toFixed(0)} ms`, `the query took ${slowMs.toFixed(0)} ms; a typical request: ${typical.toFixed(1)} ms`);
}

await startup();
const pgl = await testApp();
try {
  await pageWeight(pgl);
  await latency(pgl, 'PGlite');
  await mainThreadStall(pgl);
} finally {
  await pgl.close();
}
const cluster = await startPgCluster();
if ('error' in cluster) {
  add('GET /people on PostgreSQL', 'skipped', cluster.error);
} else {
  process.env.TEST_DB = 'postgres';
  process.env.TEST_PG_URL = cluster.url;
  const pgs = await testApp();
  try {
    await latency(pgs, 'PostgreSQL');
  } finally {
    await pgs.close();
    cluster.stop();
  }
}

console.log('\n| figure | value | reference (same run) |\n| --- | --- | --- |');
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);

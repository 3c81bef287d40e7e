import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { loadConfig, type Config } from '../../config.js';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteDatabase, type Database } from '../db/database.js';
import { createMailer } from '../mail/sender.js';
import type { App, AppBuilder } from '../module.js';

/** The role the app connects as on the test cluster: it owns the database and its tables, without superuser. */
const OWNER = 'tandem_owner';

export interface TestApp extends App {
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/**
 * How the app is built, handed over by src/test-app.ts (the tests' composition root, like main.ts for production):
 * core builds on it without importing src/app.ts, which lists every module. `npm test` loads test-app.js into every
 * test process (node --import); e2e and the benchmarks import it.
 */
let buildApp: AppBuilder | undefined;
export function useAppBuilder(build: AppBuilder): void {
  buildApp = build;
}

/**
 * Builds the app exactly as production does, on a fresh database: in-memory PGlite by default, or a new
 * database in the suite's throwaway PostgreSQL cluster when TEST_DB=postgres (TEST_PG_URL set by scripts/test.ts).
 */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  if (!buildApp) throw new Error('testApp needs the app: load src/test-app.ts first (npm test does it for every test file)');
  const build = buildApp;
  const engine = process.env.TEST_DB ?? 'pglite';
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const admin = process.env.TEST_PG_URL;
    if (!admin) throw new Error('TEST_DB=postgres needs TEST_PG_URL (run the suite with npm test)');
    const name = `t_${randomBytes(6).toString('hex')}`;
    // A copy of the suite's migrated template (TEST_PG_TEMPLATE, see writePgTemplate) when there is one: the same
    // schema as migrating here, without migrating again for every test app.
    const template = process.env.TEST_PG_TEMPLATE;
    if (template && !/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error(`TEST_PG_TEMPLATE=${template} is not a database name`);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await createOwner(client);
    await client.query(`create database ${name} owner ${OWNER}${template ? ` template ${template}` : ''}`);
    await client.end();
    url = ownerUrl(admin, name);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: ':memory:',
    DEMO: '0',
    BASE_URL: 'http://tandem.test',
    AUTH_RATE_LIMIT: '10000',
    ...(url ? { DATABASE_URL: url, DATABASE_POOL_SIZE: '4' } : {}),
    ...env,
  });
  const snapshotFile = process.env.TEST_PGLITE_SNAPSHOT;
  const database = !url && snapshotFile ? await snapshotDatabase(snapshotFile) : await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await database.migrate();
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const built = await build({ config, database, mailer });
  await built.app.ready();
  return {
    ...built,
    database,
    config,
    async close() {
      await built.worker.stop();
      await built.app.close();
      mailer.close();
      await database.close();
      await dropDatabase();
    },
  };
}

/** The emptied database of a closed test app, for the next one in this process; and the statements that empty it. */
let spare: PGlite | undefined;
let emptying: string | undefined;
let reused = 0;
let keepers = 0;

/**
 * Keeps closed PGlite databases for the next test app in this process until the returned function is called (calls
 * nest: the last one closes the database kept at the end). For the batch entries of scripts/test-batches.ts, which
 * call it in their last `after` hook: an open PGlite keeps its process alive (PostgreSQL's timers), so a process that
 * does not know when its last test app closes (an end-to-end file, a file run by hand) keeps nothing.
 */
export function keepClosedDatabases(): () => Promise<void> {
  keepers++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--keepers > 0) return;
    const kept = spare;
    spare = undefined;
    await kept?.close();
  };
}

/** How many test apps in this process started on the emptied database of one closed before (see harness.test.ts). */
export const reusedDatabases = () => reused;

/**
 * A PGlite database that starts as the suite's migrated snapshot (TEST_PGLITE_SNAPSHOT). Loading the snapshot costs
 * about 1 s of CPU (unpacking 28 MB and starting PostgreSQL in WebAssembly), and scripts/test.ts runs several test
 * files in one process: so a closed test database is emptied and kept for the next test app in the process, which
 * then starts in a few milliseconds. Emptied is as migrated: the migrations create no rows (a test checks this).
 * Emptying must not fail quietly (falling back to a new copy would hide it, as it once did): a failure fails the
 * test that closed the app.
 */
async function snapshotDatabase(file: string): Promise<Database> {
  const kept = spare;
  spare = undefined;
  if (kept) reused++;
  const client = kept ?? (await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) }));
  const database = pgliteDatabase(client);
  return {
    ...database,
    async close() {
      if (spare || keepers === 0) return client.close();
      try {
        await emptyPglite(client);
      } catch (e) {
        await client.close();
        throw e;
      }
      // Another app may have been kept meanwhile, or the keeping ended (a close not awaited by its test).
      if (spare || keepers === 0) return client.close();
      spare = client;
    },
  };
}

/**
 * Every row of the app's tables deleted, the sequences restarted, and the session as new (settings, prepared
 * statements, locks). DELETE rather than TRUNCATE: on tables this small it costs a few milliseconds where TRUNCATE
 * (new files for 52 tables) took 0.2–0.5 s. Triggers and foreign-key checks are off while it runs (replica mode, in
 * the same implicit transaction, reset at its end): the audit log's append-only trigger would refuse otherwise.
 * DISCARD ALL runs on its own: PostgreSQL refuses it inside a transaction block, which a multi-statement string is.
 */
async function emptyPglite(client: PGlite): Promise<void> {
  if (!emptying) {
    const names = async (query: string) => (await client.query<{ name: string }>(query)).rows.map((r) => r.name);
    const tables = await names(`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public' order by 1`);
    const sequences = await names(`select format('%I.%I', schemaname, sequencename) as name from pg_sequences where schemaname = 'public' order by 1`);
    emptying = [
      'set session_replication_role = replica',
      ...tables.map((t) => `delete from ${t}`),
      ...sequences.map((q) => `alter sequence ${q} restart`),
      'reset session_replication_role',
    ].join(';\n');
  }
  await client.exec(emptying);
  await client.exec('discard all');
}

/**
 * As in production, the app connects as the owner of its tables, an ordinary role (no superuser, who would bypass
 * row-level security): so forced row-level security is really exercised on this engine.
 */
async function createOwner(client: pg.Client): Promise<void> {
  await client.query(`do $$ begin create role ${OWNER} login createrole; exception when duplicate_object or unique_violation then null; end $$`);
}

/** The URL of database `name` in the cluster of `admin`, connecting as the owner role. */
function ownerUrl(admin: string, name: string): string {
  return admin.replace(/\/\/[^@/]*@/, `//${OWNER}@`).replace(/\/[^/]*$/, `/${name}`);
}

/**
 * Creates the database `name` in the cluster of `admin` (a superuser URL), owned by the owner role and migrated as
 * the app migrates, for TEST_PG_TEMPLATE: each test database is then a copy (CREATE DATABASE … TEMPLATE), which takes
 * a fifth of a second where migrating took two or three. No connection stays open (a template in use cannot be copied).
 */
export async function writePgTemplate(admin: string, name = 'tandem_migrated'): Promise<string> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await createOwner(client);
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name} owner ${OWNER}`);
  } finally {
    await client.end();
  }
  const database = await openDatabase({ url: ownerUrl(admin, name), poolSize: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return name;
}

/**
 * Migrates an empty in-memory PGlite and writes its dump to `file`, for TEST_PGLITE_SNAPSHOT. The template databases
 * are dropped first: a test database is the `postgres` database of its own PGlite and never creates another, and
 * every test process unpacks the dump (measured: 28 MB instead of 43 MB, 0.36 s less CPU per test file).
 */
export async function writePgliteSnapshot(file: string): Promise<void> {
  const database = await openDatabase({ dataDir: ':memory:' });
  await database.migrate();
  const client = (database.db as unknown as { $client: PGlite }).$client;
  for (const template of ['template0', 'template1']) {
    await client.exec(`update pg_database set datistemplate = false where datname = '${template}'`);
    await client.exec(`drop database ${template}`);
  }
  await client.exec('checkpoint');
  const dump = await client.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

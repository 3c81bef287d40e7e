import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { buildApp, type App } from '../../app.js';
import { loadConfig, type Config } from '../../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { createMailer } from '../mail/sender.js';

/** The role the app connects as on the test cluster: it owns the database and its tables, without superuser. */
const OWNER = 'tandem_owner';

export interface TestApp extends App {
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/**
 * Builds the app exactly as production does, on a fresh database: in-memory PGlite by default, or a new
 * database in the suite's throwaway PostgreSQL cluster when TEST_DB=postgres (TEST_PG_URL set by scripts/test.ts).
 */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const engine = process.env.TEST_DB ?? 'pglite';
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const admin = process.env.TEST_PG_URL;
    if (!admin) throw new Error('TEST_DB=postgres needs TEST_PG_URL (run the suite with npm test)');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    // As in production, the app connects as the owner of its tables, an ordinary role (no superuser, who would
    // bypass row-level security): so forced row-level security is really exercised on this engine.
    await client.query(`do $$ begin create role ${OWNER} login createrole; exception when duplicate_object or unique_violation then null; end $$`);
    await client.query(`create database ${name} owner ${OWNER}`);
    await client.end();
    url = admin.replace(/\/\/[^@/]*@/, `//${OWNER}@`).replace(/\/[^/]*$/, `/${name}`);
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
  const pgliteSnapshot = !url && snapshotFile ? new Blob([readFileSync(snapshotFile)]) : undefined;
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, pgliteSnapshot });
  await database.migrate();
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const built = await buildApp({ config, database, mailer });
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

/** Migrates an empty in-memory PGlite and writes its dump to `file`, for TEST_PGLITE_SNAPSHOT. */
export async function writePgliteSnapshot(file: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const database = await openDatabase({ dataDir: ':memory:' });
  await database.migrate();
  const client = (database.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  const dump = await client.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';
import { refreshPersonSearchText } from '../tenancy/people-search.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /**
   * Applies pending migrations (all in one transaction), then brings derived data the SQL cannot compute up to date
   * (people's search keys, which need the transliteration in `core/i18n`). Safe to call from several instances at once.
   */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));
const MIGRATION_LOCK = 727_272; // arbitrary advisory-lock key shared by every Tandem instance

/**
 * Opens the embedded PGlite database in `dataDir` (or in memory for ":memory:"),
 * or a PostgreSQL server when `url` is given.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; poolSize?: number; pgliteSnapshot?: Blob }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? './data', opts.pgliteSnapshot);
}

/**
 * `snapshot` (an in-memory database only) starts from a dump made by `dumpDataDir()`: the test suite
 * migrates once and starts every test database from that, which is three times faster than initdb.
 */
async function openPglite(dataDir: string, snapshot?: Blob): Promise<Database> {
  const memory = dataDir === ':memory:';
  if (!memory) mkdirSync(dataDir, { recursive: true });
  const client = memory ? new PGlite(snapshot ? { loadDataDir: snapshot } : {}) : new PGlite(dataDir);
  await client.waitReady;
  return pgliteDatabase(client);
}

/** The app's database over an open PGlite; `close` closes it. */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    // PGlite has one session and serialises transactions, so no lock is needed.
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
      await refreshPersonSearchText(db);
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'tandem' });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  await db.execute(sql`select 1`);
  return {
    db,
    engine: 'postgres',
    async migrate() {
      // Several instances may start at once: the first takes the lock and migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          // Migrations that move data act as system work past the forced row-level security (tx.ts). This is this
          // dedicated connection's own session, reset before it goes back to the pool.
          await client.query(`select set_config('app.system', 'on', false)`);
          await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query(`select set_config('app.system', '', false)`);
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
      await refreshPersonSearchText(db);
    },
    close: () => pool.end(),
  };
}

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MIGRATIONS_DIR, openDatabase } from '../../src/core/db/database.js';
import type { Role } from '../../src/core/tenancy/tenancy.table.js';
import { createOrganisation, createPerson, createUser, PASSWORD } from '../../src/core/testing/fixtures.js';
import { testApp, type TestApp } from '../../src/core/testing/harness.js';
import { startSmtp, type TestSmtp } from './smtp.js';

export { PASSWORD };

export type Organisation = Awaited<ReturnType<typeof createOrganisation>>;
export type SeededUser = Awaited<ReturnType<typeof createUser>> & { name: string };

/** The real app over HTTP on 127.0.0.1, sending real mail to a local SMTP server. One per test file. */
export interface E2EServer {
  t: TestApp;
  db: TestApp['database']['db'];
  /** http://127.0.0.1:<port>, also the app's BASE_URL (links in mails point here). */
  baseUrl: string;
  smtp: TestSmtp;
  /** Runs the queued jobs now (mail delivery) instead of waiting for the worker's poll. */
  deliverMail(): Promise<number>;
  organisation(slug: string, name?: string, defaultLocale?: string): Promise<Organisation>;
  /** An account with a password (fixtures.PASSWORD), a person record and roles; `totp` turns two-factor on. */
  user(organisationId: string, roles: Role[], opts?: { name?: string; email?: string; totp?: boolean; locale?: string }): Promise<SeededUser>;
  person(organisationId: string, givenName: string, familyName: string, roles?: Role[]): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<E2EServer> {
  const [smtp, dataDir] = await Promise.all([startSmtp(), freshPgliteDir()]);
  const t = await testApp({ SMTP_URL: smtp.url, ...(dataDir ? { DATA_DIR: dataDir } : {}), ...env });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // The port is known only now; the modules hold this same config object and read baseUrl per request.
  t.config.baseUrl = baseUrl;
  const db = t.database.db;
  let counter = 0;
  return {
    t,
    db,
    baseUrl,
    smtp,
    deliverMail: () => t.worker.runDue(),
    organisation: (slug, name, defaultLocale) => createOrganisation(db, slug, name, defaultLocale),
    async user(organisationId, roles, opts = {}) {
      counter++;
      const name = opts.name ?? `Test${counter} User${counter}`;
      const email = opts.email ?? `user${counter}-${roles.join('-') || 'none'}@example.org`;
      const created = await createUser(db, { organisationId, roles, name, email, totp: opts.totp, locale: opts.locale });
      return { ...created, name };
    },
    person: (organisationId, givenName, familyName, roles = []) => createPerson(db, organisationId, givenName, familyName, roles),
    async close() {
      await t.close();
      await smtp.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of an already migrated PGlite database, so each test file starts in a fraction of a second instead
 * of creating a cluster in memory (~3-4 s on a small machine). The template lives in the OS temp directory,
 * keyed by the migrations and the PGlite version, and is rebuilt when either changes. Not used when the
 * suite runs on PostgreSQL (TEST_DB=postgres).
 */
async function freshPgliteDir(): Promise<string | undefined> {
  if ((process.env.TEST_DB ?? 'pglite') !== 'pglite') return undefined;
  const hash = createHash('sha256');
  hash.update(readFileSync(join(dirname(MIGRATIONS_DIR), 'node_modules/@electric-sql/pglite/package.json')));
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  const template = join(tmpdir(), `tandem-e2e-pglite-${hash.digest('hex').slice(0, 16)}`);
  if (!existsSync(join(template, 'TEMPLATE_READY'))) {
    const building = mkdtempSync(join(tmpdir(), 'tandem-e2e-pglite-build-'));
    const database = await openDatabase({ dataDir: building });
    await database.migrate();
    await database.close();
    writeFileSync(join(building, 'TEMPLATE_READY'), '');
    try {
      renameSync(building, template); // atomic: a concurrent run either wins or finds it done
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-db-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

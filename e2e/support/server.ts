import type { AddressInfo } from 'node:net';
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
  const smtp = await startSmtp();
  // On PGlite the database starts from the suite's migrated snapshot (TEST_PGLITE_SNAPSHOT, set by scripts/test.ts).
  const t = await testApp({ SMTP_URL: smtp.url, ...env });
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
    },
  };
}


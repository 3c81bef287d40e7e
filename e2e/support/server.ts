import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { Role } from '../../src/core/tenancy/tenancy.table.js';
import type { Locale } from '../../src/core/i18n/locales.js';
import { createOrganisation, createPerson, createUser, PASSWORD } from '../../src/core/testing/fixtures.js';
import { testApp, type TestApp } from '../../src/core/testing/harness.js';
import '../../src/test-app.js';
import { launchBrowser } from './browser.js';
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
  organisation(slug: string, name?: string, defaultLocale?: Locale): Promise<Organisation>;
  /** An account with a password (fixtures.PASSWORD), a person record and roles; `totp` turns two-factor on. */
  user(organisationId: string, roles: Role[], opts?: { name?: string; email?: string; totp?: boolean; locale?: Locale }): Promise<SeededUser>;
  person(organisationId: string, givenName: string, familyName: string, roles?: Role[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The app server and a browser, started side by side, for a test file's `before` hook. When either fails (no
 * Chromium, a database error), the other is closed before the error is thrown: nothing keeps the file's process
 * alive, so the file fails at once instead of hanging the run. What the hook does after this is closed by the
 * file's `after` hook, which node:test runs also when `before` failed.
 */
export async function startE2E(env: Record<string, string> = {}): Promise<{ server: E2EServer; browser: Browser }> {
  const [server, browser] = await Promise.allSettled([startServer(env), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') return { server: server.value, browser: browser.value };
  await Promise.allSettled([
    server.status === 'fulfilled' ? server.value.close() : undefined,
    browser.status === 'fulfilled' ? browser.value.close() : undefined,
  ]);
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

export async function startServer(env: Record<string, string> = {}): Promise<E2EServer> {
  const smtp = await startSmtp();
  let t: TestApp | undefined;
  try {
    // On PGlite the database starts from the suite's migrated snapshot (TEST_PGLITE_SNAPSHOT, set by scripts/test.ts).
    t = await testApp({ SMTP_URL: smtp.url, ...env });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (e) {
    // Close what did start, so a failed start does not keep the test file's process alive.
    await t?.close().catch(() => {});
    await smtp.close();
    throw e;
  }
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


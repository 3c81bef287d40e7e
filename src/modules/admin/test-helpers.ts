import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../core/audit/audit.table.js';
import { rowsOf, withSystem } from '../../core/db/tx.js';
import { outbox } from '../../core/mail/mail.table.js';
import { TestClient } from '../../core/testing/client.js';
import { createOrganisation, createUser } from '../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../core/testing/harness.js';
import type { Locale } from '../../core/i18n/index.js';
import type { Role } from '../../core/tenancy/tenancy.table.js';

/** Test-only helpers of the admin module: two organisations on a fresh app, and people signed in to them. */
export interface AdminWorld {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string };
  other: { id: string };
}

export async function adminWorld(env: Record<string, string> = {}): Promise<AdminWorld> {
  const t = await testApp(env);
  const db = t.database.db;
  const org = await createOrganisation(db, 'alpha', 'Ośrodek Alfa');
  const other = await createOrganisation(db, 'beta', 'Ośrodek Beta');
  return { t, db, org, other };
}

let orgCounter = 0;
/** Another organisation in the same world, for tests that need it to themselves (e.g. its only administrator). */
export async function freshOrganisation(w: AdminWorld): Promise<{ id: string }> {
  orgCounter += 1;
  return createOrganisation(w.db, `extra-${orgCounter}`, `Organisation ${orgCounter}`);
}

/**
 * A new account with `roles` in the organisation, signed in through the real pages. Administrators get
 * TOTP (without it they are sent to set it up first). The browser picks `locale` (English by default, the
 * language of this module's source catalogue, so assertions on texts survive translations).
 */
export async function signedIn(w: AdminWorld, roles: Role[], opts: { organisationId?: string; name?: string; email?: string; locale?: Locale } = {}) {
  const totp = roles.includes('administrator');
  const user = await createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp, name: opts.name, email: opts.email });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get(`/?lang=${opts.locale ?? 'en'}`);
  return { user, client };
}

/** An anonymous browser that has loaded a page, so its POSTs carry a valid CSRF token and reach the access check. */
export async function anonymous(w: AdminWorld) {
  const client = new TestClient(w.t.app);
  await client.get('/sign-in?lang=en');
  return client;
}

export async function auditEntries(w: AdminWorld, organisationId: string, action: string) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

export async function mailsTo(w: AdminWorld, to: string) {
  return withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.createdAt));
}

/** Number of rows of a table (of an organisation, when given): to prove a refused request wrote nothing. */
export async function countRows(w: AdminWorld, table: 'people' | 'memberships' | 'outbox' | 'programmes' | 'users' | 'audit_log', organisationId?: string): Promise<number> {
  const where = organisationId ? sql` where organisation_id = ${organisationId}` : sql``;
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}${where}`)));
  return Number(row!.n);
}

export async function rolesOf(w: AdminWorld, personId: string): Promise<string[]> {
  const rows = await withSystem(w.db, async (tx) => rowsOf<{ role: string }>(await tx.execute(sql`select role from memberships where person_id = ${personId} order by role`)));
  return rows.map((r) => r.role);
}

/** The text of the flash message shown on the page a redirect leads to. */
export async function followFlash(client: TestClient, location: string | undefined): Promise<string> {
  const page = await client.get(location ?? '/');
  return /<div class="flash[^"]*"[^>]*>([^<]*)<\/div>/.exec(page.body)?.[1] ?? '';
}

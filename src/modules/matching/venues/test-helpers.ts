import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../core/audit/audit.table.js';
import { rowsOf, withSystem, withTenant } from '../../../core/db/tx.js';
import { foldForSearch, type Locale } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { createOrganisation, createUser } from '../../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../../core/testing/harness.js';
import { people, programmes, type Role } from '../../../core/tenancy/tenancy.table.js';
import { mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';

/** Test-only helpers of matching settings and introductions: two organisations on a fresh app. */
export interface World {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string; name: string };
  other: { id: string; name: string };
}

export async function world(env: Record<string, string> = {}): Promise<World> {
  const t = await testApp(env);
  const db = t.database.db;
  const org = await createOrganisation(db, 'alfa', 'Stowarzyszenie Łączy Nas');
  const other = await createOrganisation(db, 'beta', 'Ośrodek Beta');
  return { t, db, org, other };
}

/** A browser signed in through the real pages (administrators with TOTP), in `locale` (English unless told). */
export async function signedIn(w: World, roles: Role[], opts: { organisationId?: string; locale?: Locale; name?: string; email?: string } = {}) {
  const user = await createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp: roles.includes('administrator'), name: opts.name, email: opts.email, locale: opts.locale });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get(`/?lang=${opts.locale ?? 'en'}`);
  return { user, client };
}

export async function anonymous(w: World) {
  const client = new TestClient(w.t.app);
  await client.get('/sign-in?lang=en');
  return client;
}

export async function auditEntries(w: World, action: string, organisationId = w.org.id) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

type Table = 'districts' | 'venues' | 'introductions' | 'outbox' | 'audit_log' | 'programmes';
export async function count(w: World, table: Table, organisationId?: string): Promise<number> {
  const where = organisationId ? sql` where organisation_id = ${organisationId}` : sql``;
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}${where}`)));
  return Number(row!.n);
}

/** Audit entries about settings (districts, venues, programmes, and records a rename moved), not sign-ins. */
export async function settingsAudits(w: World): Promise<number> {
  const [row] = await withSystem(w.db, async (tx) =>
    rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from audit_log where entity in ('district', 'venue', 'programme', 'volunteer', 'mentee')`)),
  );
  return Number(row!.n);
}

/** The text of the flash message on the next page. */
export async function flashOn(client: TestClient, path: string): Promise<string> {
  const page = await client.get(path);
  return /<div class="flash[^"]*"[^>]*>([^<]*)<\/div>/.exec(page.body)?.[1] ?? '';
}

/** The message shown next to a field (`f-<name>-error`), without the hidden "Error:" prefix. */
export function fieldError(html: string, name: string): string | undefined {
  const m = new RegExp(`id="f-${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return m?.[1]?.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '').trim();
}

export async function createProgramme(w: World, name: string, organisationId = w.org.id, matchingWeights: Record<string, number> = {}) {
  const [p] = await withSystem(w.db, (tx) => tx.insert(programmes).values({ organisationId, name, matchingWeights }).returning());
  return p!;
}

let n = 0;
/** A volunteer (people + volunteers rows) inserted directly. */
export async function createVolunteer(w: World, opts: { organisationId?: string; givenName?: string; familyName?: string; email?: string | null; locale?: Locale; district?: string | null } = {}) {
  n += 1;
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Zofia';
  const familyName = opts.familyName ?? `Wiśniewska${n}`;
  const email = opts.email === undefined ? `volunteer${n}@example.org` : opts.email;
  const locale = opts.locale ?? 'pl';
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx.insert(people).values({ organisationId, givenName, familyName, email, locale, searchText: foldForSearch(`${givenName} ${familyName}`) }).returning({ id: people.id });
    const [v] = await tx.insert(volunteers).values({ organisationId, personId: p!.id, stage: 'active', locale, district: opts.district ?? null }).returning();
    return { ...v!, givenName, familyName, email };
  });
}

/** A person supported (people + mentees rows) inserted directly, as the intake would. */
export async function createMentee(
  w: World,
  opts: { organisationId?: string; givenName?: string; familyName?: string; email?: string | null; locale?: Locale; district?: string | null; socialWorkerUserId?: string | null } = {},
) {
  n += 1;
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Олена';
  const familyName = opts.familyName ?? `Коваленко${n}`;
  const email = opts.email === undefined ? `mentee${n}@example.org` : opts.email;
  const locale = opts.locale ?? 'uk';
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx.insert(people).values({ organisationId, givenName, familyName, email, locale, searchText: foldForSearch(`${givenName} ${familyName}`) }).returning({ id: people.id });
    const [m] = await tx
      .insert(mentees)
      .values({ organisationId, personId: p!.id, status: 'matched', locale, district: opts.district ?? null, socialWorkerUserId: opts.socialWorkerUserId ?? null, needs: ['language_practice'] })
      .returning();
    return { ...m!, givenName, familyName, email };
  });
}

import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../core/audit/audit.table.js';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { TestClient } from '../../../core/testing/client.js';
import { createOrganisation, createUser } from '../../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../../core/testing/harness.js';
import { foldForSearch } from '../../../core/i18n/index.js';
import { organisations, people, type Role } from '../../../core/tenancy/tenancy.table.js';
import { volunteerDocuments, volunteerEvents, volunteers } from '../volunteers.table.js';

/** Test-only helpers of the documents and self-service parts: an app with two organisations and volunteers in them. */
export interface DocsWorld {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string; name: string };
  other: { id: string; name: string };
}

export const ORG_NAME = 'Stowarzyszenie Łączy Nas – Świętochłowice';

export async function docsWorld(): Promise<DocsWorld> {
  const t = await testApp();
  const db = t.database.db;
  const org = await createOrganisation(db, 'laczy-nas', ORG_NAME);
  const other = await createOrganisation(db, 'inna', 'Ośrodek Inny');
  await withSystem(db, (tx) => tx.update(organisations).set({ city: 'Świętochłowice' }).where(eq(organisations.id, org.id)));
  return { t, db, org, other };
}

/** A signed-in browser with `roles` (administrators get TOTP), reading pages in English. */
export async function signedIn(w: DocsWorld, roles: Role[], organisationId = w.org.id) {
  const user = await createUser(w.db, { organisationId, roles, totp: roles.includes('administrator') });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get('/?lang=en');
  return { user, client };
}

/** A volunteer record (with its person) at a stage; with `account`, also a signed-in account linked to it. */
export async function createVolunteer(
  w: DocsWorld,
  opts: { organisationId?: string; givenName?: string; familyName?: string; email?: string; stage?: (typeof volunteers.$inferInsert)['stage']; locale?: (typeof volunteers.$inferInsert)['locale']; account?: boolean } = {},
) {
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Олена';
  const familyName = opts.familyName ?? 'Коваленко';
  let userId: string | null = null;
  let client: TestClient | null = null;
  let personId: string;
  if (opts.account) {
    const user = await createUser(w.db, { organisationId, roles: ['volunteer'], name: `${givenName} ${familyName}`, email: opts.email });
    userId = user.userId;
    personId = user.personId;
    client = new TestClient(w.t.app);
    await client.signIn(user.email);
    await client.get('/?lang=en');
  } else {
    personId = await withSystem(w.db, async (tx) => {
      const [p] = await tx
        .insert(people)
        .values({ organisationId, givenName, familyName, email: opts.email ?? null, locale: opts.locale ?? 'uk', searchText: foldForSearch(`${givenName} ${familyName}`) })
        .returning({ id: people.id });
      return p!.id;
    });
  }
  const id = await withSystem(w.db, async (tx) => {
    const [v] = await tx
      .insert(volunteers)
      .values({ organisationId, personId, stage: opts.stage ?? 'training', locale: opts.locale ?? 'uk', plannedDays: 180 })
      .returning({ id: volunteers.id });
    return v!.id;
  });
  return { id, personId, userId, client };
}

/** GET through app.inject with the client's cookies, keeping the body as bytes (for PDFs). */
export async function download(w: DocsWorld, client: TestClient | null, url: string) {
  const cookie = client ? [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  const res = await w.t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body: res.body };
}

export async function documentsOf(w: DocsWorld, volunteerId: string) {
  return withSystem(w.db, (tx) => tx.select().from(volunteerDocuments).where(eq(volunteerDocuments.volunteerId, volunteerId)).orderBy(volunteerDocuments.issuedAt));
}

export async function eventsOf(w: DocsWorld, volunteerId: string) {
  return withSystem(w.db, (tx) => tx.select().from(volunteerEvents).where(eq(volunteerEvents.volunteerId, volunteerId)).orderBy(volunteerEvents.at));
}

export async function auditEntries(w: DocsWorld, organisationId: string, action: string) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

export async function countRows(w: DocsWorld, table: 'volunteer_documents' | 'document_templates' | 'volunteer_events', organisationId?: string): Promise<number> {
  const where = organisationId ? sql` where organisation_id = ${organisationId}` : sql``;
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}${where}`)));
  return Number(row!.n);
}

/** The text of the flash message shown on the page a redirect leads to. */
export async function followFlash(client: TestClient, location: string | undefined): Promise<string> {
  const page = await client.get(location ?? '/');
  return /<div class="flash[^"]*"[^>]*>([^<]*)<\/div>/.exec(page.body)?.[1] ?? '';
}

/** Issues a document through the real form (loads the form first, for its CSRF token). */
export async function issue(client: TestClient, volunteerId: string, form: Record<string, string>) {
  await client.get(`/volunteers/${volunteerId}/documents/new?kind=${form.kind}`);
  return client.post(`/volunteers/${volunteerId}/documents`, form);
}

export const AGREEMENT = { kind: 'agreement', scope: 'mentoring rodziny z Ukrainy', place: 'Świętochłowice', periodFrom: '2025-05-01', periodTo: '2025-10-31', termination: 'z zachowaniem 14-dniowego okresu wypowiedzenia.' };
export const CERTIFICATE = { kind: 'certificate', scope: 'mentoring rodziny z Ukrainy', periodFrom: '2025-05-01', periodTo: '2025-10-31', hours: '22' };

/**
 * Posts a multipart form as a browser would (`file` as the one file input), with the client's cookies and CSRF
 * token. `file: null` sends an empty file input.
 */
export async function upload(w: DocsWorld, client: TestClient, url: string, fields: Record<string, string>, file: { name: string; type?: string; bytes: Buffer } | null) {
  const boundary = `----tandem${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: client.csrf, ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file?.name ?? ''}"\r\nContent-Type: ${file?.type ?? 'application/octet-stream'}\r\n\r\n`), file?.bytes ?? Buffer.alloc(0), Buffer.from(`\r\n--${boundary}--\r\n`));
  const res = await w.t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  // Keep the cookies the answer sets (the flash message), as the browser would.
  for (const c of [res.headers['set-cookie'] ?? []].flat()) {
    const [pair = ''] = String(c).split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(eq + 1) === '' || /expires=Thu, 01 Jan 1970/i.test(String(c))) client.cookies.delete(pair.slice(0, eq));
    else client.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return { status: res.statusCode, body: res.body, location: res.headers.location as string | undefined };
}

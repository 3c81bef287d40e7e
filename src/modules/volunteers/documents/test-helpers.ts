import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { TestClient } from '../../../core/testing/client.js';
import { organisations } from '../../../core/tenancy/tenancy.table.js';
import { volunteerDocuments, volunteerEvents } from '../volunteers.table.js';
import { browserOf, createAccount, world, type World } from '../../../core/testing/world.js';
import type { Stage } from '../pipeline/stages.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { createVolunteer as volunteer } from '../testing.js';

/** Test-only helpers of the documents and self-service parts: an app with two organisations and volunteers in them. */
export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { flashOn } from '../../../core/testing/html.js';
export { signedIn, useWorld, type World } from '../../../core/testing/world.js';

export const ORG_NAME = 'Stowarzyszenie Łączy Nas – Świętochłowice';

/** Our organisation is in Świętochłowice (the city documents name). */
export async function docsWorld(): Promise<World> {
  const w = await world({ org: { slug: 'laczy-nas', name: ORG_NAME }, other: { slug: 'inna', name: 'Ośrodek Inny' } });
  await withSystem(w.db, (tx) => tx.update(organisations).set({ city: 'Świętochłowice' }).where(eq(organisations.id, w.org.id)));
  return w;
}

/** A volunteer (Олена Коваленко, Ukrainian) in training for 180 days unless told; with `account`, also a signed-in account linked to it. */
export async function createVolunteer(w: World, opts: { organisationId?: string; givenName?: string; familyName?: string; email?: string; stage?: Stage; locale?: Locale; account?: boolean } = {}) {
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Олена';
  const familyName = opts.familyName ?? 'Коваленко';
  const user = opts.account ? await createAccount(w, ['volunteer'], { organisationId, name: `${givenName} ${familyName}`, email: opts.email }) : null;
  const client = user ? await browserOf(w, user) : null;
  const v = await volunteer(w, { organisationId, personId: user?.personId, givenName, familyName, email: opts.email ?? null, locale: opts.locale ?? 'uk', stage: opts.stage ?? 'training', plannedDays: 180 });
  return { id: v.id, personId: v.personId, userId: user?.userId ?? null, client };
}

/** GET through app.inject with the client's cookies, keeping the body as bytes (for PDFs). */
export async function download(w: World, client: TestClient | null, url: string) {
  const cookie = client ? [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  const res = await w.t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body: res.body };
}

export async function documentsOf(w: World, volunteerId: string) {
  return withSystem(w.db, (tx) => tx.select().from(volunteerDocuments).where(eq(volunteerDocuments.volunteerId, volunteerId)).orderBy(volunteerDocuments.issuedAt));
}

export async function eventsOf(w: World, volunteerId: string) {
  return withSystem(w.db, (tx) => tx.select().from(volunteerEvents).where(eq(volunteerEvents.volunteerId, volunteerId)).orderBy(volunteerEvents.at));
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
export async function upload(w: World, client: TestClient, url: string, fields: Record<string, string>, file: { name: string; type?: string; bytes: Buffer } | null) {
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

import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../core/audit/audit.table.js';
import { rowsOf, withSystem, withTenant } from '../../../core/db/tx.js';
import { foldForSearch } from '../../../core/i18n/index.js';
import { createWorker } from '../../../core/jobs/worker.js';
import { outbox } from '../../../core/mail/mail.table.js';
import { createMailer, mailJob } from '../../../core/mail/sender.js';
import { TestClient } from '../../../core/testing/client.js';
import { createOrganisation, createUser } from '../../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../../core/testing/harness.js';
import { people, type Role } from '../../../core/tenancy/tenancy.table.js';
import { volunteers } from '../volunteers.table.js';
import { screeningJobs } from './safeguarding.service.js';

/** Test-only helpers of the screening part: organisations, volunteers, signed-in staff, a worker with our jobs. */
export interface World {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string };
  other: { id: string };
  /** Runs due jobs with `mail.send` and this part's handlers (the app's worker does not have them yet). */
  runJobs(): Promise<number>;
}

export async function screeningWorld(env: Record<string, string> = {}): Promise<World> {
  const t = await testApp(env);
  const db = t.database.db;
  const org = await createOrganisation(db, 'alfa', 'Stowarzyszenie Łączy Nas');
  const other = await createOrganisation(db, 'beta', 'Ośrodek Beta');
  const mailer = createMailer(t.config.smtpUrl, t.config.mailFrom);
  const worker = createWorker(db, { 'mail.send': mailJob(db, mailer), ...screeningJobs(db, { baseUrl: t.config.baseUrl }) }, t.app.log);
  const close = t.close;
  t.close = async () => {
    await worker.stop();
    mailer.close();
    await close();
  };
  return { t, db, org, other, runJobs: () => worker.runDue() };
}

let n = 0;
/** A volunteer (people + volunteers rows) inserted directly, as the application form would. */
export async function createVolunteer(
  w: World,
  opts: { organisationId?: string; stage?: (typeof volunteers.$inferInsert)['stage']; email?: string | null; locale?: (typeof volunteers.$inferInsert)['locale']; givenName?: string; familyName?: string; worksWithMinors?: boolean; birthDate?: string } = {},
) {
  n += 1;
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Оксана';
  const familyName = opts.familyName ?? `Коваленко${n}`;
  const email = opts.email === undefined ? `volunteer${n}@example.org` : opts.email;
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx
      .insert(people)
      .values({ organisationId, givenName, familyName, email, birthDate: opts.birthDate ?? '1990-04-02', locale: opts.locale ?? 'uk', searchText: foldForSearch(`${givenName} ${familyName} ${email ?? ''}`) })
      .returning({ id: people.id });
    const [v] = await tx
      .insert(volunteers)
      .values({ organisationId, personId: p!.id, stage: opts.stage ?? 'contacted', locale: opts.locale ?? 'uk', worksWithMinors: opts.worksWithMinors ?? false })
      .returning();
    return { ...v!, email, name: `${givenName} ${familyName}` };
  });
}

export async function volunteerRow(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(volunteers).where(eq(volunteers.id, id)));
  return row!;
}

/** Signed in through the real pages; administrators with TOTP. English, so assertions survive translation. */
export async function signedIn(w: World, roles: Role[], opts: { organisationId?: string; locale?: (typeof volunteers.$inferInsert)['locale'] } = {}) {
  const user = await createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp: roles.includes('administrator'), locale: opts.locale });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get('/?lang=en');
  return { user, client };
}

export async function anonymous(w: World) {
  const client = new TestClient(w.t.app);
  await client.get('/sign-in?lang=en');
  return client;
}

export async function mailsTo(w: World, to: string) {
  return withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.createdAt));
}

export async function auditEntries(w: World, organisationId: string, action: string) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

export async function count(w: World, table: 'interviews' | 'safeguarding_checks' | 'insurance_records' | 'volunteer_events' | 'outbox' | 'jobs', organisationId?: string): Promise<number> {
  const where = organisationId ? sql` where organisation_id = ${organisationId}` : sql``;
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}${where}`)));
  return Number(row!.n);
}

/** The text of the flash message on the next page (any page shows it). */
export async function flashOn(client: TestClient, path: string): Promise<string> {
  const page = await client.get(path);
  return /<div class="flash[^"]*"[^>]*>([^<]*)<\/div>/.exec(page.body)?.[1] ?? '';
}

export { startSmtp } from '../../../core/testing/smtp.js';

/** The text/calendar part of a raw MIME message, decoded and unfolded (RFC 5545 §3.1). */
export function calendarPart(raw: string): string {
  const m = /Content-Type: text\/calendar[^\r\n]*(?:\r\n[ \t][^\r\n]*)*\r\n((?:[A-Za-z-]+:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*\r\n)*)\r\n([\s\S]*?)\r\n--/i.exec(raw);
  if (!m) throw new Error('no text/calendar part');
  const headers = m[1]!;
  let body = m[2]!;
  if (/Content-Transfer-Encoding: base64/i.test(headers)) body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/Content-Transfer-Encoding: quoted-printable/i.test(headers))
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return body.replace(/\r\n[ \t]/g, '');
}

/** The value of a property line of an iCalendar text (first match). */
export const icsProp = (ics: string, name: string) => new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(ics)?.[1]?.trim();

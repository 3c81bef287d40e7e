import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../core/audit/audit.table.js';
import { createAccessToken } from '../../core/auth/access-tokens.js';
import { rowsOf, withSystem, withTenant } from '../../core/db/tx.js';
import { type Locale } from '../../core/i18n/index.js';
import { instantDaysAgo } from '../../core/testing/clock.js';
import { TestClient } from '../../core/testing/client.js';
import { createOrganisation, createUser } from '../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../core/testing/harness.js';
import { memberships, people, type Role } from '../../core/tenancy/tenancy.table.js';
import { districts } from '../matching/matching.table.js';
import type { LanguageLevel } from '../volunteers/volunteers.table.js';
import { menteeCaseStaff, menteeConsents, menteeEvents, mentees } from './mentees.table.js';
import { personSearchText } from '../../core/tenancy/people-search.js';
import { appSecret } from '../../core/http/secrets.js';
import { issueFormToken } from '../volunteers/application/form-token.js';

export { errorOf, formErrorOf, formTokenOf } from '../volunteers/application/test-helpers.js';

/** Test-only helpers of the mentees module: two organisations on a fresh app, staff, mentees inserted directly. */
export interface World {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string; slug: string };
  other: { id: string; slug: string };
}

export async function world(env: Record<string, string> = {}): Promise<World> {
  const t = await testApp(env);
  const db = t.database.db;
  const org = await createOrganisation(db, 'alfa', 'Stowarzyszenie Łączy Nas', 'pl');
  const other = await createOrganisation(db, 'beta', 'Ośrodek Beta', 'de');
  return { t, db, org, other };
}

/** A signed-in browser with `roles` (administrators get TOTP), English unless told. */
export async function signedIn(w: World, roles: Role[], opts: { organisationId?: string; locale?: Locale; name?: string } = {}) {
  const user = await createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp: roles.includes('administrator'), name: opts.name });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get(`/?lang=${opts.locale ?? 'en'}`);
  return { user, client };
}

/** A bearer token of a new account with `roles`. */
export async function tokenFor(w: World, roles: Role[], organisationId = w.org.id) {
  const user = await createUser(w.db, { organisationId, roles, totp: roles.includes('administrator') });
  return { user, token: (await createAccessToken(w.db, { userId: user.userId, organisationId, name: 'test' })).token };
}

export async function addDistricts(w: World, organisationId: string, names: string[]) {
  await withTenant(w.db, { organisationId, userId: null }, (tx) => tx.insert(districts).values(names.map((name, i) => ({ organisationId, name, latitude: 52 + i / 100, longitude: 21 + i / 100 }))));
}

export interface MenteeSeed {
  givenName: string;
  familyName: string;
  email?: string | null;
  locale?: Locale;
  status?: (typeof mentees.$inferInsert)['status'];
  source?: 'staff' | 'form';
  /** Days on the waiting list (waiting_since); for requests, days since submission (created_at). */
  daysWaiting?: number;
  needs?: (typeof mentees.$inferInsert)['needs'];
  languages?: LanguageLevel[];
  district?: string | null;
  programmeId?: string | null;
  minor?: boolean;
  socialWorkerUserId?: string | null;
  caseStaff?: string[];
}

/** Inserts a person and their mentee record (and case staff) directly, as the intake would. */
export async function createMentee(w: World, organisationId: string, s: MenteeSeed): Promise<string> {
  const at = instantDaysAgo(s.daysWaiting ?? 0);
  const status = s.status ?? 'waiting';
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx
      .insert(people)
      .values({ organisationId, givenName: s.givenName, familyName: s.familyName, email: s.email ?? null, locale: s.locale ?? 'pl', searchText: personSearchText(s) })
      .returning({ id: people.id });
    await tx.insert(memberships).values({ organisationId, personId: p!.id, role: 'mentee' });
    const [m] = await tx
      .insert(mentees)
      .values({
        organisationId,
        personId: p!.id,
        status,
        source: s.source ?? (status === 'requested' ? 'form' : 'staff'),
        locale: s.locale ?? 'pl',
        needs: s.needs ?? ['language_practice'],
        languages: s.languages ?? [],
        district: s.district ?? null,
        programmeId: s.programmeId ?? null,
        minor: s.minor ?? false,
        socialWorkerUserId: s.socialWorkerUserId ?? null,
        waitingSince: status === 'requested' ? null : at,
        createdAt: at,
      })
      .returning({ id: mentees.id });
    const staff = [...new Set([...(s.caseStaff ?? []), ...(s.socialWorkerUserId ? [s.socialWorkerUserId] : [])])];
    if (staff.length) await tx.insert(menteeCaseStaff).values(staff.map((userId) => ({ organisationId, menteeId: m!.id, userId })));
    await tx.insert(menteeEvents).values({ organisationId, menteeId: m!.id, kind: 'created', toStatus: status, detail: { source: status === 'requested' ? 'form' : 'staff' }, at });
    return m!.id;
  });
}

export async function menteeRow(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, id)));
  return row!;
}

export async function eventsOf(w: World, id: string) {
  return withSystem(w.db, (tx) => tx.select().from(menteeEvents).where(eq(menteeEvents.menteeId, id)).orderBy(menteeEvents.at));
}

export async function consentsOf(w: World, id: string) {
  return withSystem(w.db, (tx) => tx.select().from(menteeConsents).where(eq(menteeConsents.menteeId, id)).orderBy(menteeConsents.purpose));
}

export async function caseStaffOf(w: World, id: string): Promise<string[]> {
  const rows = await withSystem(w.db, (tx) => tx.select({ userId: menteeCaseStaff.userId }).from(menteeCaseStaff).where(eq(menteeCaseStaff.menteeId, id)));
  return rows.map((r) => r.userId).sort();
}

export async function auditEntries(w: World, organisationId: string, action: string) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

const TABLES = ['people', 'memberships', 'mentees', 'mentee_consents', 'mentee_case_staff', 'mentee_events', 'mentee_notes', 'audit_log', 'outbox', 'used_form_tokens'] as const;
export type Counts = Record<(typeof TABLES)[number], number>;

/** Row counts of every table the module writes, to prove a refused input wrote nothing. */
export async function counts(w: World): Promise<Counts> {
  return withSystem(w.db, async (tx) => {
    const out = {} as Counts;
    for (const table of TABLES) out[table] = Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);
    return out;
  });
}

/** The names in the waiting list's table, in order of appearance. */
export function namesInList(body: string): string[] {
  return [...body.matchAll(/<th scope="row"><a href="\/mentees\/[0-9a-f-]+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

/** The rows of the waiting list as [name, days-waiting cell]. */
export function daysInList(body: string): [string, string][] {
  return [...body.matchAll(/<th scope="row"><a href="\/mentees\/[0-9a-f-]+"[^>]*>([^<]*)<\/a>[\s\S]*?<td class="numeric"[^>]*>([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!]);
}

/** A complete, valid intake form as the page posts it (override or remove fields per test). */
export function validIntake(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base: Record<string, string | string[] | undefined> = {
    givenName: 'Олена',
    familyName: 'Коваленко',
    email: 'olena.k@example.org',
    phone: '+48 600 100 200',
    birthDate: '1985-03-14',
    gender: 'female',
    locale: 'uk',
    needs: ['language_practice', 'official_matters'],
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    'languages.1.code': 'pl',
    'languages.1.level': 'A2',
    availability: ['tue-afternoon', 'thu-evening'],
    district: 'Śródmieście',
    interests: 'gotowanie, szachy',
    preferredVolunteerGender: 'female',
    preferredVolunteerAgeMin: '25',
    preferredVolunteerAgeMax: '60',
    summary: 'Rozmowy po polsku i pomoc w urzędzie',
    'consents.support': 'public_task',
    'consents.contactEmail': 'yes',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

/** Decodes RFC 2047 words in a header ("=?UTF-8?Q?...?=" / "=?UTF-8?B?...?="). */
function decodeWords(value: string): string {
  return value.replace(/\s*=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** The subject and the plain-text body of a raw message as the test SMTP server received it. */
export function decodeMail(raw: string): { subject: string; text: string } {
  const unfolded = raw.replace(/\r\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '');
  const part = /Content-Type: text\/plain[^\r\n]*\r\n(?:Content-Transfer-Encoding: ([^\r\n]+)\r\n)?(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/i.exec(raw);
  if (!part) return { subject, text: '' };
  const encoding = (part[1] ?? '7bit').trim().toLowerCase();
  const body = part[2]!;
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { subject, text };
}

/** A token of the public request form issued `ageMs` ago (the real one needs a 3-second wait; tests do not wait). */
export async function backdatedRequestToken(w: Pick<World, 'db'>, organisationId: string, ageMs = 10_000): Promise<string> {
  return issueFormToken(await appSecret(w.db, 'mentee-request-hmac'), organisationId, Date.now() - ageMs);
}

/** A complete, valid public request (in Ukrainian, by a carer for a child) as the form posts it; `undefined` removes a field. */
export function validRequest(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base: Record<string, string | string[] | undefined> = {
    website: '',
    givenName: 'Марко',
    familyName: 'Гнатюк',
    age: '11',
    forSomeoneElse: 'yes',
    carerName: 'Оксана Гнатюк',
    email: 'oksana.h@example.org',
    phone: '',
    locale: 'uk',
    needs: ['school_help', 'leisure'],
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    availability: ['mon-afternoon', 'wed-afternoon'],
    district: 'Zatorze',
    'consents.support': 'yes',
    'consents.contactEmail': 'yes',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

import { sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { appSecret } from '../../../core/http/secrets.js';
import { TestClient } from '../../../core/testing/client.js';
import { createOrganisation, createUser } from '../../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../../core/testing/harness.js';
import type { Role } from '../../../core/tenancy/tenancy.table.js';
import { issueFormToken } from './form-token.js';

/** Test-only helpers of the application part: two organisations on a fresh app, applicants and staff. */
export interface World {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string; slug: string };
  other: { id: string; slug: string };
}

export async function world(env: Record<string, string> = {}): Promise<World> {
  const t = await testApp(env);
  const db = t.database.db;
  const org = await createOrganisation(db, 'alpha', 'Ośrodek Alfa', 'pl');
  const other = await createOrganisation(db, 'beta', 'Ośrodek Beta', 'de');
  return { t, db, org, other };
}

/** A complete, valid application as the form posts it (override or remove fields per test). */
export function validForm(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base: Record<string, string | string[] | undefined> = {
    givenName: 'Олена',
    familyName: 'Коваленко',
    email: 'olena@example.org',
    phone: '+48 600 100 200',
    birthDate: '1990-05-17',
    profession: 'Вчителька',
    education: 'Університет',
    interests: 'футбол, шахи , кулінарія',
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    'languages.1.code': 'pl',
    'languages.1.level': 'B2',
    availability: ['mon-morning', 'thu-evening'],
    hoursPerMonth: '12',
    district: 'Praga-Północ',
    travelKm: '5',
    activities: ['mentoring', 'language_help'],
    preferredAgeGroups: ['children', 'adults'],
    preferredGender: 'female',
    worksWithMinors: 'yes',
    plannedLength: 'open',
    motivation: 'Хочу допомагати.',
    heardFrom: 'social_media',
    'consents.application': 'yes',
    'consents.newsletter': 'yes',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

/** A form token issued `ageMs` ago (the real one needs a 3-second wait; tests do not wait). */
export async function backdatedToken(w: World, organisationId: string, ageMs = 10_000): Promise<string> {
  return issueFormToken(await appSecret(w.db, 'form-hmac'), organisationId, Date.now() - ageMs);
}

/** Loads the form like a browser, then posts it with a token issued ten seconds ago. */
export async function apply(w: World, client: TestClient, form: Record<string, string | string[]>, opts: { slug?: string; orgId?: string; lang?: string } = {}) {
  const slug = opts.slug ?? w.org.slug;
  const lang = opts.lang ?? 'en';
  await client.get(`/o/${slug}/apply?lang=${lang}`);
  return client.post(`/o/${slug}/apply?lang=${lang}`, { _form: await backdatedToken(w, opts.orgId ?? w.org.id), website: '', ...form });
}

/** The `_form` token of the last form page seen. */
export const formTokenOf = (body: string) => /name="_form" value="([^"]+)"/.exec(body)?.[1] ?? '';

export async function signedIn(w: World, roles: Role[], organisationId = w.org.id) {
  const user = await createUser(w.db, { organisationId, roles, totp: roles.includes('administrator') });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get('/?lang=en');
  return { user, client };
}

const TABLES = ['people', 'volunteers', 'volunteer_consents', 'volunteer_events', 'outbox', 'audit_log', 'volunteer_settings', 'used_form_tokens'] as const;
export type Counts = Record<(typeof TABLES)[number], number>;

/** Row counts of every table an application writes, to prove a refused one wrote nothing. */
export async function counts(w: World): Promise<Counts> {
  return withSystem(w.db, async (tx) => {
    const out = {} as Counts;
    for (const table of TABLES) out[table] = Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);
    return out;
  });
}

export async function query<T>(w: World, q: ReturnType<typeof sql>): Promise<T[]> {
  return withSystem(w.db, async (tx) => rowsOf<T>(await tx.execute(q)));
}

/** The text of the field error shown next to a control (by its name), or undefined. */
export function errorOf(body: string, name: string): string | undefined {
  const id = `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}-error`;
  const m = new RegExp(`<p class="field-error" id="${id}"><span class="visually-hidden">[^<]*</span>([^<]*)</p>`).exec(body);
  return m?.[1];
}

/** The form-level message (`_form`) of the error summary. */
export function formErrorOf(body: string): string | undefined {
  return /<div class="error-summary"[\s\S]*?<li>([^<]+)<\/li>/.exec(body)?.[1];
}

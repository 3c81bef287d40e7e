/**
 * The test world every database test starts from: the app built as production builds it on a fresh database, two
 * organisations in it (ours and another one, for the "another organisation's id" tests), and browsers signed in per
 * role. Modules add their factories (a volunteer at a stage, a mentee, a match…) in their own `testing.ts` on top of it.
 */
import { after, before } from 'node:test';
import { createAccessToken } from '../auth/access-tokens.js';
import type { Locale } from '../i18n/index.js';
import { withSystem } from '../db/tx.js';
import { programmes, type Role } from '../tenancy/tenancy.table.js';
import { TestClient } from './client.js';
import { createOrganisation, createUser } from './fixtures.js';
import { testApp, type TestApp } from './harness.js';
import { startSmtp } from './smtp.js';

export interface OrganisationSeed {
  slug: string;
  name: string;
  /** The organisation's language (Polish unless told), used for mails to people without a language of their own. */
  defaultLocale?: Locale;
}

export interface WorldOptions {
  /** Configuration the app is built with (e.g. SMTP_URL, rate limits). */
  env?: Record<string, string>;
  /** Our organisation (default: alfa, "Stowarzyszenie Łączy Nas", Polish). */
  org?: OrganisationSeed;
  /** The other organisation (default: beta, "Ośrodek Beta", Polish). */
  other?: OrganisationSeed;
  /** Starts a real SMTP server for the app's mail (w.smtp), closed with the world. */
  smtp?: boolean;
}

export interface World {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string; slug: string; name: string };
  other: { id: string; slug: string; name: string };
}

export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** A world with its own SMTP server: `close()` closes the app and the server (a plain world closes with `w.t.close()`). */
export interface SmtpWorld extends World {
  smtp: Smtp;
  close(): Promise<void>;
}

export const ORG: OrganisationSeed = { slug: 'alfa', name: 'Stowarzyszenie Łączy Nas' };
export const OTHER: OrganisationSeed = { slug: 'beta', name: 'Ośrodek Beta' };

/** What `world(opts)` returns: with `smtp: true`, the world has its SMTP server. */
export type WorldOf<O extends WorldOptions> = O extends { smtp: true } ? SmtpWorld : World;

/** A fresh app with two organisations (see WorldOptions for the defaults). */
export async function world<O extends WorldOptions = WorldOptions>(opts: O = {} as O): Promise<WorldOf<O>> {
  const smtp = opts.smtp ? await startSmtp() : undefined;
  const t = await testApp({ ...(smtp ? { SMTP_URL: smtp.url } : {}), ...opts.env });
  const db = t.database.db;
  const seed = (s: OrganisationSeed) => createOrganisation(db, s.slug, s.name, s.defaultLocale);
  const org = await seed(opts.org ?? ORG);
  const other = await seed(opts.other ?? OTHER);
  if (!smtp) return { t, db, org, other } satisfies World as unknown as WorldOf<O>;
  const close = async () => {
    await t.close();
    await smtp.close();
  };
  return { t, db, org, other, smtp, close } satisfies SmtpWorld as unknown as WorldOf<O>;
}

/**
 * What `build` makes, made before the tests of the file (or `describe`) this is called in and closed after them by the
 * `before`/`after` hooks it registers. The object returned is filled in by the `before` hook: read it in hooks and
 * tests. Nothing to close when the build failed.
 */
function useFixture<T extends object>(build: () => Promise<T>, close: (built: T) => Promise<void>): T {
  const fixture = {} as T;
  let built: T | undefined;
  before(async () => {
    built = await build();
    Object.assign(fixture, built);
  });
  after(() => (built ? close(built) : undefined));
  return fixture;
}

/**
 * The world of one test file (or one `describe`), built before its first test, closed after its last: a file starts
 * with `const w = useWorld()` instead of a `let` that a `before` fills and an `after` closes. Takes world options
 * (`useWorld({ smtp: true })`) or a module's own world (`useWorld(adminWorld)`).
 */
export function useWorld<O extends WorldOptions = Record<never, never>>(opts?: O): WorldOf<O>;
export function useWorld<W extends World>(build: () => Promise<W>): W;
export function useWorld(arg: WorldOptions | (() => Promise<World>) = {}): World {
  // An SMTP world closes its server too.
  return useFixture(typeof arg === 'function' ? arg : () => world(arg), (w) => ('close' in w ? (w as SmtpWorld).close() : w.t.close()));
}

/** The app alone on a fresh database, for a file that seeds its own organisations; built and closed as `useWorld`'s. */
export function useApp(env: Record<string, string> = {}): TestApp {
  return useFixture(() => testApp(env), (t) => t.close());
}

export type TestUser = Awaited<ReturnType<typeof createUser>>;

export interface AccountOptions {
  /** The organisation the account belongs to (ours unless told). */
  organisationId?: string;
  name?: string;
  email?: string;
  /** The person's language: stored on the account (mails to them) and read by their browser; none stored unless told. */
  locale?: Locale;
}

/** A new account with `roles` (administrators get TOTP: without it they are sent to set it up first). */
export function createAccount(w: Pick<World, 'db' | 'org'>, roles: Role[], opts: AccountOptions = {}): Promise<TestUser> {
  return createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp: roles.includes('administrator'), name: opts.name, email: opts.email, locale: opts.locale });
}

/** A browser signed in as `user` through the real pages, reading them in `locale` (English unless told). */
export async function browserOf(w: Pick<World, 't'>, user: { email: string; totpSecret?: string | null }, locale: Locale = 'en'): Promise<TestClient> {
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get(`/?lang=${locale}`);
  return client;
}

let addresses = 0;
/**
 * A browser at a client address of its own, for an app built with TRUST_PROXY=1 (which reads X-Forwarded-For): what
 * one test trips in a throttle keyed by address does not reach the next browser. Addresses from 198.51.100.1 on
 * (documentation addresses, the next blocks after 255 browsers).
 */
export function browserAtOwnAddress(w: Pick<World, 't'>): TestClient {
  addresses += 1;
  return new TestClient(w.t.app, { 'x-forwarded-for': `198.51.${100 + Math.floor(addresses / 256)}.${addresses % 256}` });
}

export interface SignedInOptions extends AccountOptions {
  /** The language the browser reads pages in: `locale`, or English (so assertions on texts survive translations). */
  lang?: Locale;
  /** An account made before, instead of a new one. */
  user?: TestUser;
}

/** A new account with `roles` (or `opts.user`) and a browser signed in as it. */
export async function signedIn(w: Pick<World, 't' | 'db' | 'org'>, roles: Role[], opts: SignedInOptions = {}) {
  const user = opts.user ?? (await createAccount(w, roles, opts));
  return { user, client: await browserOf(w, user, opts.lang ?? opts.locale) };
}

/** An anonymous browser that has loaded a page, so its POSTs carry a valid CSRF token and reach the access check. */
export async function anonymous(w: Pick<World, 't'>): Promise<TestClient> {
  const client = new TestClient(w.t.app);
  await client.get('/sign-in?lang=en');
  return client;
}

/** A new account with `roles` and a bearer token of it for the JSON API. */
export async function apiUser(w: Pick<World, 'db' | 'org'>, roles: Role[], organisationId = w.org.id) {
  const user = await createAccount(w, roles, { organisationId });
  return { user, token: (await createAccessToken(w.db, { userId: user.userId, organisationId, name: 'test' })).token };
}

/** A bearer token of a new account with `roles`. */
export async function tokenFor(w: Pick<World, 'db' | 'org'>, roles: Role[], organisationId = w.org.id): Promise<string> {
  return (await apiUser(w, roles, organisationId)).token;
}

let organisations = 0;
/** Another organisation in the world, for tests that need one to themselves (a whole waiting list, its only administrator). */
export async function freshOrganisation(w: Pick<World, 'db'>): Promise<{ id: string; slug: string; name: string }> {
  organisations += 1;
  return createOrganisation(w.db, `org-${organisations}-${Math.random().toString(36).slice(2, 8)}`, `Organizacja ${organisations}`);
}

/** An account and a browser signed in as it (what `signedIn` returns). */
export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/** A programme of an organisation (ours unless told), with matching weights or a follow-up schedule when given. */
export async function createProgramme(w: Pick<World, 'db' | 'org'>, name: string, opts: { organisationId?: string; matchingWeights?: Record<string, number>; followUp?: Record<string, number> } = {}) {
  const [p] = await withSystem(w.db, (tx) => tx.insert(programmes).values({ organisationId: opts.organisationId ?? w.org.id, name, matchingWeights: opts.matchingWeights, followUp: opts.followUp }).returning());
  return p!;
}

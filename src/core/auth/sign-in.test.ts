/**
 * Issue 10, items 3–7 and 11: where sign-in may send you, the second factor's lock-out, changing the second factor,
 * what a password reset or change revokes, throttling without lock-out or enumeration, and session lifetimes.
 *   npm test -- src/core/auth/sign-in.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../db/tx.js';
import { outbox } from '../mail/mail.table.js';
import { TestClient } from '../testing/client.js';
import { createUser, PASSWORD } from '../testing/fixtures.js';
import { browserAtOwnAddress, useWorld } from '../testing/world.js';
import { createAccessToken } from './access-tokens.js';
import { credentials, sessions } from './auth.table.js';
import { currentTotp } from './totp.js';

// Behind a proxy, so each test client can come from its own address (X-Forwarded-For).
const w = useWorld({ env: { TRUST_PROXY: '1' }, org: { slug: 'alpha', name: 'Ośrodek Alfa' } });

const browser = () => browserAtOwnAddress(w);
const sessionCount = async (userId: string) =>
  rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from sessions where user_id = ${userId}`)))[0]!.n;
const cookieOf = (res: { headers: Record<string, unknown> }) => [res.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('tandem_session='));

describe('after sign-in, only a path on this site (open redirect)', () => {
  const hostile = [
    '/\t/evil.example/',
    '/\n/evil.example/',
    '\t//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example/',
    '//evil.example/',
    '/.//evil.example/',
    'https://evil.example/',
    'javascript:alert(1)',
    ' //evil.example',
    '/%0d%0aSet-Cookie:x=1',
    '/\r\nLocation: https://evil.example/',
  ];

  it('GET /sign-in?next=… never puts another site in the form', async () => {
    const c = browser();
    for (const next of ['/%09/evil.example/', '/%0A/evil.example/', '%5C%5Cevil.example', '/%5Cevil.example']) {
      const page = await c.get(`/sign-in?next=${next}`);
      assert.equal(page.status, 200);
      const value = /name="next" value="([^"]*)"/.exec(page.body)![1]!;
      assert.equal(new URL(value, 'http://tandem.test').host, 'tandem.test', `${next} → ${value}`);
      assert.ok(!value.startsWith('//'), value);
    }
  });

  it('POST /sign-in with a hostile next lands on this site, answers 303 (never 500) and writes one session', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    for (const next of hostile) {
      const before = await sessionCount(u.userId);
      const c = browser();
      await c.get('/sign-in');
      const res = await c.post('/sign-in', { email: u.email, password: PASSWORD, next });
      assert.equal(res.status, 303, JSON.stringify(next));
      const target = new URL(res.location!, 'http://tandem.test');
      assert.equal(target.host, 'tandem.test', `${JSON.stringify(next)} → ${res.location}`);
      assert.ok(!/[\r\n]/.test(res.location!));
      assert.equal(await sessionCount(u.userId), before + 1);
    }
  });

  it('keeps a real path, with its query, through the second factor', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'], totp: true });
    const c = browser();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: u.email, password: PASSWORD, next: '/people?q=Łucja Nowak' });
    assert.equal(res.location, `/sign-in/two-factor?next=${encodeURIComponent('/people?q=%C5%81ucja%20Nowak')}`);
    await c.get(res.location!);
    const second = await c.post('/sign-in/two-factor', { code: currentTotp(u.totpSecret!), next: '/people?q=%C5%81ucja%20Nowak' });
    assert.equal(second.location, '/people?q=%C5%81ucja%20Nowak');
  });
});

describe('the second factor locks after a few wrong codes (brute force with a known password)', () => {
  it('counts wrong codes across sign-ins, locks, ends pending sessions and tells the owner', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'], totp: true, locale: 'uk' });
    let last: { status: number; location?: string } = { status: 0 };
    for (let i = 0; i < 5; i++) {
      // A fresh sign-in each time, with the right password, from a new address: the count must not start over.
      const c = browser();
      await c.get('/sign-in');
      assert.equal((await c.post('/sign-in', { email: u.email, password: PASSWORD })).status, 303);
      await c.get('/sign-in/two-factor');
      last = await c.post('/sign-in/two-factor', { code: String(100000 + i) });
    }
    assert.equal(last.status, 303);
    assert.equal(last.location, '/sign-in', 'the fifth wrong code locks');
    const [c] = await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId)));
    assert.ok(c!.secondFactorLockedUntil! > new Date());
    assert.equal(await sessionCount(u.userId), 0, 'no half-signed-in session survives');
    const mails = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, u.email)));
    assert.equal(mails.length, 1, 'the owner is told someone knows the password');
    assert.equal(mails[0]!.locale, 'uk');

    const again = browser();
    await again.get('/sign-in?lang=en');
    const refused = await again.post('/sign-in', { email: u.email, password: PASSWORD });
    assert.equal(refused.status, 423);
    assert.match(refused.body, /signing in to it is locked for 15 minutes/);
  });

  it('a right code resets the count; each lock in a row lasts twice as long', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'], totp: true });
    const wrong = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const c = browser();
        await c.get('/sign-in');
        await c.post('/sign-in', { email: u.email, password: PASSWORD });
        await c.get('/sign-in/two-factor');
        await c.post('/sign-in/two-factor', { code: '000000' });
      }
    };
    await wrong(4);
    const ok = browser();
    await ok.signIn(u.email, { totpSecret: u.totpSecret });
    await wrong(4);
    let [c] = await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId)));
    assert.equal(c!.secondFactorLockedUntil, null, 'the right code in between started the count again');
    await wrong(1);
    await withSystem(w.db, (tx) => tx.update(credentials).set({ secondFactorLockedUntil: new Date(Date.now() - 1000) }).where(eq(credentials.userId, u.userId)));
    await wrong(5);
    [c] = await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId)));
    const minutes = Math.round((c!.secondFactorLockedUntil!.getTime() - Date.now()) / 60_000);
    assert.equal(minutes, 30, 'the second lock in a row lasts 30 minutes');
  });
});

describe('changing the second factor needs the current one', () => {
  it('starting a new set-up with TOTP on asks for a code and never switches TOTP off', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'], totp: true });
    const c = browser();
    await c.signIn(u.email, { totpSecret: u.totpSecret });
    await c.get('/account/security?lang=en');
    assert.equal((await c.post('/account/security/totp/start')).status, 422, 'no code: refused');
    assert.equal((await c.post('/account/security/totp/start', { currentCode: '000000' })).status, 422, 'wrong code: refused');
    let [cred] = await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId)));
    assert.equal(cred!.totpEnabled, true);
    assert.equal(cred!.totpSecret, u.totpSecret);
    assert.equal(cred!.totpPendingSecret, null);
    await c.get('/account/security');
    assert.equal((await c.post('/account/security/totp/start', { currentCode: currentTotp(u.totpSecret!, Date.now() + 30_000) })).status, 303);
    [cred] = await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId)));
    assert.equal(cred!.totpEnabled, true, 'the active authenticator keeps working until the new one is confirmed');
    assert.equal(cred!.totpSecret, u.totpSecret);
    assert.ok(cred!.totpPendingSecret);
    // (Codes already used are not accepted again; forget them so that the current one can show the old app works.)
    await withSystem(w.db, (tx) => tx.update(credentials).set({ totpLastStep: 0 }).where(eq(credentials.userId, u.userId)));
    const other = browser();
    await other.signIn(u.email, { totpSecret: u.totpSecret });
    assert.equal((await other.get('/people')).status, 200, 'still signs in with the old app');
  });

  it('switching TOTP off needs a code or a recovery code; a recovery code works once at sign-in', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = browser();
    await c.signIn(u.email);
    await c.get('/account/security');
    await c.post('/account/security/totp/start');
    const secret = /<code class="secret" dir="ltr">([A-Z2-7 ]+)<\/code>/.exec((await c.get('/account/security')).body)![1]!.replaceAll(' ', '');
    const confirmed = await c.post('/account/security/totp/confirm', { code: currentTotp(secret) });
    const codes = [...confirmed.body.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);

    const lost = browser();
    await lost.get('/sign-in');
    await lost.post('/sign-in', { email: u.email, password: PASSWORD });
    await lost.get('/sign-in/two-factor');
    assert.equal((await lost.post('/sign-in/two-factor', { code: codes[0]!.toUpperCase() })).status, 303, 'a recovery code instead of the app');
    const replay = browser();
    await replay.get('/sign-in');
    await replay.post('/sign-in', { email: u.email, password: PASSWORD });
    await replay.get('/sign-in/two-factor');
    assert.equal((await replay.post('/sign-in/two-factor', { code: codes[0]! })).status, 401, 'each recovery code works once');

    await c.get('/account/security');
    assert.equal((await c.post('/account/security/totp/disable', { disableCode: '' })).status, 422);
    assert.equal((await c.post('/account/security/totp/disable', { disableCode: 'aaaaa-bbbbb' })).status, 422);
    let [cred] = await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId)));
    assert.equal(cred!.totpEnabled, true);
    assert.equal((await c.post('/account/security/totp/disable', { disableCode: codes[1]! })).status, 303);
    [cred] = await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId)));
    assert.equal(cred!.totpEnabled, false);
  });
});

describe('a password reset or change ends every session and revokes API tokens and older links', () => {
  async function withEverything() {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const elsewhere = browser();
    await elsewhere.signIn(u.email);
    const { token } = await createAccessToken(w.db, { userId: u.userId, organisationId: w.org.id, name: 'script' });
    const api = () => w.t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: `Bearer ${token}` } });
    assert.equal((await api()).statusCode, 200);
    return { u, elsewhere, api };
  }
  const resetLink = async (email: string) => {
    const c = browser();
    await c.get('/password/forgot');
    await c.post('/password/forgot', { email });
    await w.t.worker.runDue(); // the mail is written in the background
    const rows = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(outbox.createdAt));
    return /http:\/\/tandem\.test(\/password\/reset\/[A-Za-z0-9_-]+)/.exec(rows.at(-1)!.textBody)![1]!;
  };

  it('after a reset: other sessions end, tokens stop working, an older reset link is dead', async () => {
    const { u, elsewhere, api } = await withEverything();
    const older = await resetLink(u.email);
    const newer = await resetLink(u.email);
    const c = browser();
    await c.get(newer);
    const done = await c.post(newer, { password: 'a completely new password', confirm: 'a completely new password' });
    assert.equal(done.status, 303);
    assert.equal((await elsewhere.get('/people')).status, 303, 'the other session ended');
    assert.equal((await api()).statusCode, 401, 'the API token was revoked');
    assert.equal((await browser().get(older)).status, 404, 'an older reset link no longer works');
    assert.match((await c.get('/?lang=en')).body, /1 API token was revoked/);
  });

  it('after a change: this browser stays signed in with a new session; every other session and token is gone', async () => {
    const { u, elsewhere, api } = await withEverything();
    const pending = await resetLink(u.email);
    const c = browser();
    await c.signIn(u.email);
    const oldCookie = c.cookies.get('tandem_session');
    await c.get('/account/security');
    const res = await c.post('/account/security/password', { current: PASSWORD, password: 'another long password', confirm: 'another long password' });
    assert.equal(res.status, 303);
    assert.notEqual(c.cookies.get('tandem_session'), oldCookie, 'the session is replaced');
    assert.equal((await c.get('/people')).status, 200);
    assert.equal((await elsewhere.get('/people')).status, 303);
    assert.equal((await api()).statusCode, 401);
    assert.equal((await browser().get(pending)).status, 404, 'a reset link asked for before the change is dead');
    const stolen = new TestClient(w.t.app);
    stolen.cookies.set('tandem_session', oldCookie!);
    assert.equal((await stolen.get('/people')).status, 303, 'the old cookie is worthless');
  });
});

describe('failed sign-ins: no lock-out of the owner, and no telling which addresses exist', () => {
  it('answers an unknown address exactly as a known one, throttles only that address from that client', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const attacker = browser();
    await attacker.get('/sign-in?lang=en');
    const normalise = (body: string, email: string) => body.replaceAll(email, 'EMAIL').replace(/value="[A-Za-z0-9_-]{40,}"/g, '').replace(/[0-9a-f-]{36}/g, '');
    const attempts = async (email: string) => {
      const out: string[] = [];
      const post = async (i: number) => {
        const res = await attacker.post('/sign-in', { email, password: `wrong password ${i}` });
        out.push(`${res.status} ${normalise(res.body, email)}`);
      };
      for (let i = 0; i < 6; i++) await post(i);
      // The wait is over: the next failure waits longer.
      await withSystem(w.db, (tx) => tx.execute(sql`update sign_in_throttle set blocked_until = now() - interval '1 second'`));
      await post(6);
      return out;
    };
    const known = await attempts(u.email);
    const unknown = await attempts('nobody-here@example.org');
    assert.deepEqual(known, unknown, 'the same answers for an address with and without an account');
    assert.deepEqual(known.map((k) => Number(k.slice(0, 3))), [401, 401, 401, 401, 429, 429, 429]);
    assert.match(known[4]!, /Try again in 1 minute\./);
    assert.match(known[5]!, /Try again in 1 minute\./, 'while waiting, attempts are not even checked');
    assert.match(known[6]!, /Try again in 2 minutes\./, 'longer each time');
    await withSystem(w.db, (tx) => tx.execute(sql`update sign_in_throttle set blocked_until = now() + interval '2 minutes'`));

    const owner = browser();
    await owner.get('/sign-in');
    assert.equal((await owner.post('/sign-in', { email: u.email, password: PASSWORD })).status, 303, 'the owner elsewhere is not locked out');
    assert.equal((await attacker.post('/sign-in', { email: u.email, password: PASSWORD })).status, 429, 'the throttled client waits, even with the right password');
    const other = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    assert.equal((await attacker.post('/sign-in', { email: other.email, password: PASSWORD })).status, 303, 'other addresses from the same client are not blocked');
  });
});

describe('session lifetimes', () => {
  async function signIn(roles: ('coordinator' | 'administrator')[], remember: boolean) {
    const u = await createUser(w.db, { organisationId: w.org.id, roles, totp: true });
    const c = browser();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: u.email, password: PASSWORD, ...(remember ? { remember: 'true' } : {}) });
    await c.get(res.location!);
    const second = await c.post('/sign-in/two-factor', { code: currentTotp(u.totpSecret!) });
    return { u, c, cookie: cookieOf(second)! };
  }
  const age = (userId: string, field: 'createdAt' | 'lastSeenAt', minutes: number) =>
    withSystem(w.db, (tx) => tx.update(sessions).set({ [field]: new Date(Date.now() - minutes * 60_000) }).where(eq(sessions.userId, userId)));

  it('without "remember me" the cookie ends with the browser and the session after 12 hours', async () => {
    const { u, c, cookie } = await signIn(['coordinator'], false);
    assert.doesNotMatch(cookie, /Max-Age|Expires/i);
    assert.match(cookie, /HttpOnly/i);
    await age(u.userId, 'createdAt', 11 * 60);
    assert.equal((await c.get('/people')).status, 200);
    await age(u.userId, 'createdAt', 12 * 60 + 1);
    assert.equal((await c.get('/people')).status, 303);
  });

  it('with "remember me" the cookie and the session last 7 days', async () => {
    const { u, c, cookie } = await signIn(['coordinator'], true);
    assert.match(cookie, /Max-Age=604800/);
    await age(u.userId, 'createdAt', 6 * 24 * 60);
    assert.equal((await c.get('/people')).status, 200);
  });

  it('an administrator is never remembered and is signed out after an hour without activity', async () => {
    const { u, c, cookie } = await signIn(['administrator'], true);
    assert.doesNotMatch(cookie, /Max-Age|Expires/i, '"remember me" does not apply to administrators');
    assert.equal((await c.get('/admin/users')).status, 200);
    await age(u.userId, 'lastSeenAt', 50);
    assert.equal((await c.get('/admin/users')).status, 200);
    await age(u.userId, 'lastSeenAt', 61);
    assert.equal((await c.get('/admin/users')).status, 303);
  });
});

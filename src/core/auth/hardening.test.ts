/**
 * Issue 10, second round: what an attacker found after the first fixes — a spoofed X-Forwarded-For, guessing codes
 * and passwords from a stolen session, "administrator" judged per organisation, the API reached with a session by
 * spelling its path differently, the reset form's timing, sessions surviving two-factor changes, NUL bytes, IPv6.
 *   npm test -- src/core/auth/hardening.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../db/tx.js';
import { loggableError } from '../http/errors.js';
import { outbox } from '../mail/mail.table.js';
import { TestClient } from '../testing/client.js';
import { createOrganisation, createUser, PASSWORD } from '../testing/fixtures.js';
import { browserAtOwnAddress, useWorld } from '../testing/world.js';
import { memberships, people } from '../tenancy/tenancy.table.js';
import { resetSecondFactor } from './account.service.js';
import { credentials, sessions } from './auth.table.js';
import { RESETS_PER_HOUR } from './email-links.service.js';
import { clientKey } from './throttle.js';
import { currentTotp } from './totp.js';

const w = useWorld({ env: { TRUST_PROXY: '1' }, org: { slug: 'alpha', name: 'Ośrodek Alfa' } });

let n = 0;
const browser = () => browserAtOwnAddress(w);
const sessionsOf = async (userId: string) => (await withSystem(w.db, (tx) => tx.select().from(sessions).where(eq(sessions.userId, userId)))).length;
const credentialsOf = async (userId: string) => (await withSystem(w.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, userId))))[0]!;

describe('behind a proxy, the client address is the one the proxy saw', () => {
  it('a client writing its own X-Forwarded-For entries is still throttled', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      // The proxy appends the address it saw (203.0.113.7); what the client wrote comes first.
      const c = new TestClient(w.t.app, { 'x-forwarded-for': `10.9.${i}.${i + 1}, 203.0.113.7` });
      await c.get('/sign-in');
      statuses.push((await c.post('/sign-in', { email: u.email, password: `guess number ${i}` })).status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429, 429]);
  });

  it('an IPv6 client is one /64 network, and an IPv4-mapped address is its IPv4 address', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
    assert.equal(clientKey('2001:0db8:0001:0002:0000:0000:0000:0001'), '2001:db8:1:2::/64');
    assert.equal(clientKey('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(clientKey('192.0.2.1'), '192.0.2.1');
  });
});

describe('a stolen session cannot guess the second factor or the password', () => {
  it('wrong codes on the security page count like at sign-in: after five, every session ends and the owner is told', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'], totp: true });
    const thief = browser();
    await thief.signIn(u.email, { totpSecret: u.totpSecret });
    const owner = browser();
    await withSystem(w.db, (tx) => tx.update(credentials).set({ totpLastStep: 0 }).where(eq(credentials.userId, u.userId)));
    await owner.signIn(u.email, { totpSecret: u.totpSecret });
    const forms = ['/account/security/recovery-codes', '/account/security/totp/start', '/account/security/recovery-codes', '/account/security/totp/disable'];
    const fields: Record<string, string> = { '/account/security/recovery-codes': 'recoveryCode', '/account/security/totp/start': 'currentCode', '/account/security/totp/disable': 'disableCode' };
    for (const form of forms) {
      await thief.get('/account/security');
      assert.equal((await thief.post(form, { [fields[form]!]: '100200' })).status, 422, form);
    }
    await thief.get('/account/security');
    const fifth = await thief.post('/account/security/recovery-codes', { recoveryCode: 'aaaaa-bbbbb' });
    assert.equal(fifth.status, 303);
    assert.equal(fifth.location, '/sign-in');
    assert.ok((await credentialsOf(u.userId)).secondFactorLockedUntil! > new Date(), 'locked');
    assert.equal(await sessionsOf(u.userId), 0, 'the guessing session and every other one ended');
    assert.equal((await owner.get('/people')).status, 303);
    const told = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, u.email)));
    assert.equal(told.length, 1);
  });

  it('the current password on the security page is throttled like the sign-in form', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const thief = browser();
    await thief.signIn(u.email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      await thief.get('/account/security');
      statuses.push((await thief.post('/account/security/password', { current: `guess ${i} guess`, password: 'a new long password', confirm: 'a new long password' })).status);
    }
    assert.deepEqual(statuses, [422, 422, 422, 422, 429, 429]);
    await thief.get('/account/security');
    assert.equal((await thief.post('/account/security/password', { current: PASSWORD, password: 'a new long password', confirm: 'a new long password' })).status, 429, 'even the right one waits');
  });
});

describe('the stricter rules for administrators follow the person, not the organisation of the session', () => {
  async function adminAlsoElsewhere() {
    const other = await createOrganisation(w.db, `other-${++n}`, 'Fundacja Inna');
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['administrator'], totp: true });
    await withSystem(w.db, async (tx) => {
      const [p] = await tx.insert(people).values({ organisationId: other.id, givenName: 'Adam', familyName: 'Admin', userId: u.userId }).returning();
      await tx.insert(memberships).values({ organisationId: other.id, personId: p!.id, role: 'volunteer' });
    });
    const c = browser();
    await c.signIn(u.email, { totpSecret: u.totpSecret });
    await c.get('/');
    assert.equal((await c.post('/organisation/switch', { organisationId: other.id })).status, 303);
    return { u, c };
  }

  it('an administrator cannot switch two-factor off from another organisation', async () => {
    const { u, c } = await adminAlsoElsewhere();
    await c.get('/account/security');
    assert.equal((await c.post('/account/security/totp/disable', { disableCode: currentTotp(u.totpSecret!, Date.now() + 30_000) })).status, 403);
    assert.equal((await credentialsOf(u.userId)).totpEnabled, true);
  });

  it("an administrator's session ends after an hour without activity, whichever organisation it is in", async () => {
    const { u, c } = await adminAlsoElsewhere();
    await withSystem(w.db, (tx) => tx.update(sessions).set({ lastSeenAt: new Date(Date.now() - 61 * 60_000) }).where(eq(sessions.userId, u.userId)));
    assert.equal((await c.get('/account')).status, 303);
  });
});

describe('the JSON API never takes a session cookie', () => {
  it('however the path is spelled: no data, no change, no need for a CSRF token', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = browser();
    await c.signIn(u.email);
    const count = async () => rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from people where given_name = 'Csrf'`)))[0]!.n;
    for (const path of ['/api/v1/people', '/%61pi/v1/people', '/%61%70%69/v1/people']) {
      const read = await c.get(path);
      assert.equal(read.status, 401, path);
      assert.equal(read.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED');
      const write = await c.request('POST', path, { givenName: 'Csrf', familyName: 'Made', locale: 'pl' });
      assert.equal(write.status, 401, path);
    }
    assert.equal(await count(), 0);
  });
});

describe('forgotten password', () => {
  it('answers the same way for any address and sends at most three mails an hour to one account', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = browser();
    await c.get('/password/forgot');
    const known = await c.post('/password/forgot', { email: u.email });
    const unknown = await c.post('/password/forgot', { email: 'nobody-at-all@example.org' });
    assert.deepEqual([known.status, known.location], [unknown.status, unknown.location]);
    const mails = async () => (await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, u.email)))).length;
    assert.equal(await mails(), 0, 'nothing is written while the form answers');
    await w.t.worker.runDue();
    assert.equal(await mails(), 1);
    for (let i = 0; i < RESETS_PER_HOUR + 2; i++) await c.post('/password/forgot', { email: u.email });
    await w.t.worker.runDue();
    assert.equal(await mails(), RESETS_PER_HOUR);
    const jobs = rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from jobs where kind = 'auth.password_reset' and status <> 'done'`)))[0]!.n;
    assert.equal(jobs, 0);
  });
});

describe('two-factor changes end the other sessions', () => {
  it('turning it on, and a set-up begun in one browser is invisible to the others', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const stolen = browser();
    await stolen.signIn(u.email);
    const owner = browser();
    await owner.signIn(u.email);
    await owner.get('/account/security');
    await owner.post('/account/security/totp/start');
    const page = (await owner.get('/account/security')).body;
    const secret = /<code class="secret" dir="ltr">([A-Z2-7 ]+)<\/code>/.exec(page)![1]!.replaceAll(' ', '');
    const elsewhere = await stolen.get('/account/security?lang=en');
    assert.doesNotMatch(elsewhere.body, /class="secret"/, 'the key is shown only in the browser that started the set-up');
    assert.match(elsewhere.body, /started in another browser/);
    assert.equal((await stolen.post('/account/security/totp/confirm', { code: currentTotp(secret) })).status, 422, 'and only it may confirm');
    await owner.get('/account/security');
    assert.equal((await owner.post('/account/security/totp/confirm', { code: currentTotp(secret) })).status, 200);
    assert.equal((await stolen.get('/people')).status, 303, 'the other session ended');
    assert.equal((await owner.get('/people')).status, 200);
  });
});

describe('bad bytes', () => {
  it('a NUL in the sign-in address or an organisation address is a plain refusal, not a server error', async () => {
    const c = browser();
    await c.get('/sign-in');
    assert.equal((await c.post('/sign-in', { email: 'victim@example.org\u0000', password: 'whatever it is' })).status, 422);
    for (const path of ['/o/%00', '/o/%00/apply', '/o/%00/request', '/o/Alpha', '/o/al%2Fpha/apply']) assert.equal((await c.get(path)).status, 404, path);
  });

  it('a failed query is logged without the values it carried', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021', detail: 'Key (email)=(victim@example.org)' });
    const err = Object.assign(new Error('Failed query: select * from users where email = $1\nparams: victim@example.org'), { cause });
    const logged = JSON.stringify(loggableError(err));
    assert.doesNotMatch(logged, /victim/);
    assert.match(logged, /Failed query: select \* from users where email = \$1/);
    assert.match(logged, /22021/);
  });
});

describe('the operator resets two-factor for someone who lost phone and codes', () => {
  it('turns it off and ends the sessions; an administrator sets it up again at the next sign-in', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['administrator'], totp: true });
    const c = browser();
    await c.signIn(u.email, { totpSecret: u.totpSecret });
    assert.equal(await resetSecondFactor(w.db, u.email.toUpperCase()), true);
    assert.equal(await resetSecondFactor(w.db, 'nobody@example.org'), false);
    assert.equal((await c.get('/people')).status, 303);
    const again = browser();
    await again.signIn(u.email);
    assert.equal((await again.get('/people')).location, '/account/security', 'set it up again first');
  });
});

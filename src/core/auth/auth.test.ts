import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { useWorld } from '../testing/world.js';
import { createUser, PASSWORD } from '../testing/fixtures.js';
import { TestClient } from '../testing/client.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { outbox } from '../mail/mail.table.js';
import { currentTotp } from './totp.js';
import { sessions } from './auth.table.js';
import { inviteMember } from './invitations.service.js';

const w = useWorld({ org: { slug: 'alpha', name: 'Ośrodek Alfa' } });

const lastMailTo = async (to: string) => {
  const rows = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, to)));
  return rows.at(-1)!;
};
const sessionCount = async (userId: string) => (await withSystem(w.db, (tx) => tx.select().from(sessions).where(eq(sessions.userId, userId)))).length;
const peopleCount = async () => rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from people`)))[0]!.n;
const linkIn = (text: string, path: string) => new RegExp(`http://tandem\\.test(${path}/[A-Za-z0-9_-]+)`).exec(text)![1]!;

describe('sign-in and sign-out', () => {
  it('signs in, rotates the session cookie, and signs out', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'], name: 'Zofia Wiśniewska' });
    const c = new TestClient(w.t.app);
    await c.get('/sign-in');
    c.cookies.set('tandem_session', 'planted-by-an-attacker');
    const res = await c.post('/sign-in', { email: u.email, password: PASSWORD });
    assert.equal(res.status, 303);
    const cookie = [res.headers['set-cookie']].flat().find((s) => String(s).startsWith('tandem_session='))!;
    assert.match(String(cookie), /HttpOnly/i);
    assert.match(String(cookie), /SameSite=Lax/i);
    assert.notEqual(c.cookies.get('tandem_session'), 'planted-by-an-attacker');
    const home = await c.get('/');
    assert.match(home.body, /Zofia Wiśniewska/);
    await c.post('/sign-out');
    assert.equal((await c.get('/people')).status, 303, 'signed out: protected pages redirect to sign-in');
  });

  it('refuses a wrong password with a message in the user language and writes no session', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = new TestClient(w.t.app);
    await c.get('/sign-in?lang=pl');
    const before = rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from sessions`)))[0]!.n;
    const res = await c.post('/sign-in', { email: u.email, password: 'wrong password!' });
    assert.equal(res.status, 401);
    assert.match(res.body, /lang="pl"/);
    assert.doesNotMatch(res.body, /The e-mail address or the password is not right/, 'translated, not English');
    const afterCount = rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from sessions`)))[0]!.n;
    assert.equal(afterCount, before);
  });

  it('does not follow an external next= after sign-in', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = new TestClient(w.t.app);
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: u.email, password: PASSWORD, next: '//evil.example/' });
    assert.equal(res.location, '/');
  });
});

describe('two-factor sign-in (TOTP)', () => {
  it('asks for the code, refuses a wrong or replayed code, accepts the right one', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'], totp: true });
    const c = new TestClient(w.t.app);
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: u.email, password: PASSWORD });
    assert.match(res.location!, /^\/sign-in\/two-factor/);
    assert.equal((await c.get('/people')).location, '/sign-in/two-factor', 'nothing else until the second factor');
    await c.get('/sign-in/two-factor');
    assert.equal((await c.post('/sign-in/two-factor', { code: '000000' })).status, 401);
    const code = currentTotp(u.totpSecret!);
    assert.equal((await c.post('/sign-in/two-factor', { code })).status, 303);
    assert.equal((await c.get('/people')).status, 200);

    const other = new TestClient(w.t.app);
    await other.get('/sign-in');
    await other.post('/sign-in', { email: u.email, password: PASSWORD });
    await other.get('/sign-in/two-factor');
    assert.equal((await other.post('/sign-in/two-factor', { code })).status, 401, 'a used code cannot be replayed');
  });

  it('sends an administrator without TOTP to set it up, and lets them in once it is on', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['administrator'] });
    const c = new TestClient(w.t.app);
    await c.signIn(u.email);
    assert.equal((await c.get('/people')).location, '/account/security');
    await c.get('/account/security');
    await c.post('/account/security/totp/start');
    const page = await c.get('/account/security');
    const secret = /<code class="secret" dir="ltr">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replaceAll(' ', '');
    assert.match(page.body, /<img src="data:image\/png;base64,/);
    assert.equal((await c.post('/account/security/totp/confirm', { code: '123456' })).status, 422);
    const confirmed = await c.post('/account/security/totp/confirm', { code: currentTotp(secret) });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.match(/<li><code>[a-z0-9]{5}-[a-z0-9]{5}<\/code><\/li>/g)?.length, 10, 'ten recovery codes, shown once');
    assert.equal((await c.get('/people')).status, 200);
    assert.equal((await c.post('/account/security/totp/disable', { disableCode: currentTotp(secret, Date.now() + 30_000) })).status, 403, 'administrators keep TOTP');
  });
});

describe('invitations and password reset', () => {
  it('an invitation link sets the password once and signs the person in', async () => {
    const admin = await createUser(w.db, { organisationId: w.org.id, roles: ['administrator'], totp: true });
    await inviteMember(w.db, { organisationId: w.org.id, userId: admin.userId }, { email: 'olena@example.org', givenName: 'Олена', familyName: 'Коваленко', role: 'volunteer', locale: 'uk' }, 'http://tandem.test');
    const mail = await lastMailTo('olena@example.org');
    assert.equal(mail.locale, 'uk');
    assert.match(mail.subject, /Ośrodek Alfa/);
    const path = linkIn(mail.textBody, '/invitation');
    const c = new TestClient(w.t.app);
    assert.equal((await c.get(path)).status, 200);
    assert.equal((await c.post(path, { password: 'short', confirm: 'short' })).status, 422);
    const ok = await c.post(path, { password: 'нове-дуже-довге-гасло', confirm: 'нове-дуже-довге-гасло' });
    assert.equal(ok.status, 303);
    assert.match((await c.get('/')).body, /Олена Коваленко/);
    const replay = new TestClient(w.t.app);
    assert.equal((await replay.get(path)).status, 404, 'a used link is refused');
    await replay.get('/sign-in');
    assert.equal((await replay.post('/sign-in', { email: 'olena@example.org', password: 'нове-дуже-довге-гасло' })).status, 303);
  });

  it('a reset link changes the password, ends other sessions, and cannot be reused', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const elsewhere = new TestClient(w.t.app);
    await elsewhere.signIn(u.email);
    const c = new TestClient(w.t.app);
    await c.get('/password/forgot');
    assert.equal((await c.post('/password/forgot', { email: 'nobody@example.org' })).status, 303, 'same answer for unknown addresses');
    assert.equal((await c.post('/password/forgot', { email: u.email })).status, 303);
    await w.t.worker.runDue(); // the mail is written in the background
    const path = linkIn((await lastMailTo(u.email)).textBody, '/password/reset');
    await c.get(path);
    assert.equal((await c.post(path, { password: 'a brand new password', confirm: 'a brand new password' })).status, 303);
    assert.equal((await elsewhere.get('/people')).status, 303, 'the other session ended');
    assert.equal((await new TestClient(w.t.app).get(path)).status, 404);
    const again = new TestClient(w.t.app);
    await again.get('/sign-in');
    assert.equal((await again.post('/sign-in', { email: u.email, password: 'a brand new password' })).status, 303);
  });

  it('an expired link is refused', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = new TestClient(w.t.app);
    await c.get('/password/forgot');
    await c.post('/password/forgot', { email: u.email });
    await w.t.worker.runDue();
    const path = linkIn((await lastMailTo(u.email)).textBody, '/password/reset');
    await withSystem(w.db, (tx) => tx.execute(sql`update email_tokens set expires_at = now() - interval '1 minute' where user_id = ${u.userId}`));
    assert.equal((await c.get(path)).status, 404);
  });

  // Over 100 characters is longer than any token we issue; over 200 the router itself refuses the path (400).
  it('a mangled or over-long link says the link is not valid (404), as an unknown one does', async () => {
    const c = new TestClient(w.t.app);
    for (const path of ['/password/reset/unknown-token', `/password/reset/${'x'.repeat(150)}`, `/invitation/${'x'.repeat(150)}`]) {
      const page = await c.get(`${path}?lang=en`);
      assert.equal(page.status, 404, path);
      assert.match(page.body, /link/i, `${path} explains the link`);
    }
    await c.get('/password/forgot'); // a page with a form, for the CSRF token
    const posted = await c.post(`/password/reset/${'x'.repeat(150)}`, { password: 'a new password here' });
    assert.equal(posted.status, 404);
  });
});

describe('sessions', () => {
  it('an expired session is not accepted', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = new TestClient(w.t.app);
    await c.signIn(u.email);
    await withSystem(w.db, (tx) => tx.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, u.userId)));
    assert.equal((await c.get('/people')).status, 303);
  });

  it('a session cookie copied before sign-out is dead after it: no page, no form, no API', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const c = new TestClient(w.t.app);
    await c.signIn(u.email);
    const stolen = new TestClient(w.t.app);
    stolen.cookies = new Map(c.cookies);
    assert.equal((await stolen.get('/people')).status, 200, 'the copy works while the session lives');
    assert.equal((await stolen.get('/people/new')).status, 200);
    assert.ok(stolen.csrf, 'the copy has read a form');
    await c.post('/sign-out');
    assert.equal(await sessionCount(u.userId), 0);
    const page = await stolen.get('/people');
    assert.deepEqual([page.status, page.location], [303, '/sign-in?next=%2Fpeople']);
    // The copy still holds a CSRF token read while signed in: the form is refused all the same, and no person is added.
    const before = await peopleCount();
    assert.notEqual((await stolen.post('/people/new', { givenName: 'Ktoś', familyName: 'Obcy', locale: 'pl' })).status, 303);
    assert.equal(await peopleCount(), before);
    const api = await w.t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { cookie: `tandem_session=${stolen.cookies.get('tandem_session') ?? ''}` } });
    assert.equal(api.statusCode, 401);
  });
});

describe('inviting someone already on record', () => {
  it('invites the existing person instead of creating a twin, and links the account when they accept', async () => {
    const admin = await createUser(w.db, { organisationId: w.org.id, roles: ['administrator'] });
    await withSystem(w.db, (tx) => tx.execute(sql`insert into people (organisation_id, given_name, family_name, email) values (${w.org.id}, 'Omar', 'Haddad', 'omar@example.org')`));
    await inviteMember(w.db, { organisationId: w.org.id, userId: admin.userId }, { email: 'omar@example.org', givenName: 'Omar', familyName: 'Haddad', role: 'volunteer', locale: 'ar' }, 'http://tandem.test');
    const people = async () => rowsOf<{ user_id: string | null }>(await withSystem(w.db, (tx) => tx.execute(sql`select user_id from people where email = 'omar@example.org'`)));
    assert.equal((await people()).length, 1);
    assert.equal((await people())[0]!.user_id, null, 'no account before the invitation is accepted');
    const path = linkIn((await lastMailTo('omar@example.org')).textBody, '/invitation');
    const c = new TestClient(w.t.app);
    await c.get(path);
    assert.equal((await c.post(path, { password: 'كلمة مرور طويلة جدا', confirm: 'كلمة مرور طويلة جدا' })).status, 303);
    assert.equal((await people()).length, 1);
    assert.ok((await people())[0]!.user_id);
  });
});

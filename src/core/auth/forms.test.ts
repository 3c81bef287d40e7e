import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../db/tx.js';
import { testApp } from '../testing/harness.js';
import { useApp } from '../testing/world.js';
import { createOrganisation, createUser, PASSWORD } from '../testing/fixtures.js';
import { TestClient } from '../testing/client.js';
import { users } from './auth.table.js';

/** Bad input on every form of the platform: a message next to the field, in the user's language, nothing written. */
const t = useApp();
let u: Awaited<ReturnType<typeof createUser>>;
before(async () => {
  const org = await createOrganisation(t.database.db, 'forms-org');
  u = await createUser(t.database.db, { organisationId: org.id, roles: ['coordinator'], name: 'Anna Nowak' });
});

const fieldError = (body: string, field: string) => new RegExp(`id="f-${field}-error"`).test(body);

/** A browser signed in as the coordinator that has loaded the form at `path` (its token goes with the next POST). */
async function signedInAt(path: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.signIn(u.email);
  await c.get(path);
  return c;
}

describe('account forms', () => {
  it('profile: empty name and unknown language are refused, nothing changes', async () => {
    const c = await signedInAt('/account');
    const res = await c.post('/account', { displayName: '   ', locale: 'xx' });
    assert.equal(res.status, 422);
    assert.ok(fieldError(res.body, 'displayName') && fieldError(res.body, 'locale'));
    const [row] = await withSystem(t.database.db, (tx) => tx.select().from(users).where(eq(users.id, u.userId)));
    assert.equal(row!.displayName, 'Anna Nowak');
    const ok = await c.post('/account', { displayName: 'Anna Nowak-Kowalska', locale: 'de' });
    assert.equal(ok.status, 303);
    assert.match((await c.get('/account')).body, /<html lang="de"/, 'the account language now decides');
  });

  it('password change: wrong current password, mismatch and too short are refused', async () => {
    const c = await signedInAt('/account/security');
    const wrong = await c.post('/account/security/password', { current: 'not my password', password: 'a new long password', confirm: 'a new long password' });
    assert.equal(wrong.status, 422);
    assert.ok(fieldError(wrong.body, 'current'));
    const mismatch = await c.post('/account/security/password', { current: PASSWORD, password: 'a new long password', confirm: 'another long password' });
    assert.ok(fieldError(mismatch.body, 'confirm'));
    const short = await c.post('/account/security/password', { current: PASSWORD, password: 'short', confirm: 'short' });
    assert.ok(fieldError(short.body, 'password'));
    const same = new TestClient(t.app);
    await same.signIn(u.email); // the password did not change
  });

  it('tokens: a name is required, days within 1–365; a created token is shown once and works', async () => {
    const c = await signedInAt('/account/tokens');
    const bad = await c.post('/account/tokens', { name: '', days: '9999' });
    assert.equal(bad.status, 422);
    assert.ok(fieldError(bad.body, 'name') && fieldError(bad.body, 'days'));
    const created = await c.post('/account/tokens', { name: 'Raporty', days: '30' });
    assert.equal(created.status, 201);
    const token = /id="new-token">(tdm_[A-Za-z0-9_-]+)</.exec(created.body)![1]!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.json().email, u.email);
    assert.doesNotMatch((await c.get('/account/tokens')).body, new RegExp(token), 'never shown again');
    const id = rowsOf<{ id: string }>(await withSystem(t.database.db, (tx) => tx.execute(sql`select id from access_tokens where name = 'Raporty'`)))[0]!.id;
    await c.post(`/account/tokens/${id}/revoke`);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
  });

  it('tokens: days typed in Arabic-Indic digits are read (a text field with a numeric keyboard, not a number field)', async () => {
    const c = new TestClient(t.app);
    await c.signIn(u.email);
    const page = await c.get('/account/tokens');
    assert.match(page.body, /name="days" type="text" value="90"[^>]* inputmode="numeric"/, 'type="number" would empty "٣٠" in Chromium');
    const before = Date.now();
    assert.equal((await c.post('/account/tokens', { name: 'تقارير', days: '٣٠' })).status, 201);
    const [row] = rowsOf<{ expires_at: string | Date }>(await withSystem(t.database.db, (tx) => tx.execute(sql`select expires_at from access_tokens where name = 'تقارير'`)));
    const days = (new Date(row!.expires_at).getTime() - before) / 86400_000;
    assert.ok(days > 29.99 && days < 30.01, `expires in ${days} days`);
  });

  it('forgot password: an invalid address gets a message next to the field', async () => {
    const c = new TestClient(t.app);
    await c.get('/password/forgot?lang=en');
    const res = await c.post('/password/forgot', { email: 'not an address' });
    assert.equal(res.status, 422);
    assert.ok(fieldError(res.body, 'email'));
  });
});

describe('first-administrator set-up', () => {
  it('exists only on an empty installation, validates, and creates one organisation and administrator', async () => {
    const empty = await testApp();
    try {
      const c = new TestClient(empty.app);
      assert.equal((await c.get('/')).location, '/setup');
      await c.get('/setup');
      const bad = await c.post('/setup', { organisationName: '', slug: 'Not A Slug!', displayName: 'Ewa', email: 'nope', password: 'short', confirm: 'other' });
      assert.equal(bad.status, 422);
      for (const f of ['organisationName', 'slug', 'email', 'password', 'confirm']) assert.ok(fieldError(bad.body, f), f);
      assert.doesNotMatch(bad.body, /value="short"/, 'passwords are never echoed back');
      assert.equal(rowsOf<{ n: number }>(await withSystem(empty.database.db, (tx) => tx.execute(sql`select count(*)::int as n from organisations`)))[0]!.n, 0);
      const ok = await c.post('/setup', { organisationName: 'Fundacja Łączy Nas', slug: 'laczy-nas', displayName: 'Ewa Kowalska', email: 'ewa@example.org', password: 'a long enough password', confirm: 'a long enough password' });
      assert.equal(ok.location, '/account/security');
      assert.equal((await new TestClient(empty.app).get('/setup')).status, 404, 'set-up is gone once there is an account');
    } finally {
      await empty.close();
    }
  });
});

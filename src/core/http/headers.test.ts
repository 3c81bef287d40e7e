/**
 * Issue 10, item 11: HSTS whenever Tandem is reached over TLS (not only with NODE_ENV=production), and no cached copy
 * of any answer that carries personal data — JSON included.
 *   npm test -- src/core/http/headers.test.ts
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createAccessToken } from '../auth/access-tokens.js';
import { createOrganisation, createUser, PASSWORD } from '../testing/fixtures.js';
import { testApp, type TestApp } from '../testing/harness.js';

const apps: TestApp[] = [];
after(() => Promise.all(apps.map((a) => a.close())));
const app = async (env: Record<string, string> = {}) => {
  const t = await testApp(env);
  apps.push(t);
  return t;
};

describe('Strict-Transport-Security', () => {
  it('is sent behind a TLS-terminating proxy and at an https address, not on plain http', async () => {
    const plain = await app();
    assert.equal((await plain.app.inject({ url: '/sign-in' })).headers['strict-transport-security'], undefined);
    for (const env of [{ TRUST_PROXY: '1' }, { BASE_URL: 'https://tandem.example.org' }] as Record<string, string>[]) {
      const tls = await app(env);
      const res = await tls.app.inject({ url: '/sign-in' });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', JSON.stringify(env));
    }
  });
});

describe('Cookies over TLS', () => {
  const cookie = (setCookie: string | string[] | undefined, name: string) => [setCookie ?? []].flat().find((c) => c.startsWith(`${name}=`));
  it('the session and the CSRF cookie are Secure behind a TLS-terminating proxy, and not on plain http', async () => {
    const tls = await app({ TRUST_PROXY: '1' });
    const org = await createOrganisation(tls.database.db, 'tls');
    const u = await createUser(tls.database.db, { organisationId: org.id, roles: ['coordinator'] });
    const https = { 'x-forwarded-proto': 'https' };
    const page = await tls.app.inject({ url: '/sign-in', headers: https });
    const csrf = cookie(page.headers['set-cookie'], 'tandem_csrf');
    assert.match(csrf ?? '', /; Secure/, 'the CSRF cookie over TLS');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const signIn = await tls.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { ...https, 'content-type': 'application/x-www-form-urlencoded', cookie: csrf!.split(';')[0]! },
      payload: new URLSearchParams({ _csrf: token, email: u.email, password: PASSWORD }).toString(),
    });
    assert.equal(signIn.statusCode, 303);
    assert.match(cookie(signIn.headers['set-cookie'], 'tandem_session') ?? '', /; Secure/, 'the session cookie over TLS');
    const plain = await app();
    assert.doesNotMatch(cookie((await plain.app.inject({ url: '/sign-in' })).headers['set-cookie'], 'tandem_csrf') ?? 'missing', /Secure|missing/, 'plain http (development) keeps working');
  });
});

describe('Cache-Control', () => {
  it('is no-store on pages, API answers with personal data, errors and redirects; static files may be cached', async () => {
    const t = await app();
    const org = await createOrganisation(t.database.db, 'alpha');
    const u = await createUser(t.database.db, { organisationId: org.id, roles: ['coordinator'] });
    const { token } = await createAccessToken(t.database.db, { userId: u.userId, organisationId: org.id, name: 'script' });
    const auth = { authorization: `Bearer ${token}` };
    for (const [url, headers] of [
      ['/api/v1/people', auth],
      ['/api/v1/people/00000000-0000-0000-0000-000000000000', auth],
      ['/api/v1/people', {}],
      ['/sign-in', {}],
      ['/people', {}],
    ] as const) {
      const res = await t.app.inject({ url, headers });
      assert.equal(res.headers['cache-control'], 'no-store', `${url} ${res.statusCode}`);
    }
    assert.notEqual((await t.app.inject({ url: '/static/app.css' })).headers['cache-control'], 'no-store');
  });
});

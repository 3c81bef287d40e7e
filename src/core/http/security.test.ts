import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { rowsOf, withSystem } from '../db/tx.js';
import { testApp } from '../testing/harness.js';
import { useApp } from '../testing/world.js';
import { createOrganisation, createUser } from '../testing/fixtures.js';
import { TestClient } from '../testing/client.js';
import { createAccessToken } from '../auth/access-tokens.js';

const t = useApp();
let orgId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;
let token: string;
before(async () => {
  orgId = (await createOrganisation(t.database.db, 'sec')).id;
  coordinator = await createUser(t.database.db, { organisationId: orgId, roles: ['coordinator'] });
  token = (await createAccessToken(t.database.db, { userId: coordinator.userId, organisationId: orgId, name: 'test' })).token;
});

const countPeople = async () => rowsOf<{ n: number }>(await withSystem(t.database.db, (tx) => tx.execute(sql`select count(*)::int as n from people`)))[0]!.n;
const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: string | Buffer, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers } });

describe('CSRF', () => {
  it('refuses a form post without a valid token and writes nothing', async () => {
    const c = new TestClient(t.app);
    await c.signIn(coordinator.email);
    const before = await countPeople();
    const missing = await c.request('POST', '/people/new', { givenName: 'Jan', familyName: 'Kowalski', locale: 'pl' });
    assert.equal(missing.status, 403);
    const forged = await c.request('POST', '/people/new', { _csrf: 'forged-token', givenName: 'Jan', familyName: 'Kowalski', locale: 'pl' });
    assert.equal(forged.status, 403);
    assert.doesNotMatch(forged.body, /at \w+ \(|node_modules|Error:/, 'no stack trace');
    assert.equal(await countPeople(), before);
  });

  it('a token from another session does not work', async () => {
    const a = new TestClient(t.app);
    await a.signIn(coordinator.email);
    await a.get('/people/new');
    const b = new TestClient(t.app);
    await b.signIn(coordinator.email);
    const res = await b.request('POST', '/people/new', { _csrf: a.csrf, givenName: 'Jan', familyName: 'Kowalski', locale: 'pl' });
    assert.equal(res.status, 403);
  });
});

describe('headers', () => {
  it('sends a strict CSP without inline scripts and the usual security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'same-origin');
    assert.doesNotMatch(res.body, /<script>|<script [^>]*>[^<]/, 'no inline script in pages');
  });

  it('answers /healthz with the database engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite' });
  });
});

describe('deny by default', () => {
  it('refuses to register a route that does not say who may call it', async () => {
    const app = Fastify();
    app.addHook('onRoute', (route) => {
      if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} does not declare who may call it`);
    });
    assert.throws(() => app.get('/oops', async () => 'x'), /does not declare/);
  });

  it('the API needs a token; a session cookie is not enough', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/people' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'UNAUTHENTICATED');
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: 'Bearer tdm_not-a-real-token' } });
    assert.equal(revoked.statusCode, 401);
  });

  it('reads the bearer scheme in any case, as HTTP says; another scheme is no token', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: `${scheme} ${token}` } });
      assert.equal(res.statusCode, 200, `${scheme}: ${res.body}`);
    }
    for (const header of [`Basic ${token}`, `Bearer${token}`, `Token ${token}`, token]) {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: header } })).statusCode, 401, header.slice(0, 8));
    }
  });
});

describe('bad input on the API: a clear 4xx, nothing written, no stack trace', () => {
  const cases: [string, () => ReturnType<typeof api>, number, string][] = [
    ['malformed JSON', () => api('POST', '/api/v1/people', '{"givenName": "Jan",'), 400, 'BAD_REQUEST'],
    ['wrong types', () => api('POST', '/api/v1/people', JSON.stringify({ givenName: 42, familyName: ['x'], locale: 'pl' })), 422, 'VALIDATION'],
    ['unknown fields', () => api('POST', '/api/v1/people', JSON.stringify({ givenName: 'Jan', familyName: 'K', locale: 'pl', isAdmin: true })), 422, 'VALIDATION'],
    ['oversized body', () => api('POST', '/api/v1/people', JSON.stringify({ givenName: 'x'.repeat(600_000), familyName: 'K', locale: 'pl' })), 413, 'PAYLOAD_TOO_LARGE'],
    ['a 100 KB name', () => api('POST', '/api/v1/people', JSON.stringify({ givenName: 'x'.repeat(100_000), familyName: 'K', locale: 'pl' })), 422, 'VALIDATION'],
    ['invalid UTF-8', () => api('POST', '/api/v1/people', Buffer.concat([Buffer.from('{"givenName":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","familyName":"K","locale":"pl"}')])), 400, 'BAD_REQUEST'],
    ['wrong content type', () => api('POST', '/api/v1/people', '<xml/>', { 'content-type': 'application/xml' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['impossible date', () => api('POST', '/api/v1/people', JSON.stringify({ givenName: 'Jan', familyName: 'K', locale: 'pl', birthDate: '2023-02-30' })), 422, 'VALIDATION'],
    ['birth date in the future', () => api('POST', '/api/v1/people', JSON.stringify({ givenName: 'Jan', familyName: 'K', locale: 'pl', birthDate: '2999-01-01' })), 422, 'VALIDATION'],
    ['empty body', () => api('POST', '/api/v1/people', ''), 422, 'VALIDATION'],
    ['malformed id', () => api('GET', '/api/v1/people/not-a-uuid'), 404, 'NOT_FOUND'],
  ];
  for (const [name, send, status, code] of cases) {
    it(name, async () => {
      const before = await countPeople();
      const res = await send();
      assert.equal(res.statusCode, status, res.body);
      const body = res.json();
      assert.equal(body.error.code, code);
      assert.equal(typeof body.error.message, 'string');
      assert.equal(typeof body.error.requestId, 'string');
      assert.doesNotMatch(res.body, /at \w+ \(|node_modules|SELECT|INSERT|stack/i);
      assert.equal(await countPeople(), before);
    });
  }

  it('names the invalid fields in the language asked for', async () => {
    const res = await api('POST', '/api/v1/people', JSON.stringify({ givenName: '', familyName: 'K', locale: 'pl', email: 'nope' }), { 'accept-language': 'en' });
    const { fields } = res.json().error;
    assert.equal(fields.givenName, 'Fill in this field.');
    assert.match(fields.email, /e-mail address/);
  });
});

describe('bad input on forms', () => {
  it('re-renders the form with messages next to fields, keeps what was typed, escapes HTML, writes nothing', async () => {
    const c = new TestClient(t.app);
    await c.signIn(coordinator.email);
    await c.get('/people/new');
    const before = await countPeople();
    const res = await c.post('/people/new', { givenName: '<script>alert(1)</script>', familyName: '', email: 'not-an-email', locale: 'pl', birthDate: '2024-13-45' });
    assert.equal(res.status, 422);
    assert.match(res.body, /id="f-familyName-error"/);
    assert.match(res.body, /aria-describedby="f-email-error"/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, /value="&lt;script>alert\(1\)&lt;\/script>"/);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.equal(await countPeople(), before);
  });

  it('stores HTML as text and shows it escaped', async () => {
    const c = new TestClient(t.app);
    await c.signIn(coordinator.email);
    await c.get('/people/new');
    const res = await c.post('/people/new', { givenName: '<img src=x onerror=alert(1)>', familyName: 'Nowak', locale: 'pl' });
    assert.equal(res.status, 303);
    const page = await c.get(res.location!);
    assert.doesNotMatch(page.body, /<img src=x/);
    assert.match(page.body, /&lt;img src=x onerror=alert\(1\)>/);
  });

  it('refuses an invalid percent-encoding in a form body', async () => {
    const c = new TestClient(t.app);
    await c.signIn(coordinator.email);
    await c.get('/people/new');
    const res = await t.app.inject({
      method: 'POST',
      url: '/people/new',
      payload: `_csrf=${encodeURIComponent(c.csrf)}&givenName=%FF%FE&familyName=K&locale=pl`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(res.statusCode, 400);
  });
});

describe('rate limiting', () => {
  it('limits sign-in attempts per address and says so', async () => {
    const limited = await testApp({ AUTH_RATE_LIMIT: '3' });
    try {
      const c = new TestClient(limited.app);
      await c.get('/sign-in');
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.post('/sign-in', { email: 'x@example.org', password: 'whatever-whatever' })).status);
      assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

/**
 * Requests refused before any hook runs — by the router (a URL that is not valid percent-encoding, a path
 * parameter over maxParamLength) or by Node's HTTP parser (a request line over 16 KB, a malformed header) — get
 * the normal error page in the visitor's language or the API's JSON error, never Fastify's own body.
 *   node --import tsx --test src/core/http/framework-errors.test.ts
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { before, describe, it } from 'node:test';
import { createAccessToken } from '../auth/access-tokens.js';
import { translator } from '../i18n/index.js';
import { createOrganisation, createUser } from '../testing/fixtures.js';
import { useApp } from '../testing/world.js';

const t = useApp();
let token: string;
before(async () => {
  const org = await createOrganisation(t.database.db, 'fw');
  const user = await createUser(t.database.db, { organisationId: org.id, roles: ['coordinator'] });
  token = (await createAccessToken(t.database.db, { userId: user.userId, organisationId: org.id, name: 'test' })).token;
});

const long = 'a'.repeat(300);
const badPages = ['/%E0%A4%A', '/people/%', '/people/%ZZ', '/o/%ZZ/apply', `/people/${long}`, `/o/${long}/apply`];
const badApi = ['/api/v1/people/%ZZ', '/api/v1/people/%E0%A4%A', '/api/v1/people/%', `/api/v1/people/${long}`];

/** Nothing of Fastify's own error body. */
function assertNoFrameworkBody(body: string) {
  assert.doesNotMatch(body, /FST_ERR|"statusCode"|is not a valid url component|exceeding the max param length/);
}

function assertErrorPage(body: string, locale: 'de' | 'uk' | 'ar' | 'pl') {
  const t = translator(locale);
  assert.match(body, /^<!doctype html>/);
  assert.match(body, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`));
  assert.match(body, /<header class="site-header">/, 'in the layout');
  assert.ok(body.includes(`<h1>${t('error.title.bad_request')}</h1>`), 'the title in the visitor’s language');
  assert.match(body, /<section class="error-page">/);
  assertNoFrameworkBody(body);
}

function assertJsonError(body: string, locale: 'de' | 'pl') {
  const parsed = JSON.parse(body) as { error: { code: string; message: string; requestId: string } };
  assert.deepEqual(Object.keys(parsed), ['error']);
  assert.deepEqual(Object.keys(parsed.error).sort(), ['code', 'message', 'requestId']);
  assert.equal(parsed.error.code, 'BAD_REQUEST');
  assert.equal(parsed.error.message, translator(locale)('error.bad_request'));
  assert.match(parsed.error.requestId, /^[0-9a-f-]{36}$/);
}

describe('refused by the router', () => {
  it('a page with bad percent-encoding or an over-long parameter gets the error page in the visitor’s language', async () => {
    for (const url of badPages) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'de-DE,de;q=0.9' } });
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
      assertErrorPage(res.body, 'de');
      assert.match(res.body, /<p class="muted">[^<]*<code dir="ltr" class="nowrap">[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'the reference of the request');
    }
  });

  it('the language comes from ?lang=, then the language cookie, then Accept-Language', async () => {
    const byQuery = await t.app.inject({ method: 'GET', url: '/people/%ZZ?lang=ar', headers: { 'accept-language': 'de' } });
    assertErrorPage(byQuery.body, 'ar');
    const byCookie = await t.app.inject({ method: 'GET', url: '/people/%ZZ', headers: { 'accept-language': 'de', cookie: 'x=1; tandem_lang=uk' } });
    assertErrorPage(byCookie.body, 'uk');
    const byDefault = await t.app.inject({ method: 'GET', url: '/people/%ZZ' });
    assertErrorPage(byDefault.body, 'pl');
  });

  it('the API answers with its JSON error shape', async () => {
    for (const url of badApi) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, 'accept-language': 'de' } });
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assertJsonError(res.body, 'de');
    }
    // Bad percent-encoding in the query string is not refused by the router: the route answers as usual.
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/people?q=%ZZ%E0%A4%A', headers: { authorization: `Bearer ${token}` } });
    assert.ok(query.statusCode < 500, String(query.statusCode));
    assertNoFrameworkBody(query.body);
  });
});

/** Sends raw bytes to the listening server and returns what comes back until it closes the connection. */
async function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  const { port } = t.app.server.address() as { port: number };
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(e)));
  });
  const [head = '', ...rest] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head, body: rest.join('\r\n\r\n') };
}

describe('refused by Node’s HTTP parser (a real connection)', () => {
  before(() => t.app.listen({ port: 0, host: '127.0.0.1' }));

  it('a request line over 16 KB gets the error page, or the JSON error under /api/', async () => {
    const page = await raw(`GET /people/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: tandem.test\r\n\r\n`);
    assert.equal(page.status, 400);
    assert.match(page.headers, /content-type: text\/html/i);
    assertErrorPage(page.body, 'pl');
    const api = await raw(`GET /api/v1/people?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: tandem.test\r\n\r\n`);
    assert.equal(api.status, 400);
    assert.match(api.headers, /content-type: application\/json/i);
    assertJsonError(api.body, 'pl');
  });

  it('a malformed header gets the error page, and the server goes on answering', async () => {
    const res = await raw('GET / HTTP/1.1\r\nHost: tandem.test\r\nNo colon here\r\n\r\n');
    assert.equal(res.status, 400);
    assertErrorPage(res.body, 'pl');
    assert.equal((await raw('GET /sign-in HTTP/1.1\r\nHost: tandem.test\r\nConnection: close\r\n\r\n')).status, 200);
  });
});

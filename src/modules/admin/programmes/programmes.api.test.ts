import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenFor, adminWorld, useWorld, auditEntries, countRows } from '../test-helpers.js';
import type { ProgrammeOutput } from './programmes.schemas.js';

const w = useWorld(adminWorld);

const call = (method: 'GET' | 'POST', token: string | null, payload?: unknown) =>
  w.t.app.inject({
    method,
    url: '/api/v1/programmes',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'en' },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

describe('programmes API /api/v1/programmes', () => {
  it('creates a programme (201) and lists only the organisation’s programmes', async () => {
    const token = await tokenFor(w, ['programme_manager']);
    const res = await call('POST', token, { name: 'Asystenci migrantów', description: 'Sieć 15 instytucji' });
    assert.equal(res.statusCode, 201);
    const created = res.json<ProgrammeOutput>();
    assert.equal(created.name, 'Asystenci migrantów');
    assert.equal(created.active, true, 'active by default');
    assert.equal((await auditEntries(w, w.org.id, 'programme.create')).length, 1);
    const foreign = await tokenFor(w, ['administrator'], w.other.id);
    assert.equal((await call('POST', foreign, { name: 'Program Beta' })).statusCode, 201);
    const list = (await call('GET', token)).json<{ items: ProgrammeOutput[] }>();
    assert.deepEqual(list.items.map((p) => p.name), ['Asystenci migrantów']);
  });

  it('answers 422 with per-field messages for bad input and a name in use, writing nothing', async () => {
    const token = await tokenFor(w, ['administrator']);
    await call('POST', token, { name: 'Jedyny' });
    const before = await countRows(w, 'programmes');
    for (const body of [{}, { name: 'x'.repeat(121) }, { name: 'Ok', description: 'y'.repeat(2001) }, { name: 'Ok', active: 'yes' }, { name: 'Ok', extra: 1 }, { name: 'JEDYNY' }]) {
      const res = await call('POST', token, body);
      assert.equal(res.statusCode, 422, JSON.stringify(body));
      const error = res.json<{ error: { code: string; fields?: Record<string, string> } }>().error;
      assert.equal(error.code, 'VALIDATION');
      assert.ok(error.fields && Object.keys(error.fields).length > 0);
    }
    assert.match((await call('POST', token, { name: 'jedyny' })).json<{ error: { fields: { name: string } } }>().error.fields.name, /already has this name/);
    assert.equal(await countRows(w, 'programmes'), before);
  });

  it('refuses a missing or invalid token (401) and other roles (403)', async () => {
    assert.equal((await call('GET', null)).statusCode, 401);
    assert.equal((await call('POST', null, { name: 'Anon' })).statusCode, 401);
    assert.equal((await call('GET', 'tdm_not-a-real-token')).statusCode, 401);
    const coordinator = await tokenFor(w, ['coordinator']);
    assert.equal((await call('GET', coordinator)).statusCode, 403);
    assert.equal((await call('POST', coordinator, { name: 'By coordinator' })).statusCode, 403);
  });

  it('is documented in the OpenAPI document under the tag programmes', async () => {
    const doc = w.t.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    assert.deepEqual(doc.paths['/api/v1/programmes']?.get?.tags, ['programmes']);
    assert.deepEqual(doc.paths['/api/v1/programmes']?.post?.tags, ['programmes']);
  });
});

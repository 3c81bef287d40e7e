import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VenueOutput } from './settings.schemas.js';
import { tokenFor, auditEntries, countRows, useWorld } from './test-helpers.js';

const w = useWorld();

const call = (method: 'GET' | 'POST', token: string, payload?: object) =>
  w.t.app.inject({ method, url: '/api/v1/matching/venues', headers: { authorization: `Bearer ${token}`, 'accept-language': 'pl' }, ...(payload ? { payload } : {}) });

describe('venues API /api/v1/matching/venues', () => {
  it('adds a venue (201), refuses bad input with messages per field (422, in the caller’s language), lists only the organisation’s', async () => {
    const token = await tokenFor(w, ['coordinator']);
    const created = await call('POST', token, { kind: 'library', name: 'Biblioteka', address: 'ul. Słoneczna 12', openingHours: 'wt.–pt. 10–19', stepFree: true });
    assert.equal(created.statusCode, 201);
    assert.deepEqual({ ...created.json<VenueOutput>(), id: '' }, { id: '', kind: 'library', name: 'Biblioteka', address: 'ul. Słoneczna 12', district: null, openingHours: 'wt.–pt. 10–19', weeklyHours: null, stepFree: true, active: true });
    assert.equal((await auditEntries(w, w.org.id, 'venue.create')).length, 1);
    const before = await countRows(w, 'venues');
    const refused = await call('POST', token, { kind: 'bar', name: 'BIBLIOTEKA', address: '' });
    assert.equal(refused.statusCode, 422);
    const fields = refused.json<{ error: { fields: Record<string, string> } }>().error.fields;
    assert.ok(fields.kind && fields.address);
    const duplicate = await call('POST', token, { kind: 'cafe', name: 'BIBLIOTEKA', address: 'x' });
    assert.equal(duplicate.json<{ error: { fields: Record<string, string> } }>().error.fields.name, 'Twoja organizacja ma już miejsce spotkań o tej nazwie.');
    assert.equal(await countRows(w, 'venues'), before);
    // Structured hours come as one field per weekday, as on the form; a day left empty is closed.
    const withHours = await call('POST', token, { kind: 'cafe', name: 'Kawiarnia', address: 'ul. Długa 1', hoursMon: '9-13, 15:00-18:00' });
    assert.equal(withHours.statusCode, 201);
    const hours = withHours.json<VenueOutput>().weeklyHours;
    assert.deepEqual(hours?.mon, [{ from: '09:00', to: '13:00' }, { from: '15:00', to: '18:00' }]);
    assert.deepEqual(hours?.sun, []);
    const badHours = await call('POST', token, { kind: 'cafe', name: 'Kawiarnia 2', address: 'x', hoursTue: '17-9' });
    assert.equal(badHours.statusCode, 422);
    assert.ok(badHours.json<{ error: { fields: Record<string, string> } }>().error.fields.hoursTue, 'the message is on the day');

    const foreign = await tokenFor(w, ['administrator'], w.other.id);
    assert.equal((await call('POST', foreign, { kind: 'cafe', name: 'Kawiarnia Beta', address: 'x' })).statusCode, 201);
    assert.deepEqual((await call('GET', token)).json<{ items: VenueOutput[] }>().items.map((v) => v.name).sort(), ['Biblioteka', 'Kawiarnia']);
  });

  it('refuses roles that do not keep the settings (403) and requests without a token (401)', async () => {
    for (const role of ['social_worker', 'volunteer', 'programme_manager'] as const) {
      const token = await tokenFor(w, [role]);
      assert.equal((await call('GET', token)).statusCode, 403, role);
      assert.equal((await call('POST', token, { kind: 'cafe', name: 'X', address: 'x' })).statusCode, 403, role);
    }
    assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/v1/matching/districts' })).statusCode, 401);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> }>();
    for (const path of ['/api/v1/matching/venues', '/api/v1/matching/districts']) {
      assert.deepEqual(doc.paths[path]?.get?.tags, ['matching settings'], path);
      assert.ok(doc.paths[path]?.post?.responses['201'] && doc.paths[path]?.post?.responses['422'], path);
    }
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { withSystem } from '../../../core/db/tx.js';
import { districts } from '../../../core/tenancy/districts.table.js';
import { venues } from '../matching.table.js';
import { anonymous, countRows, createProgramme, settingsAudits, signedIn, useWorld } from './test-helpers.js';

const w = useWorld();
let ids: { district: string; venue: string; programme: string };
before(async () => {
  const [d] = await withSystem(w.db, (tx) => tx.insert(districts).values({ organisationId: w.org.id, name: 'Lipki', latitude: 52.2, longitude: 21 }).returning());
  const [v] = await withSystem(w.db, (tx) => tx.insert(venues).values({ organisationId: w.org.id, name: 'Kawiarnia', kind: 'cafe', address: 'ul. Lipowa 1' }).returning());
  const p = await createProgramme(w, 'Tandem językowy');
  ids = { district: d!.id, venue: v!.id, programme: p.id };
});

const gets = () => [
  '/matching/settings',
  '/matching/settings/districts/new',
  `/matching/settings/districts/${ids.district}/edit`,
  `/matching/settings/districts/${ids.district}/delete`,
  '/matching/settings/venues/new',
  `/matching/settings/venues/${ids.venue}/edit`,
  `/matching/settings/venues/${ids.venue}/delete`,
  `/matching/settings/weights/${ids.programme}`,
];
const weights = { language: '1', availability: '1', distance: '1', interests: '1', needs: '1', waiting: '1' };
const posts = (): [string, Record<string, string>][] => [
  ['/matching/settings/districts/new', { name: 'Nowa', latitude: '1', longitude: '1' }],
  [`/matching/settings/districts/${ids.district}/edit`, { name: 'Inna', latitude: '1', longitude: '1' }],
  [`/matching/settings/districts/${ids.district}/delete`, {}],
  ['/matching/settings/venues/new', { kind: 'cafe', name: 'Nowa', address: 'x' }],
  [`/matching/settings/venues/${ids.venue}/edit`, { kind: 'cafe', name: 'Inna', address: 'x' }],
  [`/matching/settings/venues/${ids.venue}/deactivate`, {}],
  [`/matching/settings/venues/${ids.venue}/reactivate`, {}],
  [`/matching/settings/venues/${ids.venue}/delete`, {}],
  [`/matching/settings/weights/${ids.programme}`, weights],
  [`/matching/settings/weights/${ids.programme}/reset`, {}],
];
const idRoutes = () => gets().filter((u) => /[0-9a-f-]{36}/.test(u));

async function snapshot() {
  return JSON.stringify([await countRows(w, 'districts'), await countRows(w, 'venues'), await settingsAudits(w), await withSystem(w.db, (tx) => tx.select().from(venues)), await withSystem(w.db, (tx) => tx.select().from(districts))]);
}

describe('security of the matching settings', () => {
  it('without a session: pages go to sign-in, posts are refused (401), nothing changes', async () => {
    const client = await anonymous(w);
    const before = await snapshot();
    for (const url of gets()) {
      const res = await client.get(url);
      assert.equal(res.status, 303, url);
      assert.match(res.location!, /^\/sign-in\?next=/);
    }
    for (const [url, form] of posts()) assert.equal((await client.post(url, form)).status, 401, url);
    assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/v1/matching/venues' })).statusCode, 401);
    assert.equal(await snapshot(), before);
  });

  it('a volunteer, a social worker and a programme manager get 403 everywhere', async () => {
    const before = await snapshot();
    for (const role of ['volunteer', 'social_worker', 'programme_manager'] as const) {
      const { client } = await signedIn(w, [role]);
      for (const url of gets()) assert.equal((await client.get(url)).status, 403, `${role} ${url}`);
      for (const [url, form] of posts()) assert.equal((await client.post(url, form)).status, 403, `${role} ${url}`);
    }
    assert.equal(await snapshot(), before);
  });

  it('another organisation’s district, venue or programme is not found (404), even with bad input', async () => {
    const { client } = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    const before = await snapshot();
    for (const url of idRoutes()) assert.equal((await client.get(url)).status, 404, url);
    await client.get('/matching/settings');
    for (const [url, form] of posts().filter(([u]) => /[0-9a-f-]{36}/.test(u))) assert.equal((await client.post(url, form)).status, 404, url);
    assert.equal((await client.post(`/matching/settings/districts/${ids.district}/edit`, { name: '', latitude: 'x' })).status, 404);
    assert.equal((await client.get('/matching/settings/venues/not-a-uuid/edit')).status, 404);
    assert.equal(await snapshot(), before);
    const page = await client.get('/matching/settings');
    assert.doesNotMatch(page.body, /Lipki|Kawiarnia|Tandem językowy/, 'the other organisation sees none of it');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { districts } from '../../../core/tenancy/districts.table.js';
import { venues } from '../matching.table.js';
import { auditEntries, countRows, matchedMentee, activeVolunteer, fieldError, flashOn, settingsAudits, signedIn, useWorld } from './test-helpers.js';

const w = useWorld();

const districtNamed = async (name: string, organisationId = w.org.id) =>
  (await withSystem(w.db, (tx) => tx.select().from(districts).where(eq(districts.organisationId, organisationId)))).find((d) => d.name === name);

describe('districts', () => {
  it('a Polish coordinator adds a district typing decimal commas; it is listed with its centre and audited', async () => {
    const { client } = await signedIn(w, ['coordinator'], { locale: 'pl' });
    const form = await client.get('/matching/settings/districts/new');
    assert.equal(form.status, 200);
    assert.match(form.body, /Szerokość geograficzna/);
    assert.match(form.body, /Jak odczytać środek dzielnicy z mapy/);
    const res = await client.post('/matching/settings/districts/new', { name: 'Śródmieście', latitude: '52,2297', longitude: ' 21,0122 ' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, '/matching/settings'), /Dodano dzielnicę Śródmieście/);
    const d = await districtNamed('Śródmieście');
    assert.deepEqual([d!.latitude, d!.longitude], [52.2297, 21.0122]);
    const page = await client.get('/matching/settings');
    assert.match(page.body, /52,2297; 21,0122/, 'shown with the Polish decimal comma');
    const entries = await auditEntries(w, w.org.id, 'district.create');
    assert.ok(entries.some((a) => a.entityId === d!.id));
  });

  it('accepts dots, a typographic minus, and a point pasted from a map into the latitude field', async () => {
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/matching/settings/districts/new');
    assert.equal((await client.post('/matching/settings/districts/new', { name: 'Zatorze', latitude: '52.2405', longitude: '21.0311' })).status, 303);
    assert.equal((await client.post('/matching/settings/districts/new', { name: 'Antipodes', latitude: '−41.2865', longitude: '174.7762' })).status, 303);
    assert.equal((await client.post('/matching/settings/districts/new', { name: 'Lipki', latitude: '52.21034, 20.98811', longitude: '' })).status, 303);
    assert.equal((await districtNamed('Antipodes'))!.latitude, -41.2865);
    const lipki = (await districtNamed('Lipki'))!;
    assert.deepEqual([lipki.latitude, lipki.longitude], [52.21034, 20.98811]);
  });

  it('refuses bad input with messages at the fields, in Polish and in English, and writes nothing', async () => {
    const pl = (await signedIn(w, ['coordinator'], { locale: 'pl' })).client;
    await pl.get('/matching/settings/districts/new');
    const before = [await countRows(w, 'districts'), await settingsAudits(w)];
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: 'Nowa', latitude: '90,5', longitude: '21' }, 'latitude', /Szerokość geograficzna musi mieścić się w przedziale od −90 do 90/],
      [{ name: 'Nowa', latitude: '52', longitude: '-180,01' }, 'longitude', /Długość geograficzna musi mieścić się w przedziale od −180 do 180/],
      [{ name: 'Nowa', latitude: '52,2,1', longitude: '21' }, 'latitude', /Wpisz liczbę, na przykład 52,2297 lub 52\.2297/],
      [{ name: 'Nowa', latitude: 'północ', longitude: '21' }, 'latitude', /Wpisz liczbę/],
      [{ name: 'Nowa', latitude: '', longitude: '21' }, 'latitude', /./],
      [{ name: '', latitude: '52', longitude: '21' }, 'name', /./],
      [{ name: 'zatorze', latitude: '52', longitude: '21' }, 'name', /Twoja organizacja ma już dzielnicę o tej nazwie/],
      [{ name: 'ŚRÓDMIEŚCIE', latitude: '52', longitude: '21' }, 'name', /ma już dzielnicę o tej nazwie/],
    ];
    for (const [form, field, message] of cases) {
      const res = await pl.post('/matching/settings/districts/new', form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(fieldError(res.body, field) ?? '', message, JSON.stringify(form));
      assert.match(res.body, /class="error-summary"/);
      if (form.name) assert.match(res.body, new RegExp(`value="${form.name}"`), 'what was typed is kept');
    }
    const en = (await signedIn(w, ['coordinator'])).client;
    await en.get('/matching/settings/districts/new');
    const res = await en.post('/matching/settings/districts/new', { name: 'Far north', latitude: '91', longitude: '0' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.body, 'latitude'), 'The latitude must be between −90 and 90.');
    const extra = await en.post('/matching/settings/districts/new', { name: 'X', latitude: '1', longitude: '1', colour: 'red' });
    assert.equal(extra.status, 422);
    assert.deepEqual([await countRows(w, 'districts'), await settingsAudits(w)], before);
  });

  it('renaming carries the volunteers, mentees and venues that named the district; each change is audited', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    await client.get('/matching/settings/districts/new');
    await client.post('/matching/settings/districts/new', { name: 'Osiedle Słoneczne', latitude: '52.25', longitude: '21.05' });
    const d = (await districtNamed('Osiedle Słoneczne'))!;
    const v = await activeVolunteer(w, { district: 'osiedle słoneczne' });
    const m = await matchedMentee(w, { district: 'Osiedle Słoneczne ' });
    const untouched = await activeVolunteer(w, { district: 'Zatorze' });
    const foreign = await activeVolunteer(w, { organisationId: w.other.id, district: 'Osiedle Słoneczne' });

    const form = await client.get(`/matching/settings/districts/${d.id}/edit`);
    assert.match(form.body, /1 volunteer, 1 person supported and 0 venues name “Osiedle Słoneczne”/);
    assert.match(form.body, /value="52.25"/);
    const res = await client.post(`/matching/settings/districts/${d.id}/edit`, { name: 'Osiedle Słoneczne Północ', latitude: '52.26', longitude: '21.05' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, '/matching/settings'), /2 records now name the new name/);
    const district = async (table: typeof volunteers | typeof mentees, id: string) => (await withSystem(w.db, (tx) => tx.select({ d: table.district, version: table.version }).from(table).where(eq(table.id, id))))[0]!;
    assert.deepEqual(await district(volunteers, v.id), { d: 'Osiedle Słoneczne Północ', version: 2 });
    assert.equal((await district(mentees, m.id)).d, 'Osiedle Słoneczne Północ');
    assert.equal((await district(volunteers, untouched.id)).d, 'Zatorze');
    assert.equal((await district(volunteers, foreign.id)).d, 'Osiedle Słoneczne', 'another organisation is never touched');
    assert.deepEqual((await auditEntries(w, w.org.id, 'district.update')).find((a) => a.entityId === d.id)?.fields, ['name', 'latitude']);
    assert.ok((await auditEntries(w, w.org.id, 'volunteer.update')).some((a) => a.entityId === v.id && a.fields?.includes('district')));
    assert.ok((await auditEntries(w, w.org.id, 'mentee.update')).some((a) => a.entityId === m.id));
  });

  it('deleting a district that people name is allowed after a warning with the count', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    await client.get('/matching/settings/districts/new');
    await client.post('/matching/settings/districts/new', { name: 'Dąbrówka Leśna', latitude: '52.3', longitude: '21.1' });
    const d = (await districtNamed('Dąbrówka Leśna'))!;
    await activeVolunteer(w, { district: 'Dąbrówka Leśna' });
    await activeVolunteer(w, { district: 'Dąbrówka Leśna' });
    await matchedMentee(w, { district: 'Dąbrówka Leśna' });
    await withSystem(w.db, (tx) => tx.insert(venues).values({ organisationId: w.org.id, name: 'Biblioteka', kind: 'library', address: 'ul. Leśna 1', district: 'Dąbrówka Leśna' }));

    const confirm = await client.get(`/matching/settings/districts/${d.id}/delete`);
    assert.equal(confirm.status, 200);
    assert.match(confirm.body, /2 volunteers, 1 person supported and 1 venue still name “Dąbrówka Leśna”/);
    const res = await client.post(`/matching/settings/districts/${d.id}/delete`);
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, '/matching/settings'), /The district Dąbrówka Leśna was deleted/);
    assert.equal(await districtNamed('Dąbrówka Leśna'), undefined);
    assert.ok((await auditEntries(w, w.org.id, 'district.delete')).some((a) => a.entityId === d.id));
    assert.equal((await client.post(`/matching/settings/districts/${d.id}/delete`)).status, 404, 'already gone');
  });

  it('the API lists and adds districts with the same rules', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const list = await client.get('/api/v1/matching/districts');
    assert.equal(list.status, 401, 'the API takes bearer tokens, not the session');
    const { createAccessToken } = await import('../../../core/auth/access-tokens.js');
    const { user } = await signedIn(w, ['coordinator']);
    const { token } = await createAccessToken(w.db, { userId: user.userId, organisationId: w.org.id, name: 'test' });
    const call = (method: 'GET' | 'POST', payload?: object) => w.t.app.inject({ method, url: '/api/v1/matching/districts', headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
    const created = await call('POST', { name: 'Stare Miasto', latitude: 52.2497, longitude: '21,0122' });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json<{ longitude: number }>().longitude, 21.0122);
    const refused = await call('POST', { name: 'Nowe', latitude: 95, longitude: 0 });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json<{ error: { fields: Record<string, string> } }>().error.fields.latitude, 'The latitude must be between −90 and 90.');
    const names = (await call('GET')).json<{ items: { name: string }[] }>().items.map((d) => d.name);
    assert.ok(names.includes('Stare Miasto') && names.includes('Zatorze'));
  });
});

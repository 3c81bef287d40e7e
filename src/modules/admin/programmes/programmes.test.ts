import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';
import { adminWorld, useWorld, anonymous, auditEntries, countRows, flashOn, signedIn } from '../test-helpers.js';

const w = useWorld(adminWorld);

const programmeNamed = async (organisationId: string, name: string) =>
  (await withSystem(w.db, (tx) => tx.select().from(programmes).where(eq(programmes.organisationId, organisationId)))).find((p) => p.name === name);

describe('programmes pages /admin/programmes', () => {
  it('creates, lists and edits a programme, auditing the changed fields', async () => {
    const { client } = await signedIn(w, ['programme_manager']);
    assert.equal((await client.get('/admin/programmes/new')).status, 200);
    const res = await client.post('/admin/programmes/new', { name: 'Mentoring dla rodzin', description: 'Wsparcie 1:1', active: 'true' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, res.location), /programme has been added/);
    const created = (await programmeNamed(w.org.id, 'Mentoring dla rodzin'))!;
    assert.equal(created.active, true);
    const list = await client.get('/admin/programmes');
    assert.match(list.body, /Mentoring dla rodzin/);

    const edit = await client.get(`/admin/programmes/${created.id}/edit`);
    assert.match(edit.body, /name="active" value="true" checked/);
    // An unticked checkbox is not sent: the programme becomes inactive.
    assert.equal((await client.post(`/admin/programmes/${created.id}/edit`, { name: 'Mentoring dla rodzin', description: 'Nowy opis' })).status, 303);
    const updated = (await programmeNamed(w.org.id, 'Mentoring dla rodzin'))!;
    assert.equal(updated.active, false);
    assert.equal(updated.description, 'Nowy opis');
    const entry = (await auditEntries(w, w.org.id, 'programme.update')).find((e) => e.entityId === created.id)!;
    assert.deepEqual([...entry.fields!].sort(), ['active', 'description']);
    assert.equal((await auditEntries(w, w.org.id, 'programme.create')).filter((e) => e.entityId === created.id).length, 1);
  });

  it('refuses a name already used in the organisation (ignoring case) as a field error, but allows it elsewhere', async () => {
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/admin/programmes/new');
    await client.post('/admin/programmes/new', { name: 'Szkoła bez barier', active: 'true' });
    const before = await countRows(w, 'programmes', w.org.id);
    const dup = await client.post('/admin/programmes/new', { name: 'szkoła BEZ barier', active: 'true' });
    assert.equal(dup.status, 422);
    assert.match(dup.body, /class="field-error" id="f-name-error"/);
    assert.match(dup.body, /already has this name/);
    assert.equal(await countRows(w, 'programmes', w.org.id), before);

    await client.post('/admin/programmes/new', { name: 'Drugi program', active: 'true' });
    const second = (await programmeNamed(w.org.id, 'Drugi program'))!;
    await client.get(`/admin/programmes/${second.id}/edit`);
    const rename = await client.post(`/admin/programmes/${second.id}/edit`, { name: 'Szkoła bez barier', active: 'true' });
    assert.equal(rename.status, 422, 'renaming onto another programme is refused too');
    assert.equal((await programmeNamed(w.org.id, 'Drugi program'))!.name, 'Drugi program');

    const beta = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    await beta.client.get('/admin/programmes/new');
    assert.equal((await beta.client.post('/admin/programmes/new', { name: 'Szkoła bez barier', active: 'true' })).status, 303);
  });

  it('refuses missing, oversized and unknown values, shows HTML escaped, and writes nothing', async () => {
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/admin/programmes/new');
    const before = await countRows(w, 'programmes');
    const cases: Record<string, string>[] = [{ name: '' }, { name: 'x'.repeat(121) }, { name: 'Ok', description: 'y'.repeat(2001) }, { name: 'Ok', active: 'maybe' }, { name: 'Ok', colour: 'red' }];
    for (const form of cases) {
      const res = await client.post('/admin/programmes/new', form);
      assert.equal(res.status, 422, JSON.stringify(form));
    }
    const xss = await client.post('/admin/programmes/new', { name: '', description: '<script>alert(1)</script>' });
    assert.equal(xss.status, 422);
    assert.doesNotMatch(xss.body, /<script>alert/);
    assert.match(xss.body, /&lt;script/);
    assert.equal(await countRows(w, 'programmes'), before);

    await client.post('/admin/programmes/new', { name: '<b>Bold</b> programme', active: 'true' });
    const list = await client.get('/admin/programmes');
    assert.doesNotMatch(list.body, /<b>Bold<\/b>/);
    assert.match(list.body, /<td[^>]*>&lt;b>Bold&lt;\/b> programme<\/td>/);
  });

  it("answers 404 for another organisation's programme or a malformed id, changing nothing", async () => {
    const beta = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    await beta.client.get('/admin/programmes/new');
    await beta.client.post('/admin/programmes/new', { name: 'Program Beta', active: 'true' });
    const foreign = (await programmeNamed(w.other.id, 'Program Beta'))!;
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/admin/programmes');
    assert.equal((await client.get(`/admin/programmes/${foreign.id}/edit`)).status, 404);
    assert.equal((await client.post(`/admin/programmes/${foreign.id}/edit`, { name: 'Przejęty', active: 'true' })).status, 404);
    assert.equal((await client.post(`/admin/programmes/${foreign.id}/edit`, { name: '' })).status, 404);
    assert.equal((await client.get('/admin/programmes/123/edit')).status, 404);
    assert.equal((await programmeNamed(w.other.id, 'Program Beta'))!.name, 'Program Beta');
    assert.doesNotMatch((await client.get('/admin/programmes')).body, /Program Beta/);
  });

  it('refuses other roles (403) and anonymous visitors (sign-in / 401)', async () => {
    const before = await countRows(w, 'programmes');
    for (const role of ['coordinator', 'social_worker', 'volunteer'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/admin/programmes')).status, 403);
      assert.equal((await client.post('/admin/programmes/new', { name: `By ${role}`, active: 'true' })).status, 403);
    }
    const anon = await anonymous(w);
    assert.match((await anon.get('/admin/programmes')).location ?? '', /^\/sign-in\?next=/);
    assert.equal((await anon.post('/admin/programmes/new', { name: 'Anonymous', active: 'true' })).status, 401);
    assert.equal(await countRows(w, 'programmes'), before);
  });
});

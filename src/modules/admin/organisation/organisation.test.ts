import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { organisations } from '../../../core/tenancy/tenancy.table.js';
import { adminWorld, useWorld, anonymous, auditEntries, flashOn, freshOrganisation, signedIn } from '../test-helpers.js';

const w = useWorld(adminWorld);

const orgRow = async (id: string) => (await withSystem(w.db, (tx) => tx.select().from(organisations).where(eq(organisations.id, id))))[0]!;
const valid = { name: 'MOPS Zielonka', city: 'Zielonka', country: 'PL', defaultLocale: 'uk' };

describe('organisation settings /admin/organisation', () => {
  it('shows the slug without letting it change, saves the settings and audits the changed field names', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    const page = await client.get('/admin/organisation');
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(`<code>${org.slug}</code>`));
    assert.doesNotMatch(page.body, /name="slug"/);
    for (const code of ['PL', 'DE', 'UA', 'AT', 'CZ', 'LT', 'SK']) assert.match(page.body, new RegExp(`<option value="${code}"`));
    const before = await orgRow(org.id);
    const res = await client.post('/admin/organisation', { ...valid, slug: 'hijacked' });
    assert.equal(res.status, 422, 'an unknown field (the slug) is refused');
    const saved = await client.post('/admin/organisation', valid);
    assert.equal(saved.status, 303);
    assert.match(await flashOn(client, saved.location), /settings have been saved/);
    const after = await orgRow(org.id);
    assert.deepEqual({ slug: after.slug, name: after.name, city: after.city, country: after.country, defaultLocale: after.defaultLocale }, { slug: before.slug, ...valid });
    const [entry, ...more] = await auditEntries(w, org.id, 'organisation.update');
    assert.equal(more.length, 0);
    assert.deepEqual([...entry!.fields!].sort(), ['city', 'defaultLocale', 'name']);
    assert.equal(entry!.entityId, org.id);
    const again = await client.post('/admin/organisation', valid);
    assert.match(await flashOn(client, again.location), /Nothing was changed/);
    assert.equal((await auditEntries(w, org.id, 'organisation.update')).length, 1, 'saving without changes writes no audit entry');
  });

  it('refuses missing, oversized and unknown values with messages next to the fields, changing nothing', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    await client.get('/admin/organisation');
    const before = await orgRow(org.id);
    for (const form of [
      { ...valid, name: '' },
      { ...valid, name: 'x'.repeat(201) },
      { ...valid, city: 'y'.repeat(101) },
      { ...valid, country: 'XX' },
      { ...valid, country: 'pl' },
      { ...valid, defaultLocale: 'fr' },
    ]) {
      const res = await client.post('/admin/organisation', form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(res.body, /class="field-error"/);
    }
    const xss = await client.post('/admin/organisation', { ...valid, city: '<script>alert(1)</script>', country: 'XX' });
    assert.doesNotMatch(xss.body, /<script>alert/);
    assert.match(xss.body, /&lt;script/);
    assert.deepEqual(await orgRow(org.id), before);
  });

  it('changes only the signed-in organisation, and refuses other roles (403) and anonymous visitors', async () => {
    const before = await orgRow(w.other.id);
    for (const role of ['coordinator', 'programme_manager'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/admin/organisation')).status, 403);
      assert.equal((await client.post('/admin/organisation', valid)).status, 403);
    }
    const anon = await anonymous(w);
    assert.match((await anon.get('/admin/organisation')).location ?? '', /^\/sign-in\?next=/);
    assert.equal((await anon.post('/admin/organisation', valid)).status, 401);
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/admin/organisation');
    assert.equal((await client.post('/admin/organisation', { ...valid, name: 'Alfa po zmianie' })).status, 303);
    assert.deepEqual(await orgRow(w.other.id), before, 'the other organisation is untouched');
    assert.equal((await orgRow(w.org.id)).name, 'Alfa po zmianie');
  });
});

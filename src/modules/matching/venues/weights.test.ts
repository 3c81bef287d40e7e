import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';
import { DEFAULT_WEIGHTS } from '../scoring/index.js';
import { auditEntries, settingsAudits, createProgramme, fieldError, flashOn, signedIn, useWorld } from './test-helpers.js';

const w = useWorld();

const stored = async (id: string) => (await withSystem(w.db, (tx) => tx.select({ w: programmes.matchingWeights }).from(programmes).where(eq(programmes.id, id))))[0]!.w;
const good = { language: '40', availability: '20', distance: '0', interests: '10', needs: '25', waiting: '5' };

describe('programme weights', () => {
  it('shows the defaults with an explanation of each weight, saves all six, and can return to the defaults', async () => {
    const p = await createProgramme(w, 'Tandem językowy');
    const { client } = await signedIn(w, ['coordinator']);
    const form = await client.get(`/matching/settings/weights/${p.id}`);
    assert.equal(form.status, 200);
    assert.match(form.body, new RegExp(`name="language" type="text" value="${DEFAULT_WEIGHTS.language}"[^>]* inputmode="numeric"`));
    assert.match(form.body, /Both speak a language, and the better both speak it, the more it counts\. Default: /);
    assert.match(form.body, /People who have waited longer come first\./);
    assert.doesNotMatch(form.body, /Restore the defaults/, 'nothing to restore yet');

    assert.equal((await client.post(`/matching/settings/weights/${p.id}`, { ...good, language: ' 40 ' })).status, 303);
    assert.match(await flashOn(client, '/matching/settings'), /The weights of Tandem językowy were saved/);
    assert.deepEqual(await stored(p.id), { language: 40, availability: 20, distance: 0, interests: 10, needs: 25, waiting: 5 });
    const entry = (await auditEntries(w, w.org.id, 'programme.weights')).find((a) => a.entityId === p.id)!;
    assert.ok(entry.fields!.includes('weights.language') && entry.fields!.includes('weights.distance'));
    const overview = await client.get('/matching/settings');
    assert.match(overview.body, /Common language: weight 40/);
    assert.match(overview.body, /Set for this programme/);

    const again = await client.get(`/matching/settings/weights/${p.id}`);
    assert.match(again.body, /Restore the defaults/);
    assert.equal((await client.post(`/matching/settings/weights/${p.id}/reset`)).status, 303);
    assert.deepEqual(await stored(p.id), {});
    assert.equal((await auditEntries(w, w.org.id, 'programme.weights_reset')).filter((a) => a.entityId === p.id).length, 1);
  });

  it('reads the weights and the distance limit typed in Arabic-Indic and Extended Arabic-Indic digits', async () => {
    const p = await createProgramme(w, 'برنامج الإرشاد');
    const { client } = await signedIn(w, ['coordinator'], { locale: 'ar' });
    await client.get(`/matching/settings/weights/${p.id}`);
    const typed = { language: '٤٠', availability: '٢٠', distance: '٠', interests: '۱۰', needs: ' ٢٥ ', waiting: '٥', maxDistanceKm: '٣٠' };
    assert.equal((await client.post(`/matching/settings/weights/${p.id}`, typed)).status, 303);
    assert.deepEqual(await stored(p.id), { language: 40, availability: 20, distance: 0, interests: 10, needs: 25, waiting: 5 });
    const [row] = await withSystem(w.db, (tx) => tx.select({ km: programmes.matchingMaxDistanceKm }).from(programmes).where(eq(programmes.id, p.id)));
    assert.equal(row!.km, 30);
  });

  it('refuses all zero and values that are not whole numbers 0–100, in Polish and English, writing nothing', async () => {
    const p = await createProgramme(w, 'Wsparcie w nauce', { matchingWeights: { language: 30 } });
    const pl = (await signedIn(w, ['administrator'], { locale: 'pl' })).client;
    await pl.get(`/matching/settings/weights/${p.id}`);
    const before = [JSON.stringify(await stored(p.id)), await settingsAudits(w)];
    const zero = await pl.post(`/matching/settings/weights/${p.id}`, { language: '0', availability: '0', distance: '0', interests: '0', needs: '0', waiting: '0' });
    assert.equal(zero.status, 422);
    assert.match(zero.body, /Co najmniej jedna waga musi być większa od 0/);
    const cases: [Record<string, string>, string][] = [
      [{ ...good, language: '101' }, 'language'],
      [{ ...good, availability: '-5' }, 'availability'],
      [{ ...good, distance: '2.5' }, 'distance'],
      [{ ...good, interests: 'dużo' }, 'interests'],
    ];
    for (const [form, field] of cases) {
      const res = await pl.post(`/matching/settings/weights/${p.id}`, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.equal(fieldError(res.body, field), 'Wpisz liczbę całkowitą od 0 do 100.', JSON.stringify(form));
    }
    const missing = await pl.post(`/matching/settings/weights/${p.id}`, { ...good, needs: '' });
    assert.equal(missing.status, 422);
    assert.ok(fieldError(missing.body, 'needs'));
    const en = (await signedIn(w, ['coordinator'])).client;
    await en.get(`/matching/settings/weights/${p.id}`);
    const res = await en.post(`/matching/settings/weights/${p.id}`, { language: '0', availability: '0', distance: '0', interests: '0', needs: '0', waiting: '0' });
    assert.match(res.body, /At least one weight must be above 0, otherwise matching cannot tell any two people apart\./);
    assert.match(res.body, /value="0"/, 'what was typed is kept');
    assert.deepEqual([JSON.stringify(await stored(p.id)), await settingsAudits(w)], before);
  });

  it('another organisation’s programme is not found', async () => {
    const foreign = await createProgramme(w, 'Program Beta', { organisationId: w.other.id });
    const { client } = await signedIn(w, ['coordinator']);
    assert.equal((await client.get(`/matching/settings/weights/${foreign.id}`)).status, 404);
    await client.get('/matching/settings');
    assert.equal((await client.post(`/matching/settings/weights/${foreign.id}`, good)).status, 404);
    assert.equal((await client.post(`/matching/settings/weights/${foreign.id}/reset`)).status, 404);
    assert.equal((await client.get('/matching/settings/weights/not-a-uuid')).status, 404);
    assert.deepEqual(await stored(foreign.id), {});
  });
});

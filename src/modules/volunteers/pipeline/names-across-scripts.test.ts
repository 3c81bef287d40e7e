/**
 * Names across scripts on the volunteer list /volunteers: a Latin search finds Cyrillic and Arabic names (and back);
 * the list and the volunteer page show the transliteration next to the original with the original's lang/dir.
 *   npx tsx scripts/test.ts --only=pglite src/modules/volunteers/pipeline/names-across-scripts.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TestClient } from '../../../core/testing/client.js';
import { createVolunteer, namesInList, signedIn, useWorld } from './test-helpers.js';

const w = useWorld();
let coordinator: TestClient;
const ids: Record<string, string> = {};
before(async () => {
  coordinator = (await signedIn(w, ['coordinator'])).client;
  ids.olena = await createVolunteer(w, w.org.id, { givenName: 'Олена', familyName: 'Шевченко', email: 'olena@example.org', stage: 'applied' });
  ids.ali = await createVolunteer(w, w.org.id, { givenName: 'علي', familyName: 'محمد', email: 'ali@example.org', stage: 'applied' });
  ids.szewczyk = await createVolunteer(w, w.org.id, { givenName: 'Jan', familyName: 'Szewczyk', email: 'jan@example.org', stage: 'applied' });
  ids.foreign = await createVolunteer(w, w.other.id, { givenName: 'Олег', familyName: 'Шевченко', stage: 'applied' });
});

const names = async (q: string) => namesInList((await coordinator.get(`/volunteers?q=${encodeURIComponent(q)}`)).body).sort();

describe('names across scripts on the volunteer list', () => {
  it('finds "Шевченко" by the national, Polish and German spellings, and only in the own organisation', async () => {
    for (const q of ['Shevchenko', 'Szewczenko', 'Schewtschenko', 'olena shevchenko', 'Shevch']) assert.deepEqual(await names(q), ['Шевченко Олена'], q);
    assert.deepEqual(await names('Szewczyk'), ['Szewczyk Jan'], 'a Latin search stays exact among Latin names');
  });

  it('finds an Arabic name by the usual Latin spellings, and a Latin name by an Arabic search', async () => {
    for (const q of ['Mohammed', 'Muhammad', 'Mohammed Ali']) assert.deepEqual(await names(q), ['محمد علي'], q);
    assert.deepEqual(await names('محمد'), ['محمد علي']);
  });

  it('shows the transliteration next to the original on the list and the volunteer page', async () => {
    const list = (await coordinator.get('/volunteers')).body;
    assert.match(list, new RegExp(`<a href="/volunteers/${ids.olena}" lang="uk" dir="ltr">Шевченко Олена</a> <span class="latin-name" lang="uk-Latn" dir="ltr">\\(Shevchenko Olena\\)</span>`));
    assert.match(list, new RegExp(`<a href="/volunteers/${ids.ali}" lang="ar" dir="rtl">محمد علي</a> <span class="latin-name" lang="ar-Latn" dir="ltr">\\(Mhmd Ali\\)</span>`));
    const page = (await coordinator.get(`/volunteers/${ids.ali}`)).body;
    assert.match(page, /<h1><bdi lang="ar" dir="rtl">علي محمد<\/bdi> <span class="latin-name" lang="ar-Latn" dir="ltr">\(Ali Mhmd\)<\/span><\/h1>/);
  });
});

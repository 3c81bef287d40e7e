/**
 * Names across scripts on the waiting list /mentees: a Latin search finds Cyrillic and Arabic names (and back), the
 * list and the case page show the transliteration next to the original with the original's lang/dir.
 *   npx tsx scripts/test.ts --only=pglite src/modules/mentees/list/names-across-scripts.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestClient } from '../../../core/testing/client.js';
import { createMentee, namesInList, signedIn, world, type World } from '../test-helpers.js';

let w: World;
let worker: TestClient;
const ids: Record<string, string> = {};
before(async () => {
  w = await world();
  worker = (await signedIn(w, ['social_worker'], { locale: 'en' })).client;
  ids.olena = await createMentee(w, w.org.id, { givenName: 'Олена', familyName: 'Коваленко', daysWaiting: 5 });
  ids.mohammed = await createMentee(w, w.org.id, { givenName: 'محمد', familyName: 'الخطيب', daysWaiting: 4 });
  ids.kowalska = await createMentee(w, w.org.id, { givenName: 'Anna', familyName: 'Kowalska', daysWaiting: 3 });
  ids.kovalenko = await createMentee(w, w.org.id, { givenName: 'Iryna', familyName: 'Kovalenko', daysWaiting: 2 });
});
after(() => w.t.close());

const names = async (q: string) => namesInList((await worker.get(`/mentees?q=${encodeURIComponent(q)}`)).body).sort();

describe('names across scripts on the waiting list', () => {
  it('finds a Cyrillic name by its Latin spellings, Polish ones included, and a Latin name by Cyrillic', async () => {
    for (const q of ['Kowalenko', 'kovalenko', 'Olena Kovalenko', 'Kowal']) assert.ok((await names(q)).includes('Коваленко Олена'), q);
    assert.deepEqual(await names('Olena Kovalenko'), ['Коваленко Олена']);
    assert.deepEqual(await names('Коваленко'), ['Kovalenko Iryna', 'Коваленко Олена']);
    assert.deepEqual(await names('Kowalska'), ['Kowalska Anna'], 'within one script a search stays exact');
  });

  it('finds an Arabic name by the usual Latin spellings and a Latin search does not find it by one letter', async () => {
    for (const q of ['Mohammed', 'Muhammad', 'Mohamed']) assert.deepEqual(await names(q), ['الخطيب محمد'], q);
    assert.deepEqual(await names('محمد'), ['الخطيب محمد']);
    assert.deepEqual(await names('Ma'), [], 'one consonant is too little to match across scripts');
  });

  it('shows the transliteration next to a non-Latin name, the original marked with its language and direction', async () => {
    const list = (await worker.get('/mentees')).body;
    assert.match(list, new RegExp(`<a href="/mentees/${ids.olena}" lang="uk" dir="ltr">Коваленко Олена</a> <span class="latin-name" lang="uk-Latn" dir="ltr">\\(Kovalenko Olena\\)</span>`));
    assert.match(list, new RegExp(`<a href="/mentees/${ids.mohammed}" lang="ar" dir="rtl">الخطيب محمد</a> <span class="latin-name" lang="ar-Latn" dir="ltr">\\(Alkhtib Mhmd\\)</span>`));
    assert.match(list, new RegExp(`<a href="/mentees/${ids.kowalska}">Kowalska Anna</a>\\s*<`), 'nothing added to a Latin name');
    const page = (await worker.get(`/mentees/${ids.olena}`)).body;
    assert.match(page, /<h1><bdi lang="uk" dir="ltr">Олена Коваленко<\/bdi> <span class="latin-name" lang="uk-Latn" dir="ltr">\(Olena Kovalenko\)<\/span><\/h1>/);
  });
});

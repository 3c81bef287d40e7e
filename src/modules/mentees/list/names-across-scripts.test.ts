/**
 * Names across scripts on the waiting list /mentees: a Latin search finds Cyrillic and Arabic names (and back), the
 * list and the case page show the transliteration next to the original with the original's lang/dir.
 *   npx tsx scripts/test.ts --only=pglite src/modules/mentees/list/names-across-scripts.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TestClient } from '../../../core/testing/client.js';
import { sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { createMentee, namesInList, signedIn, validIntake, world, useWorld } from '../test-helpers.js';

const w = useWorld(world);
let worker: TestClient;
const ids: Record<string, string> = {};
before(async () => {
  worker = (await signedIn(w, ['social_worker'], { locale: 'en' })).client;
  ids.olena = await createMentee(w, w.org.id, { givenName: 'Олена', familyName: 'Коваленко', daysWaiting: 5 });
  ids.mohammed = await createMentee(w, w.org.id, { givenName: 'محمد', familyName: 'الخطيب', daysWaiting: 4 });
  ids.kowalska = await createMentee(w, w.org.id, { givenName: 'Anna', familyName: 'Kowalska', daysWaiting: 3 });
  ids.kovalenko = await createMentee(w, w.org.id, { givenName: 'Iryna', familyName: 'Kovalenko', daysWaiting: 2 });
});

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

  it('flags an intake in Latin as a possible duplicate of the same person recorded in Cyrillic (same birth date), not a namesake', async () => {
    const idOf = async (email: string) =>
      rowsOf<{ id: string; duplicate_of: string | null }>(await withSystem(w.db, (tx) => tx.execute(sql`select m.id, m.duplicate_of from mentees m join people p on p.id = m.person_id where p.email = ${email}`)))[0]!;
    const first = await worker.post('/mentees/new', validIntake({ givenName: 'Тарас', familyName: 'Бондаренко', email: 'taras@example.org', phone: '+48 600 300 301', birthDate: '1970-10-10' }));
    assert.equal(first.status, 303, first.body.slice(0, 300));
    const original = await idOf('taras@example.org');
    assert.equal(original.duplicate_of, null);
    const again = await worker.post('/mentees/new', validIntake({ givenName: 'Taras', familyName: 'Bondarenko', email: 'bondarenko.t@example.org', phone: '+48 700 300 302', birthDate: '1970-10-10' }));
    assert.equal(again.status, 303);
    const latin = await idOf('bondarenko.t@example.org');
    assert.equal(latin.duplicate_of, original.id);
    const namesake = await worker.post('/mentees/new', validIntake({ givenName: 'Taras', familyName: 'Bondarenko', email: 'other.taras@example.org', phone: '+48 700 300 303', birthDate: '1999-01-01' }));
    assert.equal(namesake.status, 303);
    assert.equal((await idOf('other.taras@example.org')).duplicate_of, null);
    // The list says so next to the name and links to the earlier record.
    const list = (await worker.get('/mentees?status=all&q=Bondarenko')).body;
    assert.match(list, new RegExp(`<a class="muted" href="/mentees/${original.id}">Possible duplicate of an earlier request</a>`));
  });
});

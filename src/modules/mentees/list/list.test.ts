/**
 * The waiting list /mentees: longest waiting first with days in the language's plural forms, the status tabs, search
 * ignoring diacritics, filters by programme, need and district, paging, empty states, audit, and who may see it.
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/list/list.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { withSystem } from '../../../core/db/tx.js';
import { formatList, translator } from '../../../core/i18n/index.js';
import type { TestClient } from '../../../core/testing/client.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';
import { languageLabel } from '../../volunteers/index.js';
import { auditEntries, createMentee, daysInList, namesInList, signedIn, world, useWorld } from '../test-helpers.js';

const w = useWorld(world);
let worker: { user: { userId: string }; client: TestClient };
let programmeId: string;
before(async () => {
  worker = await signedIn(w, ['social_worker'], { locale: 'pl', name: 'Paweł Szymański' });
  const [p] = await withSystem(w.db, (tx) => tx.insert(programmes).values({ organisationId: w.org.id, name: 'Tandem językowy' }).returning({ id: programmes.id }));
  programmeId = p!.id;
  const sw = worker.user.userId;
  await createMentee(w, w.org.id, { givenName: 'Łucja', familyName: 'Żółć', email: 'lucja@example.org', daysWaiting: 1, needs: ['language_practice'], languages: [{ code: 'uk', level: 'native' }, { code: 'pl', level: 'B1' }], district: 'Śródmieście', programmeId, socialWorkerUserId: sw });
  await createMentee(w, w.org.id, { givenName: 'Олена', familyName: 'Коваленко', daysWaiting: 5, needs: ['official_matters', 'job_search'], district: 'Zatorze' });
  await createMentee(w, w.org.id, { givenName: 'Omar', familyName: 'Khatib', daysWaiting: 2, needs: ['school_help'], district: 'Srodmiescie', minor: true });
  await createMentee(w, w.org.id, { givenName: 'Anna', familyName: 'Nowak', daysWaiting: 22, needs: ['leisure'], status: 'on_hold' });
  await createMentee(w, w.org.id, { givenName: 'Piotr', familyName: 'Closed', daysWaiting: 40, status: 'closed' });
  await createMentee(w, w.other.id, { givenName: 'Łukasz', familyName: 'Obcy', daysWaiting: 100 });
});

const pl = translator('pl');

describe('the waiting list', () => {
  it('shows the waiting, longest first, with days in Polish plural forms, needs, languages, district and social worker', async () => {
    const res = await worker.client.get('/mentees');
    assert.equal(res.status, 200);
    assert.deepEqual(daysInList(res.body), [
      ['Коваленко Олена', '5 dni'],
      ['Khatib Omar', '2 dni'],
      ['Żółć Łucja', '1 dzień'],
    ]);
    assert.doesNotMatch(res.body, /Obcy/, 'nothing of another organisation');
    assert.ok(res.body.includes(pl('mentees.need.official_matters')));
    assert.ok(res.body.includes(formatList([languageLabel(pl, 'pl', { code: 'uk', level: 'native' }), languageLabel(pl, 'pl', { code: 'pl', level: 'B1' })], 'pl')));
    assert.match(res.body, /<td[^>]*>Paweł Szymański<\/td>/);
    assert.ok(res.body.includes(pl('mentees.flag.minorShort')));
    assert.match(res.body, /<caption class="visually-hidden">/);
    assert.match(res.body, /<a href="\/mentees\?status=on_hold">Wstrzymane \(1\)<\/a>/);
    const audit = await auditEntries(w, w.org.id, 'mentee.list');
    assert.ok(audit.length >= 1);
    assert.equal(audit.at(-1)!.actorUserId, worker.user.userId);
  });

  it('has tabs per status and “all”, with helpful empty states', async () => {
    assert.deepEqual(namesInList((await worker.client.get('/mentees?status=on_hold')).body), ['Nowak Anna']);
    assert.deepEqual(daysInList((await worker.client.get('/mentees?status=on_hold')).body), [['Nowak Anna', '22 dni']]);
    assert.deepEqual(daysInList((await worker.client.get('/mentees?status=closed')).body), [['Closed Piotr', '—']]);
    assert.deepEqual(namesInList((await worker.client.get('/mentees?status=all')).body), ['Closed Piotr', 'Nowak Anna', 'Коваленко Олена', 'Khatib Omar', 'Żółć Łucja']);
    const matched = await worker.client.get('/mentees?status=matched');
    assert.ok(matched.body.includes(pl('mentees.list.empty.matched')));
    assert.equal((await worker.client.get('/mentees?status=nonsense&page=-3')).status, 200, 'a hand-edited bad value is dropped');
  });

  it('searches names and e-mails ignoring diacritics and case, and filters by programme, need and district', async () => {
    const names = async (qs: string) => namesInList((await worker.client.get(`/mentees?${qs}`)).body);
    for (const q of ['zolc', 'ŻÓŁĆ', 'lucja zolc', 'lucja@example']) assert.deepEqual(await names(`q=${encodeURIComponent(q)}`), ['Żółć Łucja'], q);
    assert.deepEqual(await names(`q=${encodeURIComponent('коваленко')}`), ['Коваленко Олена']);
    assert.deepEqual(await names('q=%25'), [], 'a % is searched for literally');
    assert.deepEqual(await names(`programme=${programmeId}`), ['Żółć Łucja']);
    assert.deepEqual(await names('need=job_search'), ['Коваленко Олена']);
    assert.deepEqual(await names(`district=${encodeURIComponent('śródmieście')}`), ['Khatib Omar', 'Żółć Łucja']);
    const none = await worker.client.get('/mentees?q=nobody-like-this');
    assert.ok(none.body.includes(pl('mentees.list.noMatches')));
    const list = await worker.client.get('/mentees');
    assert.match(list.body, new RegExp(`<option value="${programmeId}">Tandem językowy</option>`));
  });

  it('pages through a long list, 25 a page', async () => {
    const many = await world();
    const { client } = await signedIn(many, ['coordinator']);
    for (let i = 0; i < 27; i++) await createMentee(many, many.org.id, { givenName: `Person${String(i).padStart(2, '0')}`, familyName: 'Test', daysWaiting: 100 - i });
    const first = await client.get('/mentees');
    assert.equal(namesInList(first.body).length, 25);
    assert.equal(namesInList(first.body)[0], 'Test Person00');
    assert.match(first.body, /<a href="\/mentees\?page=2" rel="next">/);
    const second = await client.get('/mentees?page=2');
    assert.deepEqual(namesInList(second.body), ['Test Person25', 'Test Person26']);
    await many.t.close();
  });

  it('is for administrators, coordinators and social workers; programme managers and volunteers get 403', async () => {
    for (const role of ['programme_manager', 'volunteer'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/mentees')).status, 403, role);
    }
    for (const role of ['administrator', 'coordinator'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/mentees')).status, 200, role);
    }
  });
});

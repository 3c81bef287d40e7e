/**
 * The pipeline pages: list (search ignoring diacritics, filters, sort, paging), board, the volunteer page,
 * their audit entries, escaping, and who may see them.
 *   node --import tsx --test src/modules/volunteers/pipeline/pipeline.pages.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { withTenant } from '../../../core/db/tx.js';
import type { TestClient } from '../../../core/testing/client.js';
import { volunteerConsents } from '../volunteers.table.js';
import { anonymous, auditEntries, countRows, createVolunteer, namesInList, signedIn, useWorld } from './test-helpers.js';

const w = useWorld();
let coordinator: TestClient;
const ids: Record<string, string> = {};
before(async () => {
  coordinator = (await signedIn(w, ['coordinator'])).client;
  ids.lodz = await createVolunteer(w, w.org.id, { givenName: 'Łucja', familyName: 'ŁÓDŹ', email: 'lucja@example.org', stage: 'contacted', daysWaiting: 12, appliedDaysAgo: 40, languages: [{ code: 'pl', level: 'native' }, { code: 'uk', level: 'B1' }], district: 'Śródmieście', activities: ['mentoring', 'school_help'] });
  ids.zenon = await createVolunteer(w, w.org.id, { givenName: 'Zenon', familyName: 'Adamski', email: 'zenon@example.org', stage: 'applied', daysWaiting: 3, appliedDaysAgo: 3, languages: [{ code: 'en', level: 'C1' }], district: 'Bałuty', activities: ['errands'] });
  ids.olena = await createVolunteer(w, w.org.id, { givenName: 'Олена', familyName: 'Шевченко', email: 'olena@example.org', stage: 'training', daysWaiting: 30, appliedDaysAgo: 90, languages: [{ code: 'uk', level: 'native' }], district: 'Widzew', activities: ['language_help'] });
  ids.lewandowski = await createVolunteer(w, w.org.id, { givenName: 'Ewa', familyName: 'Lewandowska', email: 'lucja@example.org', stage: 'applied', daysWaiting: 0, appliedDaysAgo: 0, duplicateOf: ids.lodz, district: 'Śródmieście' });
  ids.foreign = await createVolunteer(w, w.other.id, { givenName: 'Łukasz', familyName: 'Łódzki', stage: 'applied' });
});

describe('the list /volunteers', () => {
  it('lists the organisation’s volunteers (longest waiting first by default) with stage, languages, district, activities, days and markers', async () => {
    const res = await coordinator.get('/volunteers');
    assert.equal(res.status, 200);
    assert.deepEqual(namesInList(res.body), ['Шевченко Олена', 'ŁÓDŹ Łucja', 'Adamski Zenon', 'Lewandowska Ewa']);
    assert.doesNotMatch(res.body, /Łódzki/, 'nothing of another organisation');
    assert.match(res.body, /Polish \(native speaker\), Ukrainian \(B1\)/);
    assert.match(res.body, /Mentoring, School help/);
    assert.match(res.body, /30 days/);
    assert.match(res.body, /Possible duplicate/);
    assert.match(res.body, /<div class="table-wrap">/);
    assert.match(res.body, /href="\/volunteers\/board"/);
    const audit = await auditEntries(w, w.org.id, 'volunteer.list');
    assert.ok(audit.length >= 1);
    assert.deepEqual(audit.at(-1)!.fields, ['name', 'email']);
  });

  it('finds names and e-mails ignoring Polish diacritics and case', async () => {
    for (const q of ['lodz', 'ŁÓDŹ', 'łódź', 'LUCJA łódź', 'lucja@example']) {
      const names = namesInList((await coordinator.get(`/volunteers?q=${encodeURIComponent(q)}`)).body);
      assert.ok(names.includes('ŁÓDŹ Łucja'), q);
      assert.ok(!names.includes('Łódzki Łukasz'));
    }
    assert.deepEqual(namesInList((await coordinator.get(`/volunteers?q=${encodeURIComponent('шевченко')}`)).body), ['Шевченко Олена']);
    const none = await coordinator.get('/volunteers?q=%25');
    assert.deepEqual(namesInList(none.body), [], 'a % is searched for literally');
    assert.match(none.body, /No volunteers match/);
  });

  it('filters by stage, language, district (folded), kind of help and days waiting', async () => {
    const names = async (qs: string) => namesInList((await coordinator.get(`/volunteers?${qs}`)).body).sort();
    assert.deepEqual(await names('stage=applied'), ['Adamski Zenon', 'Lewandowska Ewa']);
    assert.deepEqual(await names('language=uk'), ['ŁÓDŹ Łucja', 'Шевченко Олена']);
    assert.deepEqual(await names('district=srodmiescie'), ['Lewandowska Ewa', 'ŁÓDŹ Łucja']);
    assert.deepEqual(await names('activity=errands'), ['Adamski Zenon']);
    assert.deepEqual(await names('waitingMin=10'), ['ŁÓDŹ Łucja', 'Шевченко Олена']);
    assert.deepEqual(await names('waitingMin=10&language=uk&stage=training'), ['Шевченко Олена']);
    // A hand-edited bad value is dropped, not an error page.
    assert.equal((await coordinator.get('/volunteers?stage=hired&waitingMin=-4&sort=evil')).status, 200);
    // Days typed in Arabic-Indic digits in a text field (a number field would empty them): read, shown back in ASCII.
    assert.deepEqual(await names(`waitingMin=${encodeURIComponent('١٠')}`), ['ŁÓDŹ Łucja', 'Шевченко Олена']);
    assert.deepEqual(await names(`waitingMin=${encodeURIComponent(' ۲۰ ')}`), ['Шевченко Олена']);
    const typed = await coordinator.get(`/volunteers?waitingMin=${encodeURIComponent('١٠')}`);
    assert.match(typed.body, /name="waitingMin" type="text" inputmode="numeric"[^>]* value="10"/);
    // A days value the filter cannot use is kept in the field with a message there, and the list is not filtered by it.
    for (const bad of ['3651', '١٢abc', '-1']) {
      const ignored = await coordinator.get(`/volunteers?waitingMin=${encodeURIComponent(bad)}`);
      assert.equal(ignored.status, 200, bad);
      assert.match(ignored.body, /This filter was not applied: enter a whole number of days from 0 to 3650\./, bad);
      assert.match(ignored.body, /name="waitingMin"[^>]*aria-invalid="true"[^>]*aria-describedby="waitingMin-error"|name="waitingMin"[^>]*aria-describedby="waitingMin-error"[^>]*aria-invalid="true"/, bad);
    }
    const kept = await coordinator.get(`/volunteers?waitingMin=${encodeURIComponent('١٢abc')}`);
    assert.match(kept.body, /name="waitingMin"[^>]* value="١٢abc"/, 'what was typed is shown back');
    const list = await coordinator.get('/volunteers');
    assert.doesNotMatch(list.body, /This filter was not applied/);
    assert.match(list.body, /<option value="uk">Ukrainian<\/option>/, 'the language filter offers the languages spoken');
  });

  it('sorts by name (by the locale’s collation), stage, days waiting and application date, both ways', async () => {
    const names = async (qs: string) => namesInList((await coordinator.get(`/volunteers?${qs}`)).body);
    assert.deepEqual(await names('sort=name'), ['Adamski Zenon', 'Lewandowska Ewa', 'ŁÓDŹ Łucja', 'Шевченко Олена']);
    assert.deepEqual(await names('sort=name&dir=desc'), ['Шевченко Олена', 'ŁÓDŹ Łucja', 'Lewandowska Ewa', 'Adamski Zenon']);
    assert.deepEqual(await names('sort=stage'), ['Adamski Zenon', 'Lewandowska Ewa', 'ŁÓDŹ Łucja', 'Шевченко Олена']);
    assert.deepEqual(await names('sort=waiting&dir=asc'), ['Lewandowska Ewa', 'Adamski Zenon', 'ŁÓDŹ Łucja', 'Шевченко Олена']);
    assert.deepEqual(await names('sort=applied'), ['Lewandowska Ewa', 'Adamski Zenon', 'ŁÓDŹ Łucja', 'Шевченко Олена']);
    const res = await coordinator.get('/volunteers?sort=name');
    assert.match(res.body, /<th scope="col" aria-sort="ascending"><a href="\/volunteers\?sort=name&amp;dir=desc">/);
  });

  it('pages through more than 25 volunteers', async () => {
    const extra = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    for (let i = 0; i < 27; i++) await createVolunteer(w, w.other.id, { givenName: `Osoba${String(i).padStart(2, '0')}`, familyName: 'Testowa' });
    const first = await extra.client.get('/volunteers?sort=name');
    assert.equal(namesInList(first.body).length, 25);
    assert.match(first.body, /Page 1 of 2/);
    const second = await extra.client.get('/volunteers?sort=name&page=2');
    assert.equal(namesInList(second.body).length, 3);
  });

  it('shows checkboxes, the bulk form and the exports to coordinators, not to programme managers', async () => {
    const c = await coordinator.get('/volunteers');
    assert.match(c.body, /name="ids" value="[0-9a-f-]+:1"/);
    assert.match(c.body, /aria-label="Select Adamski Zenon"/);
    assert.match(c.body, /action="\/volunteers\/bulk"/);
    assert.match(c.body, /href="\/volunteers\/export.csv"/);
    const pm = (await signedIn(w, ['programme_manager'])).client;
    const p = await pm.get('/volunteers');
    assert.equal(p.status, 200);
    assert.doesNotMatch(p.body, /name="ids"|export\.csv|action="\/volunteers\/bulk"/);
  });
});

describe('the board /volunteers/board', () => {
  it('has a section per stage with a count and cards, and the rejected/withdrawn counts', async () => {
    const res = await coordinator.get('/volunteers/board');
    assert.equal(res.status, 200);
    const sections = [...res.body.matchAll(/<section class="card" aria-labelledby="col-([a-z_]+)"><h2 id="col-\1">([^<]+) <span class="muted">\(([^)]+)\)<\/span>/g)].map((m) => [m[1], m[3]]);
    assert.deepEqual(sections.map((s) => s[0]), ['applied', 'contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active', 'paused', 'ended']);
    assert.deepEqual(sections[0], ['applied', '2 volunteers']);
    assert.deepEqual(sections[1], ['contacted', '1 volunteer']);
    assert.match(res.body, /0 rejected/);
    assert.match(res.body, /<bdi>Шевченко Олена<\/bdi><\/a> <span class="muted">30 days/);
    assert.doesNotMatch(res.body, /<script(?! src="\/static\/app.js")/);
  });
});

describe('the volunteer page /volunteers/:id', () => {
  it('shows the personal data (audited), the answers, consents, the duplicate link and the move form with the version', async () => {
    await withTenant(w.db, { organisationId: w.org.id, userId: null }, (tx) =>
      tx.insert(volunteerConsents).values({ organisationId: w.org.id, volunteerId: ids.lewandowski!, purpose: 'volunteering', lawfulBasis: 'consent', text: 'Zgadzam się na przetwarzanie danych' }),
    );
    const res = await coordinator.get(`/volunteers/${ids.lewandowski}`);
    assert.equal(res.status, 200);
    assert.match(res.body, /<h1>Ewa Lewandowska<\/h1>/);
    assert.match(res.body, /lucja@example.org/);
    assert.match(res.body, /Possible duplicate: the same e-mail address applied on/);
    assert.match(res.body, new RegExp(`<a href="/volunteers/${ids.lodz}">Łucja ŁÓDŹ</a>`));
    assert.match(res.body, /Zgadzam się na przetwarzanie danych/);
    assert.match(res.body, /Consent \(GDPR art. 6\(1\)\(a\)\)/);
    assert.match(res.body, /name="version" value="1"/);
    assert.match(res.body, /<option value="contacted">Contacted<\/option>/);
    assert.match(res.body, /<option value="rejected">Rejected<\/option>/);
    // Further intake stages can be reached in one step (when every step's conditions hold); a pause cannot.
    assert.match(res.body, /<option value="approved">Approved \(through the stages before it\)<\/option>/);
    assert.doesNotMatch(res.body, /<option value="paused">/);
    assert.match(res.body, /<th scope="row">Monday<\/th>/);
    const views = (await auditEntries(w, w.org.id, 'volunteer.view')).filter((a) => a.entityId === ids.lewandowski);
    assert.equal(views.length, 1);
  });

  it('escapes HTML and script in every text it shows', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const id = await createVolunteer(w, w.org.id, { givenName: evil, familyName: `"${evil}`, email: null, district: evil, motivation: evil, stage: 'paused', stageReason: evil });
    for (const url of [`/volunteers/${id}`, '/volunteers?sort=name', '/volunteers/board']) {
      const res = await coordinator.get(url);
      assert.equal(res.status, 200);
      assert.doesNotMatch(res.body, /<script>alert|<img src=x/, url);
      assert.match(res.body, /&lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(2\)>/, url);
    }
  });
});

describe('who may see the pipeline', () => {
  it('sends anonymous visitors to sign in and refuses other roles with 403', async () => {
    const anon = await anonymous(w);
    for (const url of ['/volunteers', '/volunteers/board', `/volunteers/${ids.lodz}`, '/volunteers/export.csv', '/volunteers/export.xlsx']) {
      assert.match((await anon.get(url)).location ?? '', /^\/sign-in\?next=/, url);
    }
    for (const role of ['social_worker', 'volunteer', 'mentee'] as const) {
      const { client } = await signedIn(w, [role]);
      for (const url of ['/volunteers', '/volunteers/board', `/volunteers/${ids.lodz}`, '/volunteers/export.csv']) assert.equal((await client.get(url)).status, 403, `${role} ${url}`);
    }
    const pm = (await signedIn(w, ['programme_manager'])).client;
    assert.equal((await pm.get('/volunteers/export.csv')).status, 403, 'exports are for those who manage');
  });

  it("answers 404 for another organisation's volunteer or a malformed id, and reads nothing", async () => {
    const before = await countRows(w, 'audit_log', w.other.id);
    assert.equal((await coordinator.get(`/volunteers/${ids.foreign}`)).status, 404);
    assert.equal((await coordinator.get('/volunteers/not-a-uuid')).status, 404);
    assert.equal(await countRows(w, 'audit_log', w.other.id), before);
    assert.equal((await auditEntries(w, w.org.id, 'volunteer.view')).filter((a) => a.entityId === ids.foreign).length, 0);
  });
});

/**
 * Staff intake /mentees/new and /mentees/:id/edit: the happy path in Polish (every row in one go), bad input in Polish
 * and English (422, the message next to the field, nothing written), who may, and the optimistic version on edits.
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/intake/intake.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { translator } from '../../../core/i18n/index.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { memberships, people } from '../../../core/tenancy/tenancy.table.js';
import type { TestClient } from '../../../core/testing/client.js';
import { addDistricts, auditEntries, caseStaffOf, consentsOf, assertRowsAdded, counts, fieldError, eventsOf, formErrorOf, menteeRow, signedIn, validIntake, world, useWorld } from '../test-helpers.js';

const w = useWorld(world);
let worker: { user: { userId: string }; client: TestClient };
let colleague: { userId: string };
before(async () => {
  await addDistricts(w, w.org.id, ['Śródmieście', 'Zatorze']);
  worker = await signedIn(w, ['social_worker'], { locale: 'pl', name: 'Paweł Szymański' });
  colleague = await createUser(w.db, { organisationId: w.org.id, roles: ['social_worker'], name: 'Anna Nowak' });
});

const pl = translator('pl');
const en = translator('en');

describe('recording a person (/mentees/new)', () => {
  it('shows the form in Polish with the organisation’s districts, language rows and the week grid', async () => {
    const page = await worker.client.get('/mentees/new');
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="pl"/);
    assert.ok(page.body.includes(pl('mentees.intake.title')));
    assert.match(page.body, /<select id="f-district" name="district"/, 'a select of the organisation’s districts');
    assert.match(page.body, /<option value="Zatorze">Zatorze<\/option>/);
    assert.match(page.body, /name="languages\.2\.code"/);
    assert.equal((page.body.match(/name="availability"/g) ?? []).length, 21);
    assert.match(page.body, /<option value="[0-9a-f-]{36}" selected>Paweł Szymański<\/option>/, 'the recorder is the default social worker');
    assert.ok(page.body.includes(pl('mentees.field.languages')), 'staff wording, not the applicant’s “Languages you speak”');
  });

  it('writes the person, mentee role, mentee, consents, case staff, event and audit in one go', async () => {
    await worker.client.get('/mentees/new');
    const before = await counts(w);
    const res = await worker.client.post('/mentees/new', validIntake({ socialWorkerUserId: colleague.userId, birthDate: '2014-06-01' }));
    assert.equal(res.status, 303, res.body.slice(0, 300));
    const id = /^\/mentees\/([0-9a-f-]{36})$/.exec(res.location ?? '')?.[1];
    assert.ok(id, res.location);
    assertRowsAdded(before, await counts(w), { people: 1, memberships: 1, mentees: 1, mentee_consents: 2, mentee_case_staff: 2 });

    const m = await menteeRow(w, id);
    assert.equal(m.status, 'waiting');
    assert.equal(m.source, 'staff');
    assert.ok(m.waitingSince && Date.now() - m.waitingSince.getTime() < 60_000);
    assert.deepEqual(m.needs, ['language_practice', 'official_matters']);
    assert.deepEqual(m.languages, [{ code: 'uk', level: 'native' }, { code: 'pl', level: 'A2' }]);
    assert.deepEqual(m.availability, ['tue-afternoon', 'thu-evening']);
    assert.equal(m.district, 'Śródmieście');
    assert.deepEqual(m.interests, ['gotowanie', 'szachy']);
    assert.equal(m.preferredVolunteerGender, 'female');
    assert.equal(m.preferredVolunteerAgeMin, 25);
    assert.equal(m.minor, true, 'the birth date says under 18');
    assert.equal(m.socialWorkerUserId, colleague.userId);
    assert.equal(m.locale, 'uk');
    const [person] = await withSystem(w.db, (tx) => tx.select().from(people).where(eq(people.id, m.personId)));
    assert.equal(person!.gender, 'female');
    assert.equal(person!.locale, 'uk');
    assert.equal(person!.searchText, 'олена коваленко olena.k@example.org | olena kovalenko ~ln~ ~kvlnk~');
    const roles = await withSystem(w.db, (tx) => tx.select({ role: memberships.role }).from(memberships).where(eq(memberships.personId, m.personId)));
    assert.deepEqual(roles.map((r) => r.role), ['mentee']);

    const consents = await consentsOf(w, id);
    assert.deepEqual(consents.map((c) => [c.purpose, c.lawfulBasis]), [['contact_email', 'consent'], ['support', 'public_task']]);
    assert.equal(consents[1]!.text, translator('uk')('mentees.consent.text.support', { organisation: 'Stowarzyszenie Łączy Nas' }), 'the wording in the person’s language');
    assert.deepEqual(await caseStaffOf(w, id), [worker.user.userId, colleague.userId].sort());
    const events = await eventsOf(w, id);
    assert.deepEqual(events.map((e) => [e.kind, e.toStatus, e.actorUserId]), [['created', 'waiting', worker.user.userId]]);
    const audit = (await auditEntries(w, w.org.id, 'mentee.create')).filter((a) => a.entityId === id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actorUserId, worker.user.userId);
    assert.ok(audit[0]!.fields!.includes('needs') && audit[0]!.fields!.includes('birthDate'));

    const casePage = await worker.client.get(res.location!);
    assert.ok(casePage.body.includes(pl('mentees.intake.created', { name: 'Олена Коваленко' })), 'flash on the case page');
  });

  it('refuses bad input in Polish with the message next to each field, writing nothing', async () => {
    const cases: [Record<string, string | string[] | undefined>, string, string][] = [
      [{ needs: undefined }, 'needs', pl('validation.chooseAtLeast', { min: 1 })],
      [{ email: 'olena@' }, 'email', pl('validation.email')],
      [{ birthDate: '2999-01-01' }, 'birthDate', pl('validation.dateInFuture')],
      [{ preferredVolunteerAgeMin: '50', preferredVolunteerAgeMax: '30' }, 'preferredVolunteerAgeMax', pl('mentees.validation.ageRange')],
      [{ district: 'Mokotów' }, 'district', pl('mentees.validation.unknownDistrict')],
      [{ gender: 'robot' }, 'gender', pl('validation.choice')],
      [{ 'consents.support': 'contract' }, 'consents.support', pl('validation.choice')],
      [{ 'languages.0.level': 'Z9' }, 'languages.0.level', pl('validation.choice')],
      [{ programmeId: '00000000-0000-4000-8000-000000000000' }, 'programmeId', pl('mentees.validation.unknownProgramme')],
      [{ socialWorkerUserId: '00000000-0000-4000-8000-000000000000' }, 'socialWorkerUserId', pl('mentees.validation.unknownSocialWorker')],
      [{ givenName: '   ' }, 'givenName', pl('validation.required')],
    ];
    for (const [change, field, message] of cases) {
      await worker.client.get('/mentees/new');
      const before = await counts(w);
      const res = await worker.client.post('/mentees/new', validIntake({ email: 'bad@example.org', ...change }));
      assert.equal(res.status, 422, field);
      assert.equal(fieldError(res.body, field), message, field);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /value="bad@example.org"|value="olena@"/, 'the answers are kept');
      assert.deepEqual(await counts(w), before, `${field}: nothing written`);
    }
  });

  it('refuses bad input in English too', async () => {
    const { client } = await signedIn(w, ['coordinator'], { locale: 'en' });
    await client.get('/mentees/new');
    const before = await counts(w);
    const res = await client.post('/mentees/new', validIntake({ needs: undefined, email: 'x', birthDate: '2999-12-31', preferredVolunteerAgeMin: '70', preferredVolunteerAgeMax: '20', district: 'Atlantis' }));
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.body, 'needs'), en('validation.chooseAtLeast', { min: 1 }));
    assert.equal(fieldError(res.body, 'email'), en('validation.email'));
    assert.equal(fieldError(res.body, 'birthDate'), en('validation.dateInFuture'));
    assert.equal(fieldError(res.body, 'preferredVolunteerAgeMax'), en('mentees.validation.ageRange'));
    assert.deepEqual(await counts(w), before);
    // The district is checked by the service once the form itself is valid.
    const district = await client.post('/mentees/new', validIntake({ district: 'Atlantis' }));
    assert.equal(district.status, 422);
    assert.equal(fieldError(district.body, 'district'), en('mentees.validation.unknownDistrict'));
    assert.deepEqual(await counts(w), before);
  });

  it('adds a language row without JavaScript, checking and writing nothing', async () => {
    await worker.client.get('/mentees/new');
    const before = await counts(w);
    const res = await worker.client.post('/mentees/new', { ...validIntake({ needs: undefined }), _add: 'language' });
    assert.equal(res.status, 200);
    assert.match(res.body, /name="languages\.2\.code"/);
    assert.match(res.body, /name="languages\.3\.code"/);
    assert.doesNotMatch(res.body, /class="error-summary"/);
    assert.deepEqual(await counts(w), before);
  });

  it('is for administrators, coordinators and social workers only', async () => {
    for (const role of ['volunteer', 'programme_manager', 'mentee'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/mentees/new')).status, 403, role);
    }
    const { client } = await signedIn(w, ['administrator']);
    assert.equal((await client.get('/mentees/new')).status, 200);
  });
});

describe('editing a profile (/mentees/:id/edit)', () => {
  it('saves a correction with an event and audit entry, and refuses a stale form with 409 and the current state', async () => {
    await worker.client.get('/mentees/new');
    const created = await worker.client.post('/mentees/new', validIntake({ email: 'edit.me@example.org' }));
    const id = created.location!.split('/').pop()!;
    const form = await worker.client.get(`/mentees/${id}/edit`);
    assert.equal(form.status, 200);
    assert.match(form.body, /name="version" value="1"/);
    assert.match(form.body, /name="interests" type="text" value="gotowanie, szachy"/);
    assert.match(form.body, /<option value="A2" selected>/);

    const saved = await worker.client.post(`/mentees/${id}/edit`, { ...validIntake({ email: 'edit.me@example.org', needs: ['job_search'], district: 'Zatorze' }), 'consents.support': '', version: '1' });
    assert.equal(saved.status, 303);
    const m = await menteeRow(w, id);
    assert.equal(m.version, 2);
    assert.deepEqual(m.needs, ['job_search']);
    assert.equal(m.district, 'Zatorze');
    const profile = (await eventsOf(w, id)).find((e) => e.kind === 'profile');
    assert.deepEqual(profile!.detail.fields, ['district', 'needs']);
    assert.deepEqual((await auditEntries(w, w.org.id, 'mentee.update')).find((a) => a.entityId === id)!.fields, ['district', 'needs']);

    // The same (now stale) form again: 409 with the current state, nothing written.
    await worker.client.get(`/mentees/${id}/edit`);
    const before = await counts(w);
    const stale = await worker.client.post(`/mentees/${id}/edit`, { ...validIntake({ email: 'edit.me@example.org', needs: ['leisure'] }), version: '1' });
    assert.equal(stale.status, 409);
    assert.ok(stale.body.includes(pl('mentees.case.conflict')));
    assert.ok(stale.body.includes(pl('mentees.need.job_search')), 'the current state is shown');
    assert.deepEqual(await counts(w), { ...before, audit_log: before.audit_log + 2 }, 'only the views of the case page and its notes are audited');
    assert.deepEqual((await menteeRow(w, id)).needs, ['job_search']);

    const tampered = await worker.client.post(`/mentees/${id}/edit`, { ...validIntake({ email: 'edit.me@example.org' }), version: 'abc' });
    assert.equal(tampered.status, 422);
    assert.equal(formErrorOf(tampered.body), pl('mentees.validation.badForm'));
  });

  it('answers 404 for another organisation’s mentee and for a malformed id', async () => {
    const { client } = await signedIn(w, ['social_worker'], { organisationId: w.other.id });
    await worker.client.get('/mentees/new');
    const created = await worker.client.post('/mentees/new', validIntake({ email: 'mine@example.org' }));
    const id = created.location!.split('/').pop()!;
    assert.equal((await client.get(`/mentees/${id}/edit`)).status, 404);
    assert.equal((await client.get('/mentees/not-a-uuid/edit')).status, 404);
  });
});

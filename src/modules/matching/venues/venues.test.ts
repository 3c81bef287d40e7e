import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { introductions, matches, venues } from '../matching.table.js';
import { textOf } from '../test-helpers.js';
import { auditEntries, countRows, matchedMentee, activeVolunteer, fieldError, flashOn, settingsAudits, signedIn, useWorld } from './test-helpers.js';

const w = useWorld();

const venueNamed = async (name: string) => (await withSystem(w.db, (tx) => tx.select().from(venues).where(eq(venues.name, name))))[0];
const cafe = { kind: 'cafe', name: 'Kawiarnia Pod Lipami', address: 'ul. Lipowa 4, Zielona Dolina', district: '', districtOther: '', openingHours: 'pon.–pt. 8:00–20:00, sob. 10:00–16:00', stepFree: 'true' };

describe('venues', () => {
  it('adds a venue with a district from the list; lists active venues first; edits it', async () => {
    const { client } = await signedIn(w, ['coordinator'], { locale: 'pl' });
    await client.get('/matching/settings/districts/new');
    await client.post('/matching/settings/districts/new', { name: 'Śródmieście', latitude: '52,23', longitude: '21,01' });
    const form = await client.get('/matching/settings/venues/new');
    assert.match(form.body, /<option value="Śródmieście">Śródmieście<\/option>/);
    assert.match(form.body, /<legend>Dzielnica<\/legend>/);
    assert.equal((await client.post('/matching/settings/venues/new', { ...cafe, district: 'Śródmieście' })).status, 303);
    assert.match(await flashOn(client, '/matching/settings'), /Dodano miejsce spotkań Kawiarnia Pod Lipami/);
    const v = (await venueNamed(cafe.name))!;
    assert.deepEqual([v.kind, v.district, v.stepFree, v.active, v.openingHours], ['cafe', 'Śródmieście', true, true, cafe.openingHours]);
    assert.ok((await auditEntries(w, w.org.id, 'venue.create')).some((a) => a.entityId === v.id));

    await client.get('/matching/settings/venues/new');
    await client.post('/matching/settings/venues/new', { kind: 'library', name: 'Biblioteka Miejska, filia 3', address: 'ul. Słoneczna 12', districtOther: 'Za rzeką' });
    const library = (await venueNamed('Biblioteka Miejska, filia 3'))!;
    assert.deepEqual([library.district, library.stepFree, library.openingHours], ['Za rzeką', false, '']);
    await client.post(`/matching/settings/venues/${v.id}/deactivate`);
    const list = await client.get('/matching/settings');
    assert.ok(list.body.indexOf('<th scope="row">Biblioteka Miejska') < list.body.indexOf('<th scope="row">Kawiarnia Pod Lipami'), 'active venues first');
    assert.match(list.body, /Wyłączone/);

    const edit = await client.get(`/matching/settings/venues/${library.id}/edit`);
    assert.match(edit.body, /name="districtOther" type="text" value="Za rzeką"/, 'a district not on the list goes to the free-text field');
    const saved = await client.post(`/matching/settings/venues/${library.id}/edit`, { kind: 'library', name: 'Biblioteka Miejska, filia 3', address: 'ul. Słoneczna 12', district: 'Śródmieście', openingHours: 'wt.–sob. 10:00–18:00', stepFree: 'true' });
    assert.equal(saved.status, 303);
    const after = (await venueNamed('Biblioteka Miejska, filia 3'))!;
    assert.deepEqual([after.district, after.openingHours, after.stepFree], ['Śródmieście', 'wt.–sob. 10:00–18:00', true]);
    assert.deepEqual((await auditEntries(w, w.org.id, 'venue.update')).find((a) => a.entityId === library.id)?.fields?.sort(), ['district', 'openingHours', 'stepFree']);
  });

  it('refuses bad input at the fields (Polish and English) and writes nothing', async () => {
    const pl = (await signedIn(w, ['coordinator'], { locale: 'pl' })).client;
    await pl.get('/matching/settings/venues/new');
    const before = [await countRows(w, 'venues'), await settingsAudits(w)];
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ...cafe, name: '' }, 'name', /Wypełnij to pole/],
      [{ ...cafe, name: 'Inna', address: '   ' }, 'address', /Wypełnij to pole/],
      [{ ...cafe, name: 'Inna', kind: 'bar' }, 'kind', /./],
      [{ ...cafe, name: 'Inna', openingHours: 'x'.repeat(301) }, 'openingHours', /./],
      [{ ...cafe, name: 'Inna', district: 'Śródmieście', districtOther: 'Zatorze' }, 'districtOther', /Wybierz dzielnicę z listy albo wpisz inną okolicę/],
      [{ ...cafe, name: 'kawiarnia pod lipami' }, 'name', /Twoja organizacja ma już miejsce spotkań o tej nazwie/],
    ];
    for (const [form, field, message] of cases) {
      const res = await pl.post('/matching/settings/venues/new', form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(fieldError(res.body, field) ?? '', message, `${field}: ${JSON.stringify(form)}`);
    }
    const en = (await signedIn(w, ['administrator'])).client;
    await en.get('/matching/settings/venues/new');
    const res = await en.post('/matching/settings/venues/new', { ...cafe, name: 'KAWIARNIA POD LIPAMI' });
    assert.equal(fieldError(res.body, 'name'), 'Your organisation already has a venue with this name.');
    assert.deepEqual([await countRows(w, 'venues'), await settingsAudits(w)], before);
  });

  it('a venue used by an introduction cannot be deleted: the page says so and offers deactivation; an unused one can', async () => {
    const { client, user } = await signedIn(w, ['coordinator']);
    await client.get('/matching/settings/venues/new');
    await client.post('/matching/settings/venues/new', { kind: 'community_centre', name: 'Dom Sąsiedzki Zatorze', address: 'ul. Kolejowa 7' });
    await client.post('/matching/settings/venues/new', { kind: 'other', name: 'Park Miejski', address: 'al. Parkowa' });
    const used = (await venueNamed('Dom Sąsiedzki Zatorze'))!;
    const unused = (await venueNamed('Park Miejski'))!;
    const v = await activeVolunteer(w);
    const m = await matchedMentee(w);
    await withSystem(w.db, async (tx) => {
      const [match] = await tx.insert(matches).values({ organisationId: w.org.id, menteeId: m.id, volunteerId: v.id }).returning();
      await tx.insert(introductions).values({ organisationId: w.org.id, matchId: match!.id, venueId: used.id, startsAt: new Date(Date.now() + 86_400_000), icsUid: 'x@test', createdByUserId: user.userId });
    });

    const page = await client.get(`/matching/settings/venues/${used.id}/delete`);
    assert.match(page.body, /This venue cannot be deleted: 1 introduction took place or is planned there/);
    assert.match(page.body, /Deactivate it instead/);
    const refused = await client.post(`/matching/settings/venues/${used.id}/delete`);
    assert.equal(refused.status, 409);
    assert.match(refused.body, /This venue cannot be deleted/);
    assert.ok(await venueNamed('Dom Sąsiedzki Zatorze'));

    assert.equal((await client.post(`/matching/settings/venues/${used.id}/deactivate`)).status, 303);
    assert.equal((await venueNamed('Dom Sąsiedzki Zatorze'))!.active, false);
    assert.equal((await auditEntries(w, w.org.id, 'venue.deactivate')).filter((a) => a.entityId === used.id).length, 1);
    await client.post(`/matching/settings/venues/${used.id}/deactivate`);
    assert.equal((await auditEntries(w, w.org.id, 'venue.deactivate')).filter((a) => a.entityId === used.id).length, 1, 'deactivating twice changes nothing');
    assert.equal((await client.post(`/matching/settings/venues/${used.id}/reactivate`)).status, 303);
    assert.equal((await venueNamed('Dom Sąsiedzki Zatorze'))!.active, true);

    const confirm = await client.get(`/matching/settings/venues/${unused.id}/delete`);
    assert.match(confirm.body, /No introduction has used this venue/);
    assert.equal((await client.post(`/matching/settings/venues/${unused.id}/delete`)).status, 303);
    assert.equal(await venueNamed('Park Miejski'), undefined);
    assert.ok((await auditEntries(w, w.org.id, 'venue.delete')).some((a) => a.entityId === unused.id));
  });

  it('shows empty states', async () => {
    const { client } = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    const page = await client.get('/matching/settings');
    assert.equal(page.status, 200);
    assert.match(page.body, /No districts yet/);
    assert.match(page.body, /No venues yet/);
    assert.match(page.body, /no programmes yet/);
  });
});

describe('venue opening hours', () => {
  const week = { hoursMon: '9-17', hoursTue: '09:00–17:00', hoursWed: '9:00-17:00', hoursThu: '9-17', hoursFri: '9-17', hoursSat: '10-14', hoursSun: '' };
  const library = { kind: 'library', name: 'Biblioteka Godzinowa', address: 'ul. Zegarowa 1', ...week };

  it('saves per-weekday intervals (two a day, closed days), shows them on the list and in the form, audits only a real change', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    await client.get('/matching/settings/venues/new');
    const form = await client.get('/matching/settings/venues/new');
    assert.match(form.body, /<legend>Opening hours<\/legend>/);
    assert.match(form.body, /<label for="f-hoursMon">Monday/);
    assert.equal((await client.post('/matching/settings/venues/new', library)).status, 303);
    const v = (await venueNamed(library.name))!;
    const nine = [{ from: '09:00', to: '17:00' }];
    assert.deepEqual(v.weeklyHours, { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [{ from: '10:00', to: '14:00' }], sun: [] });
    assert.ok((await auditEntries(w, w.org.id, 'venue.create')).find((a) => a.entityId === v.id)?.fields?.includes('weeklyHours'));

    const list = textOf((await client.get('/matching/settings')).body);
    assert.match(list, /Biblioteka Godzinowa .*Monday–Friday: 09:00–17:00 Saturday: 10:00–14:00 Sunday: closed/);

    const edit = await client.get(`/matching/settings/venues/${v.id}/edit`);
    assert.match(edit.body, /name="hoursMon" type="text" value="09:00–17:00"/);
    assert.match(edit.body, /name="hoursSun" type="text" value autocomplete/);
    await client.post(`/matching/settings/venues/${v.id}/edit`, { ...library, hoursMon: '15:00-18:00, 9-13' });
    assert.deepEqual((await venueNamed(library.name))!.weeklyHours!.mon, [{ from: '09:00', to: '13:00' }, { from: '15:00', to: '18:00' }]);
    assert.deepEqual((await auditEntries(w, w.org.id, 'venue.update')).filter((a) => a.entityId === v.id).map((a) => a.fields), [['weeklyHours']]);
    const pl = textOf((await (await signedIn(w, ['coordinator'], { locale: 'pl' })).client.get('/matching/settings')).body);
    assert.match(pl, /poniedziałek: 09:00–13:00 i 15:00–18:00 wtorek–piątek: 09:00–17:00 sobota: 10:00–14:00 niedziela: nieczynne/);

    await client.post(`/matching/settings/venues/${v.id}/edit`, { ...library, hoursMon: '09:00–13:00, 15:00–18:00' });
    assert.equal((await auditEntries(w, w.org.id, 'venue.update')).filter((a) => a.entityId === v.id).length, 1, 'the same hours typed differently are no change');
    await client.post(`/matching/settings/venues/${v.id}/edit`, { kind: 'library', name: library.name, address: library.address });
    assert.equal((await venueNamed(library.name))!.weeklyHours, null, 'every day empty: the hours are not known');
  });

  it('refuses a bad time, an end before its start and overlapping intervals next to the day, in the user’s language, and changes nothing', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    await client.get('/matching/settings/venues/new');
    await client.post('/matching/settings/venues/new', { ...library, name: 'Kawiarnia Stała' });
    const v = (await venueNamed('Kawiarnia Stała'))!;
    const before = [await countRows(w, 'venues'), await settingsAudits(w)];
    const cases: [Record<string, string>, string, string][] = [
      [{ hoursTue: 'noon-5' }, 'hoursTue', 'Enter the hours like 09:00–13:00, several separated by commas.'],
      [{ hoursWed: '25:00-26:00' }, 'hoursWed', 'Enter the hours like 09:00–13:00, several separated by commas.'],
      [{ hoursThu: '17-9' }, 'hoursThu', 'Each closing time must come after its opening time, for example 09:00–13:00.'],
      [{ hoursFri: '9-13, 12-18' }, 'hoursFri', 'Two of these intervals overlap. Join them into one or correct one of them.'],
    ];
    for (const [change, field, message] of cases) {
      const created = await client.post('/matching/settings/venues/new', { ...library, name: 'Nowa', ...change });
      assert.equal(created.status, 422, JSON.stringify(change));
      assert.equal(fieldError(created.body, field), message);
      assert.match(created.body, new RegExp(`href="#f-${field}"`), 'the error summary links to the day');
      const edited = await client.post(`/matching/settings/venues/${v.id}/edit`, { ...library, name: 'Kawiarnia Stała', ...change });
      assert.equal(edited.status, 422);
      assert.equal(fieldError(edited.body, field), message);
    }
    const ar = (await signedIn(w, ['coordinator'], { locale: 'ar' })).client;
    await ar.get('/matching/settings/venues/new');
    const res = await ar.post(`/matching/settings/venues/${v.id}/edit`, { ...library, name: 'Kawiarnia Stała', hoursMon: '13-9' });
    assert.equal(fieldError(res.body, 'hoursMon'), 'يجب أن يكون وقت الإغلاق بعد وقت الفتح، مثل 09:00–13:00.');
    assert.deepEqual([await countRows(w, 'venues'), await settingsAudits(w)], before);
    assert.deepEqual((await venueNamed('Kawiarnia Stała'))!.weeklyHours, v.weeklyHours);
  });
});

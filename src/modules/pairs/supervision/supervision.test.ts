import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { foldForSearch } from '../../../core/i18n/index.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { volunteers } from '../../volunteers/index.js';
import { addDays, todayIn } from '../../../core/i18n/time-zone.js';
import { signedIn, auditEntries, clockChanges, countRows, activeVolunteer, fieldError, flashOn, useWorld, type SignedIn } from '../concerns/test-helpers.js';
import { supervisionAttendees, supervisionSessions } from '../pairs.table.js';

const w = useWorld();
let coord: SignedIn;
const { year, springForward } = clockChanges();
const sessions = () => withSystem(w.db, (tx) => tx.select().from(supervisionSessions).orderBy(supervisionSessions.createdAt));
const attendeesOf = (sessionId: string) => withSystem(w.db, (tx) => tx.select().from(supervisionAttendees).where(eq(supervisionAttendees.sessionId, sessionId)));

before(async () => {
  coord = await signedIn(w, ['coordinator'], { name: 'Celina Nowak' });
});

const good = { audience: 'volunteers', date: `${year}-07-15`, time: '17:30', minutes: '90', place: 'Dom Sąsiedzki, ul. Lipowa 4', onlineLink: '', facilitator: 'dr Ewa Superwizorka', topics: 'Granice w relacji z podopiecznym' };

async function applied(organisationId: string, givenName: string) {
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx.insert(people).values({ organisationId, givenName, familyName: 'Kandydat', searchText: foldForSearch(givenName) }).returning({ id: people.id });
    await tx.insert(volunteers).values({ organisationId, personId: p!.id, stage: 'applied' });
    return p!.id;
  });
}

describe('group supervision', () => {
  it('plans a session in the organisation’s time zone, lists it as upcoming, and audits the change', async () => {
    const form = await coord.client.get('/supervision/new');
    assert.equal(form.status, 200);
    assert.match(form.body, /Europe\/Warsaw/);
    const res = await coord.client.post('/supervision', good);
    assert.equal(res.status, 303);
    assert.match(await flashOn(coord.client, res.location!), /The session is planned/);
    const s = (await sessions()).at(-1)!;
    assert.equal(s.startsAt.toISOString(), `${year}-07-15T15:30:00.000Z`, '17:30 in Warsaw in summer');
    assert.deepEqual([s.audience, s.minutes, s.place, s.onlineLink, s.facilitator], ['volunteers', 90, 'Dom Sąsiedzki, ul. Lipowa 4', null, 'dr Ewa Superwizorka']);
    assert.ok((await auditEntries(w, w.org.id, 'supervision.create')).some((a) => a.entityId === s.id));
    const list = await coord.client.get('/supervision');
    assert.match(list.body, /Upcoming sessions[\s\S]*dr Ewa Superwizorka[\s\S]*Past sessions/);

    const edit = await coord.client.get(`/supervision/${s.id}/edit`);
    assert.match(edit.body, /name="time" type="time" value="17:30"/);
    const changed = await coord.client.post(`/supervision/${s.id}`, { ...good, audience: 'coordinators', time: '18:00', place: '', onlineLink: 'https://meet.example.org/abc' });
    assert.equal(changed.status, 303);
    const after = (await sessions()).find((x) => x.id === s.id)!;
    assert.deepEqual([after.audience, after.startsAt.toISOString(), after.place, after.onlineLink], ['coordinators', `${year}-07-15T16:00:00.000Z`, null, 'https://meet.example.org/abc']);
    assert.ok((await auditEntries(w, w.org.id, 'supervision.update')).some((a) => a.entityId === s.id));
  });

  it('reads the length typed in Arabic-Indic digits (a text field with a numeric keyboard, not a number field)', async () => {
    const form = await coord.client.get('/supervision/new');
    assert.match(form.body, /name="minutes" type="text"[^>]* inputmode="numeric"/, 'type="number" would empty "١٢٠" in Chromium');
    const res = await coord.client.post('/supervision', { ...good, facilitator: 'Layla Haddad', minutes: '١٢٠' });
    assert.equal(res.status, 303);
    assert.equal((await sessions()).find((s) => s.facilitator === 'Layla Haddad')!.minutes, 120);
  });

  it('refuses bad input with a message at the field and writes nothing', async () => {
    await coord.client.get('/supervision/new');
    const before = await countRows(w, 'supervision_sessions');
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ...good, place: '', onlineLink: '' }, 'place', /Give a place or an online link/],
      [{ ...good, onlineLink: 'http://insecure.example.org' }, 'onlineLink', /https:\/\//],
      [{ ...good, date: springForward, time: '02:30' }, 'time', /does not exist on that day/],
      [{ ...good, time: '25:00' }, 'time', /HH:MM/],
      [{ ...good, date: `${year}-02-30` }, 'date', /./],
      [{ ...good, minutes: '10' }, 'minutes', /from 15 to 480/],
      [{ ...good, minutes: 'dużo' }, 'minutes', /from 15 to 480/],
      [{ ...good, minutes: '1.5' }, 'minutes', /from 15 to 480/],
      [{ ...good, minutes: '' }, 'minutes', /Fill in this field/],
      [{ ...good, facilitator: '  ' }, 'facilitator', /Fill in this field/],
      [{ ...good, audience: 'mentees' }, 'audience', /Choose one of the options/],
    ];
    for (const [form, field, message] of cases) {
      const res = await coord.client.post('/supervision', form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(fieldError(res.body, field) ?? '', message, JSON.stringify(form));
    }
    assert.equal(await countRows(w, 'supervision_sessions'), before);
  });

  it('records attendance of active volunteers and a short record after the session; refuses others and sessions not yet begun', async () => {
    const ala = await activeVolunteer(w, { givenName: 'Ala', familyName: 'Kowalska' });
    const borys = await activeVolunteer(w, { givenName: 'Борис', familyName: 'Іванов' });
    const candidate = await applied(w.org.id, 'Cezary');
    const foreignVolunteer = await activeVolunteer(w, { organisationId: w.other.id, givenName: 'Obca', familyName: 'Osoba' });
    const yesterday = addDays(todayIn('Europe/Warsaw'), -1);
    await coord.client.get('/supervision/new');
    const res = await coord.client.post('/supervision', { ...good, date: yesterday, time: '10:00' });
    const id = res.location!.split('/').pop()!;

    const page = await coord.client.get(`/supervision/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`value="${ala.personId}"`));
    assert.match(page.body, new RegExp(`value="${borys.personId}"`));
    assert.doesNotMatch(page.body, new RegExp(candidate), 'not yet an active volunteer');
    assert.doesNotMatch(page.body, new RegExp(coord.user.personId), 'staff are not offered for a volunteers’ session');
    assert.ok((await auditEntries(w, w.org.id, 'supervision.view')).some((a) => a.entityId === id));

    const saved = await coord.client.post(`/supervision/${id}/attendance`, { attendees: [ala.personId, borys.personId], record: 'Rozmowa o granicach; dwie osoby chcą kolejnej sesji.' });
    assert.equal(saved.status, 303);
    assert.match(await flashOn(coord.client, saved.location!), /Attendance saved: 2 people/);
    assert.deepEqual((await attendeesOf(id)).map((a) => [a.personId, a.attended]).sort(), [[ala.personId, true], [borys.personId, true]].sort());
    assert.equal((await sessions()).find((s) => s.id === id)!.record, 'Rozmowa o granicach; dwie osoby chcą kolejnej sesji.');
    assert.ok((await auditEntries(w, w.org.id, 'supervision.attendance')).some((a) => a.entityId === id));

    await coord.client.get(`/supervision/${id}`);
    assert.equal((await coord.client.post(`/supervision/${id}/attendance`, { attendees: ala.personId, record: '' })).status, 303);
    assert.deepEqual((await attendeesOf(id)).map((a) => a.personId), [ala.personId], 'unticked means not there');

    for (const bad of [foreignVolunteer.personId, candidate, 'not-a-uuid']) {
      const refused = await coord.client.post(`/supervision/${id}/attendance`, { attendees: [ala.personId, bad] });
      assert.equal(refused.status, 422, bad);
      assert.ok(fieldError(refused.body, 'attendees'), bad);
    }
    assert.deepEqual((await attendeesOf(id)).map((a) => a.personId), [ala.personId], 'nothing changed');

    const future = (await sessions()).find((s) => s.startsAt.getTime() > Date.now())!;
    const early = await coord.client.post(`/supervision/${future.id}/attendance`, { attendees: [] });
    assert.equal(early.status, 422);
    assert.match(early.body, /only after the session has begun/);
  });

  it('is for coordinators and administrators only; another organisation’s session is 404', async () => {
    const s = (await sessions())[0]!;
    for (const roles of [['volunteer'], ['social_worker']] as const) {
      const a = await signedIn(w, [...roles]);
      for (const url of ['/supervision', '/supervision/new', `/supervision/${s.id}`]) assert.equal((await a.client.get(url)).status, 403, `${roles[0]} ${url}`);
      assert.equal((await a.client.post('/supervision', good)).status, 403);
      assert.equal((await a.client.post(`/supervision/${s.id}/attendance`, { attendees: [] })).status, 403);
    }
    const foreign = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    assert.equal((await foreign.client.get(`/supervision/${s.id}`)).status, 404);
    assert.equal((await foreign.client.get(`/supervision/${s.id}/edit`)).status, 404);
    await foreign.client.get('/supervision');
    const before = JSON.stringify(await sessions());
    assert.equal((await foreign.client.post(`/supervision/${s.id}`, good)).status, 404);
    assert.equal((await foreign.client.post(`/supervision/${s.id}/attendance`, { attendees: [] })).status, 404);
    assert.equal(JSON.stringify(await sessions()), before);
    const admin = await signedIn(w, ['administrator']);
    assert.equal((await admin.client.get('/supervision')).status, 200);
  });
});

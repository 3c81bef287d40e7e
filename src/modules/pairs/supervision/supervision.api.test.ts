/**
 * The JSON API of group supervision: /api/v1/supervision… (administrators and coordinators).
 *   npm test -- src/modules/pairs/supervision/supervision.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';
import { apiUser } from '../../../core/testing/world.js';
import { addDays, todayIn } from '../../../core/i18n/time-zone.js';
import { activeVolunteer, auditEntries, clockChanges, countRows, world, type World } from '../concerns/test-helpers.js';
import { SessionList, SessionOutput } from './supervision.schemas.js';

type Caller = Awaited<ReturnType<typeof apiUser>>;
let w: World;
let coord: Caller, admin: Caller, foreign: Caller;
const { year, springForward } = clockChanges();
const good = { audience: 'volunteers', date: `${year}-07-15`, time: '17:30', minutes: 90, place: 'Dom Sąsiedzki, ul. Lipowa 4', facilitator: 'dr Ewa Superwizorka', topics: 'Granice w relacji z podopiecznym' };

before(async () => {
  w = await world();
  [coord, admin] = await Promise.all([apiUser(w, ['coordinator']), apiUser(w, ['administrator'])]);
  foreign = await apiUser(w, ['coordinator', 'administrator'], w.other.id);
});
after(() => w.t.close());

const call = (who: Caller | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => apiCall(w, method, url, who?.token ?? null, body);

/** A session planned through the API (201): its output. */
async function planned(body: object = good): Promise<SessionOutput> {
  const res = await call(coord, 'POST', '/api/v1/supervision', body);
  assert.equal(res.statusCode, 201, res.body);
  return SessionOutput.parse(res.json());
}
const current = async (id: string) => SessionOutput.parse((await call(admin, 'GET', `/api/v1/supervision/${id}`)).json());

describe('planning and changing sessions', () => {
  it('plans a session on the organisation’s wall clock (201), lists it as upcoming; audited', async () => {
    const s = await planned();
    assert.equal(s.startsAt, `${year}-07-15T15:30:00.000Z`, '17:30 in Warsaw in summer');
    assert.deepEqual([s.date, s.time, s.timeZone, s.minutes, s.place, s.onlineLink, s.started], [`${year}-07-15`, '17:30', 'Europe/Warsaw', 90, good.place, null, false]);
    assert.ok((await auditEntries(w, w.org.id, 'supervision.create')).some((a) => a.entityId === s.id));
    const list = SessionList.parse((await call(admin, 'GET', '/api/v1/supervision')).json());
    assert.ok(list.upcoming.some((u) => u.id === s.id && u.attended === 0 && !u.hasRecord));
    assert.ok(!list.past.some((p) => p.id === s.id));
  });

  it('refuses bad input with a message at the field (422) and writes nothing', async () => {
    const before = await countRows(w, 'supervision_sessions');
    const cases: [object, string][] = [
      [{ ...good, place: '', onlineLink: '' }, 'place'],
      [{ ...good, onlineLink: 'http://insecure.example.org' }, 'onlineLink'],
      [{ ...good, date: springForward, time: '02:30' }, 'time'],
      [{ ...good, time: '25:00' }, 'time'],
      [{ ...good, minutes: 10 }, 'minutes'],
      [{ ...good, minutes: 1.5 }, 'minutes'],
      [{ ...good, facilitator: undefined }, 'facilitator'],
      [{ ...good, audience: 'mentees' }, 'audience'],
      [{ ...good, colour: 'blue' }, '_form'],
    ];
    for (const [body, field] of cases) {
      const res = await call(coord, 'POST', '/api/v1/supervision', body);
      assert.equal(res.statusCode, 422, JSON.stringify(body));
      assert.ok(res.json<ErrorBody>().error.fields?.[field], `${field}: ${res.body}`);
    }
    assert.equal(await countRows(w, 'supervision_sessions'), before);
  });

  it('PATCH changes the fields sent and keeps the others (200); the result is checked as a whole; audited', async () => {
    const s = await planned({ ...good, facilitator: 'Do zmiany' });
    const res = await call(coord, 'PATCH', `/api/v1/supervision/${s.id}`, { time: '18:00', place: '', onlineLink: 'https://meet.example.org/abc' });
    assert.equal(res.statusCode, 200, res.body);
    const changed = SessionOutput.parse(res.json());
    assert.deepEqual([changed.startsAt, changed.place, changed.onlineLink, changed.facilitator, changed.minutes], [`${year}-07-15T16:00:00.000Z`, null, 'https://meet.example.org/abc', 'Do zmiany', 90]);
    assert.ok((await auditEntries(w, w.org.id, 'supervision.update')).some((a) => a.entityId === s.id));

    for (const [body, field] of [[{ onlineLink: '' }, 'place'], [{ minutes: 'dużo' }, 'minutes'], [{ colour: 'blue' }, '_form']] as const) {
      const refused = await call(coord, 'PATCH', `/api/v1/supervision/${s.id}`, body);
      assert.equal(refused.statusCode, 422, JSON.stringify(body));
      assert.ok(refused.json<ErrorBody>().error.fields?.[field], `${field}: ${refused.body}`);
    }
    assert.deepEqual(await current(s.id), changed, 'nothing changed');
  });
});

describe('attendance', () => {
  it('records who attended and a short record once the session has begun (200); refuses others and early records (422); audited', async () => {
    const ala = await activeVolunteer(w, { givenName: 'Ala', familyName: 'Kowalska' });
    const borys = await activeVolunteer(w, { givenName: 'Борис', familyName: 'Іванов' });
    const foreignVolunteer = await activeVolunteer(w, { organisationId: w.other.id, givenName: 'Obca', familyName: 'Osoba' });
    const s = await planned({ ...good, date: addDays(todayIn('Europe/Warsaw'), -1), time: '10:00' });
    assert.equal(s.started, true);
    assert.deepEqual(s.attendance.filter((a) => [ala.personId, borys.personId].includes(a.personId)).map((a) => a.attended), [false, false], 'offered, not yet ticked');
    assert.ok((await auditEntries(w, w.org.id, 'supervision.view')).some((a) => a.entityId === s.id));

    const path = `/api/v1/supervision/${s.id}/attendance`;
    const res = await call(coord, 'POST', path, { attendees: [ala.personId, borys.personId], record: 'Rozmowa o granicach.' });
    assert.equal(res.statusCode, 200, res.body);
    const done = SessionOutput.parse(res.json());
    assert.deepEqual(done.attendance.filter((a) => a.attended).map((a) => a.personId).sort(), [ala.personId, borys.personId].sort());
    assert.equal(done.record, 'Rozmowa o granicach.');
    assert.ok((await auditEntries(w, w.org.id, 'supervision.attendance')).some((a) => a.entityId === s.id));
    const listed = SessionList.parse((await call(coord, 'GET', '/api/v1/supervision')).json()).past.find((p) => p.id === s.id);
    assert.deepEqual([listed?.attended, listed?.hasRecord], [2, true]);

    for (const bad of [foreignVolunteer.personId, 'not-a-uuid']) {
      const refused = await call(coord, 'POST', path, { attendees: [ala.personId, bad] });
      assert.equal(refused.statusCode, 422, bad);
      assert.ok(refused.json<ErrorBody>().error.fields?.attendees, bad);
    }
    assert.deepEqual(await current(s.id), { ...done }, 'nothing changed');

    const future = await planned();
    const early = await call(coord, 'POST', `/api/v1/supervision/${future.id}/attendance`, { attendees: [] });
    assert.equal(early.statusCode, 422);
    assert.ok(early.json<ErrorBody>().error.fields?._form);
  });
});

describe('security and documentation', () => {
  it('no token 401; volunteers and social workers 403; another organisation’s session 404 — nothing changed', async () => {
    const s = await planned({ ...good, facilitator: 'Nietykalna' });
    const routes: ['GET' | 'POST' | 'PATCH', string, unknown?][] = [
      ['GET', '/api/v1/supervision'],
      ['POST', '/api/v1/supervision', good],
      ['GET', `/api/v1/supervision/${s.id}`],
      ['PATCH', `/api/v1/supervision/${s.id}`, { facilitator: 'Zmieniona' }],
      ['POST', `/api/v1/supervision/${s.id}/attendance`, { attendees: [] }],
    ];
    const count = await countRows(w, 'supervision_sessions');
    for (const [method, url, body] of routes) {
      assert.equal((await call(null, method, url, body)).statusCode, 401, `${method} ${url}`);
      for (const role of ['volunteer', 'social_worker'] as const) assert.equal((await call(await apiUser(w, [role]), method, url, body)).statusCode, 403, `${role} ${method} ${url}`);
    }
    for (const [method, url, body] of routes.slice(2)) assert.equal((await call(foreign, method, url, body)).statusCode, 404, `another organisation: ${method} ${url}`);
    assert.equal((await call(coord, 'GET', '/api/v1/supervision/nope')).statusCode, 404);
    assert.deepEqual(SessionList.parse((await call(foreign, 'GET', '/api/v1/supervision')).json()).upcoming, [], 'their own list only');
    assert.equal(await countRows(w, 'supervision_sessions'), count);
    assert.equal((await current(s.id)).facilitator, 'Nietykalna');
  });

  it('is documented in the OpenAPI document under the supervision tag', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { tags: string[] }>> }>();
    for (const [path, method] of [['/api/v1/supervision', 'get'], ['/api/v1/supervision', 'post'], ['/api/v1/supervision/{id}', 'get'], ['/api/v1/supervision/{id}', 'patch'], ['/api/v1/supervision/{id}/attendance', 'post']] as const)
      assert.deepEqual(doc.paths[path]?.[method]?.tags, ['supervision'], `${method} ${path}`);
  });
});

/**
 * The JSON API of screening: interviews, safeguarding checks, insurance, the lived-abroad answer and legal facts.
 *   npm test -- src/modules/volunteers/screening/screening.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';
import { tokenFor } from '../../../core/testing/world.js';
import { todayIn } from '../../../core/i18n/time-zone.js';
import { interviews } from '../volunteers.table.js';
import type { CheckOutput, FactsOutput, InsuranceOutput, InterviewChangeOutput, InterviewOutput, ScreeningOutput } from './screening.schemas.js';
import { auditEntries, countRows, createVolunteer, screeningWorld, volunteerRow, type World } from './test-helpers.js';

let w: World;
let coordinator: string;
before(async () => {
  w = await screeningWorld();
  coordinator = await tokenFor(w, ['coordinator']);
});
after(() => w.t.close());

const year = new Date().getUTCFullYear() + 1;
/** Today in Warsaw when asked (not when the file loaded: a batch may load it minutes before midnight). */
const today = () => todayIn();
const slot = (day: string, time = '10:00') => ({ date1: `${year}-${day}`, time1: time, minutes: 45, mode: 'phone' });
const post = <T>(url: string, body?: unknown, token = coordinator) => apiCall(w, 'POST', url, token, body).then((r) => ({ status: r.statusCode, body: r.json<T & ErrorBody>() }));
const get = <T>(url: string, token = coordinator) => apiCall(w, 'GET', url, token).then((r) => ({ status: r.statusCode, body: r.json<T & ErrorBody>() }));
const interviewsOf = (volunteerId: string) => withSystem(w.db, (tx) => tx.select().from(interviews).where(eq(interviews.volunteerId, volunteerId)).orderBy(interviews.startsAt));
const audited = async (action: string, entityId: string) => (await auditEntries(w, w.org.id, action)).filter((a) => a.entityId === entityId).length;

/** What any write of this API could change, to prove a refused request wrote nothing. */
async function snapshot(volunteerId: string) {
  const rows = await interviewsOf(volunteerId);
  const v = await volunteerRow(w, volunteerId);
  return JSON.stringify({
    interviews: rows.map((r) => [r.id, r.status, r.startsAt.toISOString(), r.place, r.notes]),
    counts: [await countRows(w, 'safeguarding_checks'), await countRows(w, 'insurance_records'), await countRows(w, 'volunteer_events'), await countRows(w, 'outbox')],
    volunteer: [v.stage, v.version, v.livedAbroad, v.healthSafetyOn, v.travelCosts, v.travelCostsOn],
  });
}

describe('interviews over the JSON API', () => {
  it('offers two slots (201), picks one (the other is cancelled, the stage moves), reschedules and records it; lists them; audited', async () => {
    const v = await createVolunteer(w, { stage: 'contacted' });
    const offered = await post<InterviewChangeOutput>(`/api/v1/volunteers/${v.id}/interviews`, { ...slot('02-10'), date2: `${year}-02-11`, time2: '16:30' });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    assert.deepEqual(offered.body.interviews.map((i) => [i.status, i.mode, i.minutes]), [['offered', 'phone', 45], ['offered', 'phone', 45]]);
    assert.equal(offered.body.interviews[0]!.startsAt, `${year}-02-10T09:00:00.000Z`, '10:00 in Warsaw in winter');
    assert.deepEqual([offered.body.stage, offered.body.mailed, offered.body.volunteerId], [null, true, v.id]);
    const [first, second] = offered.body.interviews;

    const picked = await post<InterviewChangeOutput>(`/api/v1/volunteers/interviews/${second!.id}/pick`);
    assert.equal(picked.status, 200);
    assert.deepEqual(picked.body.interviews.map((i) => [i.id, i.status]), [[second!.id, 'scheduled'], [first!.id, 'cancelled']]);
    assert.deepEqual(picked.body.stage, { moved: true, to: 'interview_scheduled', reason: null });
    const again = await post(`/api/v1/volunteers/interviews/${second!.id}/pick`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CONFLICT');

    const moved = await post<InterviewChangeOutput>(`/api/v1/volunteers/interviews/${second!.id}/reschedule`, { ...slot('02-12', '09:30'), mode: 'in_person', address: 'ul. Katowicka 35, Świętochłowice' });
    assert.equal(moved.status, 200);
    assert.deepEqual((({ startsAt, mode, address, link, status }) => ({ startsAt, mode, address, link, status }))(moved.body.interviews[0]!), { startsAt: `${year}-02-12T08:30:00.000Z`, mode: 'in_person', address: 'ul. Katowicka 35, Świętochłowice', link: null, status: 'scheduled' });

    const recorded = await post<InterviewChangeOutput>(`/api/v1/volunteers/interviews/${second!.id}/record`, { outcome: 'held', recommendation: 'recommend', motivation: 'Chce pomagać rodzinom.', languages: 'uk, pl B2' });
    assert.equal(recorded.status, 200);
    const held = recorded.body.interviews[0]!;
    assert.deepEqual([held.status, held.recommendation, held.notes], ['held', 'recommend', { motivation: 'Chce pomagać rodzinom.', languages: 'uk, pl B2' }]);
    assert.ok(held.interviewer, 'the interviewer by name');
    assert.deepEqual(recorded.body.stage, { moved: true, to: 'interviewed', reason: null });
    assert.equal((await volunteerRow(w, v.id)).stage, 'interviewed');
    assert.equal((await post(`/api/v1/volunteers/interviews/${second!.id}/record`, { outcome: 'no_show' })).status, 409);

    const list = await get<InterviewOutput[]>(`/api/v1/volunteers/${v.id}/interviews`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.map((i) => [i.id, i.status]), [[first!.id, 'cancelled'], [second!.id, 'held']]);
    assert.ok(!('organisationId' in list.body[0]!) && !('icsUid' in list.body[0]!), 'no database row leaks');
    for (const [action, id] of [['interview.offer', first!.id], ['interview.pick', second!.id], ['interview.reschedule', second!.id], ['interview.record', second!.id]] as const) assert.equal(await audited(action, id), 1, action);
  });

  it('schedules a single slot at once and cancels it (a second cancel is 409)', async () => {
    const v = await createVolunteer(w, { stage: 'contacted', email: null });
    const scheduled = await post<InterviewChangeOutput>(`/api/v1/volunteers/${v.id}/interviews`, { ...slot('03-02'), mode: 'video', link: 'https://meet.example.org/abc' });
    assert.equal(scheduled.status, 201);
    const [i] = scheduled.body.interviews;
    assert.deepEqual([i!.status, i!.mode, i!.link, scheduled.body.mailed], ['scheduled', 'video', 'https://meet.example.org/abc', false]);
    const cancelled = await post<InterviewChangeOutput>(`/api/v1/volunteers/interviews/${i!.id}/cancel`);
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.interviews[0]!.status, 'cancelled');
    assert.equal(await audited('interview.cancel', i!.id), 1);
    assert.equal((await post(`/api/v1/volunteers/interviews/${i!.id}/cancel`)).status, 409);
  });

  it('refuses bad input with 422 and a message next to the field, writing nothing', async () => {
    const v = await createVolunteer(w, { stage: 'contacted' });
    const scheduled = await post<InterviewChangeOutput>(`/api/v1/volunteers/${v.id}/interviews`, slot('04-01'));
    const id = scheduled.body.interviews[0]!.id;
    const before = await snapshot(v.id);
    const refused: [string, unknown, string][] = [
      [`/api/v1/volunteers/${v.id}/interviews`, {}, 'date1'],
      [`/api/v1/volunteers/${v.id}/interviews`, { ...slot('04-02'), time1: '25:00' }, 'time1'],
      [`/api/v1/volunteers/${v.id}/interviews`, { ...slot('04-02'), mode: 'video' }, 'link'],
      [`/api/v1/volunteers/${v.id}/interviews`, { ...slot('04-02'), date1: '2020-01-01' }, 'date1'],
      [`/api/v1/volunteers/${v.id}/interviews`, { ...slot('04-02'), minutes: 1000 }, 'minutes'],
      [`/api/v1/volunteers/${v.id}/interviews`, { ...slot('04-02'), room: 'B' }, '_form'],
      [`/api/v1/volunteers/interviews/${id}/reschedule`, { ...slot('04-02'), mode: 'in_person' }, 'address'],
      [`/api/v1/volunteers/interviews/${id}/record`, { outcome: 'held' }, 'recommendation'],
      [`/api/v1/volunteers/interviews/${id}/record`, { outcome: 'maybe' }, 'outcome'],
    ];
    for (const [url, body, field] of refused) {
      const res = await post(url, body);
      assert.equal(res.status, 422, `${url} ${JSON.stringify(body)}`);
      assert.ok(res.body.error.fields?.[field], `${field} in ${JSON.stringify(res.body.error.fields)}`);
    }
    assert.equal(await snapshot(v.id), before);
  });
});

describe('safeguarding checks, insurance and legal facts over the JSON API', () => {
  it('records each (201 / 200 with what was recorded) and the screening record shows them; audited', async () => {
    const v = await createVolunteer(w, { stage: 'interviewed' });
    const check = await post<CheckOutput>(`/api/v1/volunteers/${v.id}/safeguarding-checks`, { kind: 'pl_criminal_record', seenOn: '2026-11-20' });
    assert.equal(check.status, 201);
    assert.deepEqual({ ...check.body, id: 'x' }, { id: 'x', volunteerId: v.id, kind: 'pl_criminal_record', seenOn: '2026-11-20', renewBy: '2031-11-20' });
    assert.equal(await audited('safeguarding.create', check.body.id), 1);

    const insurance = await post<InsuranceOutput>(`/api/v1/volunteers/${v.id}/insurance`, { insurer: 'PZU SA', policyNumber: 'NNW/1', validFrom: today(), validTo: today() });
    assert.equal(insurance.status, 201);
    assert.deepEqual({ ...insurance.body, id: 'x' }, { id: 'x', volunteerId: v.id, insurer: 'PZU SA', policyNumber: 'NNW/1', validFrom: today(), validTo: today() });
    assert.equal(await audited('insurance.create', insurance.body.id), 1);

    const abroad = await post<FactsOutput>(`/api/v1/volunteers/${v.id}/lived-abroad`, { livedAbroad: false });
    assert.equal(abroad.status, 200);
    assert.deepEqual(abroad.body, { volunteerId: v.id, livedAbroad: false, healthSafetyOn: null, travelCosts: null, travelCostsOn: null });
    assert.equal((await post<FactsOutput>(`/api/v1/volunteers/${v.id}/lived-abroad`, { livedAbroad: 'yes' })).body.livedAbroad, true, 'the form’s yes/no too');
    const legal = await post<FactsOutput>(`/api/v1/volunteers/${v.id}/legal`, { healthSafetyOn: today(), travelCosts: 'waived', travelCostsOn: today() });
    assert.equal(legal.status, 200);
    assert.deepEqual(legal.body, { volunteerId: v.id, livedAbroad: true, healthSafetyOn: today(), travelCosts: 'waived', travelCostsOn: today() });
    assert.deepEqual((await get<FactsOutput>(`/api/v1/volunteers/${v.id}/legal`)).body, legal.body);
    assert.equal(await audited('volunteer.update', v.id), 3);

    const record = await get<ScreeningOutput>(`/api/v1/volunteers/${v.id}/screening`);
    assert.equal(record.status, 200);
    assert.deepEqual([record.body.country, record.body.livedAbroad, record.body.safeguarding, record.body.today], ['PL', true, 'missing', today()]);
    assert.deepEqual(record.body.missing, ['pl_sex_offenders_register', 'foreign_statement', 'foreign_criminal_record']);
    assert.deepEqual(record.body.checks.map((c) => [c.id, c.status]), [[check.body.id, 'valid']]);
    assert.deepEqual(record.body.insurance.map((r) => [r.id, r.current]), [[insurance.body.id, true]]);
    assert.equal(await audited('volunteer.screening.view', v.id), 1);
  });

  it('refuses bad input with 422 (the country’s kinds, dates, a legal record with nothing in it), writing nothing', async () => {
    const v = await createVolunteer(w, { stage: 'interviewed' });
    const before = await snapshot(v.id);
    const refused: [string, unknown, string][] = [
      ['safeguarding-checks', { kind: 'de_extended_certificate', seenOn: today() }, 'kind'],
      ['safeguarding-checks', { kind: 'pl_criminal_record', seenOn: `${year}-01-01` }, 'seenOn'],
      ['safeguarding-checks', { kind: 'pl_criminal_record', seenOn: today(), renewBy: '2000-01-01' }, 'renewBy'],
      ['insurance', { insurer: 'PZU', policyNumber: '1', validFrom: today(), validTo: '2001-01-01' }, 'validTo'],
      ['insurance', { insurer: '', policyNumber: '1', validFrom: today(), validTo: today() }, 'insurer'],
      ['lived-abroad', { livedAbroad: 'maybe' }, 'livedAbroad'],
      ['lived-abroad', {}, 'livedAbroad'],
      ['legal', {}, 'healthSafetyOn'],
      ['legal', { travelCosts: 'waived' }, 'travelCostsOn'],
    ];
    for (const [path, body, field] of refused) {
      const res = await post(`/api/v1/volunteers/${v.id}/${path}`, body);
      assert.equal(res.status, 422, `${path} ${JSON.stringify(body)}`);
      assert.ok(res.body.error.fields?.[field], `${field} in ${JSON.stringify(res.body.error.fields)}`);
    }
    assert.equal(await snapshot(v.id), before);
  });
});

describe('security of the screening API', () => {
  let volunteerId: string;
  let scheduledId: string;
  let offeredId: string;
  before(async () => {
    volunteerId = (await createVolunteer(w, { stage: 'contacted' })).id;
    scheduledId = (await post<InterviewChangeOutput>(`/api/v1/volunteers/${volunteerId}/interviews`, slot('05-04'))).body.interviews[0]!.id;
    offeredId = (await post<InterviewChangeOutput>(`/api/v1/volunteers/${volunteerId}/interviews`, { ...slot('05-05'), date2: `${year}-05-06`, time2: '10:00' })).body.interviews[0]!.id;
  });
  const reads = () => [`/api/v1/volunteers/${volunteerId}/screening`, `/api/v1/volunteers/${volunteerId}/interviews`, `/api/v1/volunteers/${volunteerId}/legal`];
  const writes = (): [string, unknown][] => [
    [`/api/v1/volunteers/${volunteerId}/interviews`, slot('06-01')],
    [`/api/v1/volunteers/interviews/${offeredId}/pick`, undefined],
    [`/api/v1/volunteers/interviews/${scheduledId}/reschedule`, slot('06-02')],
    [`/api/v1/volunteers/interviews/${scheduledId}/record`, { outcome: 'no_show' }],
    [`/api/v1/volunteers/interviews/${scheduledId}/cancel`, undefined],
    [`/api/v1/volunteers/${volunteerId}/safeguarding-checks`, { kind: 'pl_criminal_record', seenOn: today() }],
    [`/api/v1/volunteers/${volunteerId}/insurance`, { insurer: 'PZU', policyNumber: '1', validFrom: today(), validTo: today() }],
    [`/api/v1/volunteers/${volunteerId}/lived-abroad`, { livedAbroad: true }],
    [`/api/v1/volunteers/${volunteerId}/legal`, { healthSafetyOn: today() }],
  ];
  /** Every operation answers `status` for this token, and nothing is written. */
  async function allAnswer(token: string | null, readStatus: number, writeStatus: number) {
    const before = await snapshot(volunteerId);
    for (const url of reads()) assert.equal((await apiCall(w, 'GET', url, token)).statusCode, readStatus, url);
    for (const [url, body] of writes()) assert.equal((await apiCall(w, 'POST', url, token, body)).statusCode, writeStatus, url);
    assert.equal(await snapshot(volunteerId), before);
  }

  it('without a token: 401', () => allAnswer(null, 401, 401));
  it('a social worker or a volunteer: 403', async () => {
    await allAnswer(await tokenFor(w, ['social_worker']), 403, 403);
    await allAnswer(await tokenFor(w, ['volunteer']), 403, 403);
  });
  it('a programme manager reads (200) but may not change (403)', async () => allAnswer(await tokenFor(w, ['programme_manager']), 200, 403));
  it('another organisation’s coordinator: 404 for our volunteer and interviews; a malformed id is 404 too', async () => {
    await allAnswer(await tokenFor(w, ['coordinator'], w.other.id), 404, 404);
    assert.equal((await post('/api/v1/volunteers/interviews/not-a-uuid/cancel')).status, 404);
    assert.equal((await get('/api/v1/volunteers/not-a-uuid/screening')).status, 404);
  });

  it('is documented with examples that the schemas accept', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> }>();
    const schedule = doc.paths['/api/v1/volunteers/{id}/interviews']?.post;
    assert.ok(schedule?.responses['201'] && schedule.responses['409'] && schedule.responses['422']);
    assert.match(JSON.stringify(schedule.requestBody), /https:\/\/meet\.example\.org\/tandem-rozmowa/, 'the example request');
    for (const path of ['/api/v1/volunteers/interviews/{id}/pick', '/api/v1/volunteers/interviews/{id}/cancel', '/api/v1/volunteers/{id}/safeguarding-checks', '/api/v1/volunteers/{id}/legal']) assert.ok(doc.paths[path]?.post, path);
  });
});

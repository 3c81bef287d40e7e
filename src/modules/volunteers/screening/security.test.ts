import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { interviews } from '../volunteers.table.js';
import { todayIn } from '../../../core/i18n/time-zone.js';
import { anonymous, countRows, createVolunteer, screeningWorld, useWorld, signedIn, volunteerRow } from './test-helpers.js';

const w = useWorld(screeningWorld);
let volunteerId: string;
let scheduledId: string;
let offeredId: string;
const year = new Date().getUTCFullYear() + 1;

before(async () => {
  const { client } = await signedIn(w, ['coordinator']);
  volunteerId = (await createVolunteer(w, { stage: 'contacted' })).id;
  await client.get(`/volunteers/${volunteerId}/interviews/new`);
  await client.post(`/volunteers/${volunteerId}/interviews`, { date1: `${year}-01-20`, time1: '10:00', minutes: '45', mode: 'phone' });
  await client.post(`/volunteers/${volunteerId}/interviews`, { date1: `${year}-01-21`, time1: '10:00', date2: `${year}-01-22`, time2: '10:00', minutes: '45', mode: 'phone' });
  const rows = await withSystem(w.db, (tx) => tx.select().from(interviews).where(eq(interviews.volunteerId, volunteerId)));
  scheduledId = rows.find((r) => r.status === 'scheduled')!.id;
  offeredId = rows.find((r) => r.status === 'offered')!.id;
});

/** Today in Warsaw when asked (not when the file loaded: a batch may load it minutes before midnight). */
const today = () => todayIn();
const routes = () => ({
  reads: [`/volunteers/${volunteerId}/screening`],
  manageGets: [`/volunteers/${volunteerId}/interviews/new`, `/volunteers/interviews/${scheduledId}/reschedule`, `/volunteers/interviews/${scheduledId}/record`, `/volunteers/${volunteerId}/safeguarding/new`, `/volunteers/${volunteerId}/insurance/new`, `/volunteers/${volunteerId}/lived-abroad`, `/volunteers/${volunteerId}/legal`],
  posts: [
    [`/volunteers/${volunteerId}/interviews`, { date1: `${year}-02-20`, time1: '10:00', minutes: '45', mode: 'phone' }],
    [`/volunteers/interviews/${offeredId}/pick`, {}],
    [`/volunteers/interviews/${scheduledId}/reschedule`, { date1: `${year}-02-21`, time1: '10:00', minutes: '45', mode: 'phone' }],
    [`/volunteers/interviews/${scheduledId}/record`, { outcome: 'no_show' }],
    [`/volunteers/interviews/${scheduledId}/cancel`, {}],
    [`/volunteers/${volunteerId}/safeguarding`, { kind: 'pl_criminal_record', seenOn: today() }],
    [`/volunteers/${volunteerId}/insurance`, { insurer: 'PZU', policyNumber: '1', validFrom: today(), validTo: today() }],
    [`/volunteers/${volunteerId}/lived-abroad`, { livedAbroad: 'yes' }],
    [`/volunteers/${volunteerId}/legal`, { healthSafetyOn: today(), travelCosts: 'waived', travelCostsOn: today() }],
  ] as [string, Record<string, string>][],
});

async function snapshot() {
  const rows = await withSystem(w.db, (tx) => tx.select().from(interviews).where(eq(interviews.volunteerId, volunteerId)).orderBy(interviews.id));
  return JSON.stringify({
    interviews: rows.map((r) => [r.id, r.status, r.startsAt.toISOString(), r.notes]),
    checks: await countRows(w, 'safeguarding_checks'),
    insurance: await countRows(w, 'insurance_records'),
    events: await countRows(w, 'volunteer_events'),
    outbox: await countRows(w, 'outbox'),
    volunteer: (({ stage, livedAbroad, healthSafetyOn, travelCosts, travelCostsOn }) => ({ stage, livedAbroad, healthSafetyOn, travelCosts, travelCostsOn }))(await volunteerRow(w, volunteerId)),
  });
}

describe('security of the screening routes', () => {
  it('without a session: pages redirect to sign-in, posts are refused with 401, nothing changes', async () => {
    const client = await anonymous(w);
    const before = await snapshot();
    const r = routes();
    for (const url of [...r.reads, ...r.manageGets]) {
      const res = await client.get(url);
      assert.equal(res.status, 303, url);
      assert.match(res.location!, /^\/sign-in\?next=/);
    }
    for (const [url, form] of r.posts) assert.equal((await client.post(url, form)).status, 401, url);
    assert.equal(await snapshot(), before);
  });

  it('wrong role: a volunteer and a social worker get 403 everywhere; a programme manager reads but cannot change', async () => {
    const before = await snapshot();
    const r = routes();
    for (const role of ['volunteer', 'social_worker'] as const) {
      const { client } = await signedIn(w, [role]);
      for (const url of [...r.reads, ...r.manageGets]) assert.equal((await client.get(url)).status, 403, `${role} ${url}`);
      for (const [url, form] of r.posts) assert.equal((await client.post(url, form)).status, 403, `${role} ${url}`);
    }
    const { client: manager } = await signedIn(w, ['programme_manager']);
    const page = await manager.get(r.reads[0]!);
    assert.equal(page.status, 200);
    assert.match(page.body, /Interviews, safeguarding and insurance/);
    assert.doesNotMatch(page.body, /Schedule an interview|Record the outcome|Record a safeguarding check/, 'no actions for read-only roles');
    for (const url of r.manageGets) assert.equal((await manager.get(url)).status, 403, url);
    for (const [url, form] of r.posts) assert.equal((await manager.post(url, form)).status, 403, url);
    assert.equal(await snapshot(), before);
  });

  it('another organisation’s volunteer or interview is not found (404), and nothing changes', async () => {
    const { client } = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    const before = await snapshot();
    const r = routes();
    for (const url of [...r.reads, ...r.manageGets]) assert.equal((await client.get(url)).status, 404, url);
    for (const [url, form] of r.posts) assert.equal((await client.post(url, form)).status, 404, url);
    // Bad input does not reveal existence either: the id check comes first.
    assert.equal((await client.post(`/volunteers/${volunteerId}/insurance`, { insurer: '' })).status, 404);
    assert.equal((await client.get('/volunteers/not-a-uuid/screening')).status, 404);
    assert.equal((await client.post('/volunteers/interviews/not-a-uuid/cancel')).status, 404);
    assert.equal(await snapshot(), before);
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createAccessToken } from '../../core/auth/access-tokens.js';
import { rowsOf, withSystem } from '../../core/db/tx.js';
import { formatDate } from '../../core/i18n/index.js';
import { addDays, addMonths, todayIn } from '../../core/i18n/time-zone.js';
import { browserOf, useApp } from '../../core/testing/world.js';
import { createNetwork, createOrganisation, createPerson, createUser } from '../../core/testing/fixtures.js';
import type { NetworkAggregates } from './network.schemas.js';

/**
 * Outcome figures of the network page over the year 2025, from a seeded world with known answers. All three
 * organisations are in Europe/Warsaw; the instants at 23:30 UTC on 31 December are 00:30 on 1 January there.
 *
 * Alfa: six mentees whose first pair started in 2025, waiting 2, 4, 6, 8, 10 and 30 days (median of an even count:
 *   (6 + 8) / 2 = 7); the 10 days belong to a pair that started at 00:30 on 1 January 2025 in Warsaw (still 2024 in
 *   UTC, and 9 days there). A seventh pair started at 00:30 on 1 January 2026 in Warsaw (2025 in UTC): not in the
 *   period, not active on 31 December. A mentee matched first in 2024 and again in 2025 counts as a pair started,
 *   not as a wait. Pairs started 7; active on 31 December 6 (one of the six closed in June, one paused counts).
 *   Hours: five volunteers, 90 minutes each = 7.5 h. Concerns: 6, of which 2 high or safeguarding.
 * Beta: three mentees matched in 2025 waiting 1, 5 and 9 days: a median of 3 people, hidden. Pairs 3 (hidden).
 *   Hours: 2 volunteers, 10 h (hidden). No concern.
 * Gamma: nobody matched; 7 concerns, none high.
 * Network: the median over all nine mentees 1 2 4 5 6 8 9 10 30 → 6 (a median of medians would say 6 or 7).
 * Delta, in another network with another manager, has large figures that must never show up here.
 */

const t = useApp();
const db = () => t.database.db;
const PERIOD = '2025';

let manager: { email: string; userId: string; organisationId: string };
let otherManager: { email: string; userId: string; organisationId: string };
const ids: Record<'alfa' | 'beta' | 'gamma' | 'delta', string> = { alfa: '', beta: '', gamma: '', delta: '' };

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return withSystem(db(), async (tx) => rowsOf<T>(await tx.execute(query)));
}
async function volunteer(org: string) {
  const personId = await createPerson(db(), org, 'Osoba', 'Wolontariusz', ['volunteer']);
  return (await q<{ id: string }>(sql`insert into volunteers (organisation_id, person_id) values (${org}, ${personId}) returning id`))[0]!.id;
}
async function mentee(org: string, createdAt: string) {
  const personId = await createPerson(db(), org, 'Osoba', 'Podopieczna', ['mentee']);
  return (await q<{ id: string }>(sql`insert into mentees (organisation_id, person_id, status, created_at) values (${org}, ${personId}, 'matched', ${createdAt}::timestamptz) returning id`))[0]!
    .id;
}
async function pair(org: string, menteeId: string, volunteerId: string, startedAt: string, end: { status?: string; endedAt?: string } = {}) {
  return (
    await q<{ id: string }>(sql`
      insert into matches (organisation_id, mentee_id, volunteer_id, status, started_at, ended_at)
      values (${org}, ${menteeId}, ${volunteerId}, ${end.status ?? 'active'}, ${startedAt}::timestamptz, ${end.endedAt ?? null}::timestamptz) returning id`)
  )[0]!.id;
}
async function meeting(org: string, matchId: string, volunteerId: string, date: string, minutes: number) {
  await q(sql`
    insert into meetings (organisation_id, match_id, volunteer_id, logged_by_user_id, meeting_date, minutes, activity)
    values (${org}, ${matchId}, ${volunteerId}, gen_random_uuid(), ${date}::date, ${minutes}, 'conversation')`);
}
async function concern(org: string, createdAt: string, severity: string) {
  await q(sql`
    insert into concerns (organisation_id, raised_by_user_id, raised_as, severity, summary, created_at)
    values (${org}, gen_random_uuid(), 'coordinator', ${severity}, 'Podsumowanie', ${createdAt}::timestamptz)`);
}
/** A mentee received at noon UTC on `received` and matched `days` later at noon UTC. */
async function waited(org: string, volunteerId: string, received: string, days: number, end: { status?: string; endedAt?: string } = {}) {
  const m = await mentee(org, `${received}T12:00:00Z`);
  return pair(org, m, volunteerId, `${addDays(received, days)}T12:00:00Z`, end);
}

before(async () => {
  const alfa = await createOrganisation(db(), 'alfa', 'Ośrodek Alfa');
  const beta = await createOrganisation(db(), 'beta', 'Ośrodek Beta');
  const gamma = await createOrganisation(db(), 'gamma', 'Ośrodek Gamma');
  const delta = await createOrganisation(db(), 'delta', 'Ośrodek Delta');
  Object.assign(ids, { alfa: alfa.id, beta: beta.id, gamma: gamma.id, delta: delta.id });
  const m = await createUser(db(), { organisationId: alfa.id, roles: ['programme_manager'], email: 'outcomes-manager@example.org' });
  manager = { email: m.email, userId: m.userId, organisationId: alfa.id };
  const o = await createUser(db(), { organisationId: delta.id, roles: ['programme_manager'], email: 'other-manager@example.org' });
  otherManager = { email: o.email, userId: o.userId, organisationId: delta.id };
  await createNetwork(db(), { slug: 'wyniki', name: 'Sieć Wyników', organisationIds: [alfa.id, beta.id, gamma.id], managerUserIds: [m.userId] });
  await createNetwork(db(), { slug: 'obca', name: 'Obca Sieć', organisationIds: [delta.id], managerUserIds: [o.userId] });

  // Alfa.
  const av = await Promise.all([1, 2, 3, 4, 5].map(() => volunteer(alfa.id)));
  const a1 = await waited(alfa.id, av[0]!, '2025-02-01', 2);
  const a2 = await waited(alfa.id, av[1]!, '2025-03-01', 4, { status: 'paused' });
  const a3 = await waited(alfa.id, av[2]!, '2025-04-01', 6, { status: 'closed', endedAt: '2025-06-30T10:00:00Z' });
  const a4 = await waited(alfa.id, av[3]!, '2025-05-01', 8);
  await waited(alfa.id, av[4]!, '2025-06-01', 30);
  // Received 22 December 2024, matched 00:30 on 1 January 2025 in Warsaw (23:30 UTC on 31 December): 10 days, in 2025.
  const early = await mentee(alfa.id, '2024-12-22T12:00:00Z');
  await pair(alfa.id, early, av[0]!, '2024-12-31T23:30:00Z');
  // Received 20 December 2025, matched 00:30 on 1 January 2026 in Warsaw: not in 2025.
  const late = await mentee(alfa.id, '2025-12-20T12:00:00Z');
  await pair(alfa.id, late, av[1]!, '2025-12-31T23:30:00Z');
  // Matched first in 2024 (ended), again in 2025: one more pair started, no wait in 2025.
  const again = await mentee(alfa.id, '2024-03-01T12:00:00Z');
  await pair(alfa.id, again, av[2]!, '2024-04-01T12:00:00Z', { status: 'closed', endedAt: '2024-10-01T12:00:00Z' });
  await pair(alfa.id, again, av[3]!, '2025-02-01T12:00:00Z');
  for (const [i, match] of [a1, a2, a3, a4, a1].entries()) await meeting(alfa.id, match, av[i]!, '2025-07-01', 90);
  await meeting(alfa.id, a1, av[0]!, '2024-12-31', 600);
  await meeting(alfa.id, a1, av[0]!, '2026-01-01', 600);
  for (const s of ['low', 'low', 'medium', 'medium', 'high', 'safeguarding']) await concern(alfa.id, '2025-05-05T08:00:00Z', s);
  await concern(alfa.id, '2025-12-31T23:30:00Z', 'high'); // 1 January 2026 in Warsaw

  // Beta.
  const bv = await Promise.all([1, 2].map(() => volunteer(beta.id)));
  const b1 = await waited(beta.id, bv[0]!, '2025-01-10', 1);
  await waited(beta.id, bv[1]!, '2025-02-10', 5);
  await waited(beta.id, bv[0]!, '2025-03-10', 9);
  for (let i = 0; i < 10; i++) await meeting(beta.id, b1, bv[i % 2]!, '2025-08-01', 60);

  // Gamma.
  for (let i = 0; i < 7; i++) await concern(gamma.id, '2025-09-09T09:00:00Z', 'medium');

  // Delta (another network): large figures.
  const dv = await Promise.all([1, 2, 3, 4, 5, 6].map(() => volunteer(delta.id)));
  // 40 mentees waiting 100 days, a pair each with a 12-hour meeting; 25 safeguarding concerns: in one statement.
  await q(sql`
    with p as (
      insert into people (organisation_id, given_name, family_name, search_text)
      select ${delta.id}, 'Osoba', 'Podopieczna ' || g, 'osoba podopieczna' from generate_series(1, 40) g returning id),
    me as (
      insert into mentees (organisation_id, person_id, status, created_at)
      select ${delta.id}, id, 'matched', '2025-01-05T12:00:00Z'::timestamptz from p returning id),
    mt as (
      insert into matches (organisation_id, mentee_id, volunteer_id, started_at)
      select ${delta.id}, me.id, (${sql.raw(`array[${dv.map((d) => `'${d}'::uuid`).join(',')}]`)})[1 + (row_number() over () % 6)::int], '2025-04-15T12:00:00Z'::timestamptz
      from me returning id, volunteer_id),
    mg as (
      insert into meetings (organisation_id, match_id, volunteer_id, logged_by_user_id, meeting_date, minutes, activity)
      select ${delta.id}, mt.id, mt.volunteer_id, gen_random_uuid(), '2025-09-01', 720, 'conversation' from mt returning id)
    insert into concerns (organisation_id, raised_by_user_id, raised_as, severity, summary, created_at)
    select ${delta.id}, gen_random_uuid(), 'coordinator', 'safeguarding', 'Podsumowanie', '2025-10-10T10:00:00Z'::timestamptz from generate_series(1, 25)`);
});

async function api(userId: string, organisationId: string, query = `?period=${PERIOD}`, lang = 'en') {
  const { token } = await createAccessToken(db(), { userId, organisationId, name: 'test' });
  return t.app.inject({ method: 'GET', url: `/api/v1/network/aggregates${query}`, headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });
}
const v = (c: { value: number | null; suppression: string }) => (c.suppression === 'none' ? c.value : c.suppression);
const outcomesOf = (o: { outcomes: Record<string, { value: number | null; suppression: string }> }) => Object.fromEntries(Object.entries(o.outcomes).map(([k, c]) => [k, v(c)]));

describe('network outcome figures (API, period 2025)', () => {
  it('computes pairs, hours, medians and concerns per organisation in the organisation’s zone, and suppresses small groups', async () => {
    const res = await api(manager.userId, manager.organisationId);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<NetworkAggregates>();
    assert.deepEqual(body.period, { choice: 'year', year: 2025, from: '2025-01-01', to: '2025-12-31', reportingDate: '2025-12-31' });
    assert.equal(body.networks.length, 1, 'only the network the user manages');
    const network = body.networks[0]!;
    const org = (id: string) => network.organisations.find((o) => o.id === id)!;
    assert.deepEqual(outcomesOf(org(ids.alfa)), {
      activePairs: 6,
      pairsStarted: 7,
      hours: 7.5,
      medianWaitingDays: 7,
      concerns: 6,
      highConcerns: 'small',
    });
    assert.deepEqual(outcomesOf(org(ids.beta)), {
      activePairs: 'small',
      pairsStarted: 'small',
      hours: 'small',
      medianWaitingDays: 'small',
      concerns: 0,
      highConcerns: 0,
    });
    assert.deepEqual(outcomesOf(org(ids.gamma)), {
      activePairs: 0,
      pairsStarted: 0,
      hours: 0,
      medianWaitingDays: null,
      concerns: 7,
      highConcerns: 0,
    });
  });

  it('gives totals that do not reveal a hidden cell, and the network median over all its mentees', async () => {
    const body = (await api(manager.userId, manager.organisationId)).json<NetworkAggregates>();
    assert.deepEqual(outcomesOf(body.networks[0]!.totals), {
      // One hidden cell (Beta) in each of these columns: the total minus the shown cells would be Beta's figure.
      activePairs: 'secondary',
      pairsStarted: 'secondary',
      hours: 'secondary',
      // Over 1 2 4 5 6 8 9 10 30 (Beta's three included): 6, not a median of the organisations' medians.
      medianWaitingDays: 6,
      concerns: 13,
      // 2 high concerns in all: a total of 1 to 4 is hidden as small itself.
      highConcerns: 'small',
    });
    assert.ok(!body.networks[0]!.totals.outcomes.activePairs.value, 'no value behind a hidden total');
  });

  it('shows a manager of another network nothing of this one, and this one nothing of theirs', async () => {
    const theirs = (await api(otherManager.userId, otherManager.organisationId)).json<NetworkAggregates>();
    assert.deepEqual(
      theirs.networks.map((n) => n.name),
      ['Obca Sieć'],
    );
    assert.deepEqual(
      theirs.networks[0]!.organisations.map((o) => o.id),
      [ids.delta],
    );
    assert.deepEqual(outcomesOf(theirs.networks[0]!.organisations[0]!), {
      activePairs: 40,
      pairsStarted: 40,
      hours: 480,
      medianWaitingDays: 100,
      concerns: 25,
      highConcerns: 25,
    });
    const ours = await api(manager.userId, manager.organisationId);
    assert.doesNotMatch(ours.body, /Obca Sieć|Ośrodek Delta/);
    assert.ok(!ours.body.includes(ids.delta));
    const page = await (await browserOf({ t }, otherManager)).get(`/network?period=${PERIOD}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /Sieć Wyników|Ośrodek Alfa|Ośrodek Beta|Ośrodek Gamma/);
  });

  it('defaults to the last 12 months, and answers 422 naming the field for a period that is not one', async () => {
    const res = await api(manager.userId, manager.organisationId, '');
    assert.equal(res.statusCode, 200);
    const today = todayIn('Europe/Warsaw');
    assert.deepEqual(res.json<NetworkAggregates>().period, { choice: 'last-12-months', year: null, from: addDays(addMonths(today, -12), 1), to: today, reportingDate: today });
    const thisYear = (await api(manager.userId, manager.organisationId, '?period=this-year')).json<NetworkAggregates>().period;
    assert.deepEqual(thisYear, { choice: 'this-year', year: Number(today.slice(0, 4)), from: `${today.slice(0, 4)}-01-01`, to: today, reportingDate: today });
    const bad = await api(manager.userId, manager.organisationId, '?period=forever');
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.json<{ error: { fields: Record<string, string> } }>().error.fields.period);
  });

  it('returns no personal data: no names, dates of a person or ids of people', async () => {
    const res = await api(manager.userId, manager.organisationId);
    assert.doesNotMatch(res.body, /Osoba|Wolontariusz|Podopieczna|Podsumowanie|2025-02-03|person/i);
  });

  it('is described in the OpenAPI document with the period and the outcome figures', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>();
    const get = doc.paths['/api/v1/network/aggregates']!.get!;
    assert.ok(get.parameters?.some((p) => p.name === 'period'));
    const text = JSON.stringify(get);
    for (const field of ['activePairs', 'pairsStarted', 'hours', 'medianWaitingDays', 'concerns', 'highConcerns', 'reportingDate']) assert.ok(text.includes(field), field);
  });
});

const outcomeCells = (html: string, rowHeader: string) => {
  const rows = [...html.matchAll(new RegExp(`<tr><th scope="row">${rowHeader}</th>(.*?)</tr>`, 'g'))];
  assert.equal(rows.length, 2, `${rowHeader}: a row of counts and a row of outcomes`);
  return [...rows[1]![1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
};

describe('GET /network with outcome figures', () => {
  it('shows the figures of the period with a definition of each, in English', async () => {
    const c = await browserOf({ t }, manager);
    const res = await c.get(`/network?period=${PERIOD}`);
    assert.equal(res.status, 200);
    const from = formatDate('2025-01-01', 'en');
    const to = formatDate('2025-12-31', 'en');
    assert.ok(res.body.includes(`Outcomes from ${from} to ${to}`));
    assert.ok(res.body.includes(`Active pairs on ${to}`));
    assert.deepEqual(outcomeCells(res.body, 'Ośrodek Alfa'), ['6', '7', '7.5', '7', '6', 'fewer than 5']);
    assert.deepEqual(outcomeCells(res.body, 'Ośrodek Beta'), ['fewer than 5', 'fewer than 5', 'fewer than 5', 'fewer than 5', '0', '0']);
    assert.deepEqual(outcomeCells(res.body, 'Ośrodek Gamma'), ['0', '0', '0.0', 'nobody matched', '7', '0']);
    assert.deepEqual(outcomeCells(res.body, 'All organisations'), ['hidden', 'hidden', 'hidden', '6', '13', 'fewer than 5']);
    assert.match(res.body, /<h2 id="outcome-definitions-heading">What the figures mean<\/h2>/);
    assert.match(res.body, /not a median of the organisations’ medians/);
    assert.match(res.body, /Hours are hidden when the number of volunteers who logged them is below 5/);
    assert.match(res.body, /<option value="2025" selected>2025<\/option>/);
    assert.match(res.body, /data-label="Median days waiting"/, 'each cell names its column on a phone card');
  });

  it('shows them in Polish, with Polish dates and definitions', async () => {
    const c = await browserOf({ t }, manager, 'pl');
    const res = await c.get(`/network?period=${PERIOD}`);
    assert.equal(res.status, 200);
    assert.ok(res.body.includes(`Wyniki od ${formatDate('2025-01-01', 'pl')} do ${formatDate('2025-12-31', 'pl')}`));
    assert.match(res.body, /1 stycznia 2025/);
    assert.deepEqual(outcomeCells(res.body, 'Ośrodek Alfa'), ['6', '7', '7,5', '7', '6', 'mniej niż 5']);
    assert.match(res.body, /Co oznaczają liczby/);
    assert.match(res.body, /Mediana dni oczekiwania/);
    assert.match(res.body, /a nie mediana median organizacji/);
  });

  it('answers a period that is not one with 422, the message next to the select, and the default figures', async () => {
    const c = await browserOf({ t }, manager);
    const res = await c.get('/network?period=2025-13');
    assert.equal(res.status, 422);
    assert.match(res.body, /Choose a period from the list\./);
    assert.match(res.body, /<option value="last-12-months" selected>/);
  });
});

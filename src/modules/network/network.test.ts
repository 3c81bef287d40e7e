import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createAccessToken } from '../../core/auth/access-tokens.js';
import { withSystem } from '../../core/db/tx.js';
import { foldForSearch } from '../../core/i18n/index.js';
import { TestClient } from '../../core/testing/client.js';
import { browserOf, useApp } from '../../core/testing/world.js';
import { createNetwork, createOrganisation, createPerson, createUser } from '../../core/testing/fixtures.js';
import { programmes, type Role } from '../../core/tenancy/tenancy.table.js';
import type { NetworkAggregates } from './network.schemas.js';

const t = useApp();
const db = () => t.database.db;

/** Distinctive names: none of them may ever appear on the network page or in its JSON. */
const PERSONAL = ['Ксенія Ястремська', 'Żaneta Wróblewska', 'يوسف البرغوثي', 'Günther Großmann'];

let manager: { email: string; userId: string };
let lipaId: string;
let lakaId: string;
let coordinatorEmail: string;

async function addPeople(organisationId: string, count: number, role: Role) {
  // Many people at once, in SQL: the counts, not the rows, matter here.
  await withSystem(db(), async (tx) => {
    await tx.execute(sql`
      with p as (
        insert into people (organisation_id, given_name, family_name, search_text)
        select ${organisationId}, 'Osoba', 'Numer ' || g, 'osoba numer ' || g from generate_series(1, ${count}) g
        returning id)
      insert into memberships (organisation_id, person_id, role) select ${organisationId}, id, ${role} from p`);
  });
}

before(async () => {
  // Names chosen so that Polish sorting matters: Lipa < Łąka < Zorza (Ł after L), while a byte sort puts Ł last.
  const laka = await createOrganisation(db(), 'laka', 'Ośrodek Łąka');
  const lipa = await createOrganisation(db(), 'lipa', 'Ośrodek Lipa');
  const zorza = await createOrganisation(db(), 'zorza', 'Fundacja Zorza', 'uk');
  const outside = await createOrganisation(db(), 'poza', 'Ośrodek Poza Siecią');
  lipaId = lipa.id;
  lakaId = laka.id;

  const m = await createUser(db(), { organisationId: lipa.id, roles: ['programme_manager'], name: 'Anna Menedżerka', email: 'manager@example.org' });
  manager = { email: m.email, userId: m.userId };
  coordinatorEmail = (await createUser(db(), { organisationId: lipa.id, roles: ['coordinator'], email: 'coordinator@example.org' })).email;

  await createNetwork(db(), { slug: 'miasto', name: 'Sieć Miasta Testowo', organisationIds: [laka.id, lipa.id, zorza.id], managerUserIds: [m.userId] });
  await createNetwork(db(), { slug: 'inna', name: 'Inna Sieć', organisationIds: [outside.id] });
  await withSystem(db(), (tx) =>
    tx.insert(programmes).values([
      { organisationId: lipa.id, name: 'Tandem językowy' },
      { organisationId: lipa.id, name: 'Zakończony', active: false },
      { organisationId: laka.id, name: 'Pomoc w nauce' },
    ]),
  );

  // Lipa: 1234 volunteers, 12 mentees, 2 staff (the manager and the coordinator: small).
  await addPeople(lipa.id, 1234, 'volunteer');
  await addPeople(lipa.id, 10, 'mentee');
  // Łąka: 2 volunteers (small), 6 mentees, 6 staff.
  await addPeople(laka.id, 1, 'volunteer');
  await addPeople(laka.id, 5, 'mentee');
  await addPeople(laka.id, 6, 'social_worker');
  // Zorza: 8 volunteers, no mentee, 5 staff.
  await addPeople(zorza.id, 6, 'volunteer');
  await addPeople(zorza.id, 5, 'coordinator');
  // Named people with real-looking names: they count, and must never be shown.
  await createPerson(db(), lipa.id, 'Ксенія', 'Ястремська', ['mentee']);
  await createPerson(db(), lipa.id, 'Żaneta', 'Wróblewska', ['mentee']);
  await createPerson(db(), laka.id, 'يوسف', 'البرغوثي', ['volunteer', 'mentee']);
  await createPerson(db(), zorza.id, 'Günther', 'Großmann', ['volunteer']);
  await createPerson(db(), zorza.id, 'Inna', 'Osoba', ['volunteer']);
  // An organisation outside the manager's networks: it must not appear at all.
  await addPeople(outside.id, 50, 'volunteer');
});

const cellsOf = (html: string, rowHeader: string) => {
  const row = new RegExp(`<tr><th scope="row">${rowHeader}</th>(.*?)</tr>`).exec(html);
  assert.ok(row, `row ${rowHeader} is on the page`);
  return [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
};

describe('GET /network', () => {
  it('shows a network manager the counts of their networks, small counts suppressed, sorted and formatted', async () => {
    const c = await browserOf({ t }, manager);
    const res = await c.get('/network');
    assert.equal(res.status, 200);
    assert.match(res.body, /Sieć Miasta Testowo/);
    assert.doesNotMatch(res.body, /Inna Sieć|Ośrodek Poza Siecią/, 'only the networks the user manages');
    // Columns: volunteers, mentees, staff, active programmes.
    assert.deepEqual(cellsOf(res.body, 'Ośrodek Lipa'), ['1,234', '12', 'fewer than 5', '1']);
    assert.deepEqual(cellsOf(res.body, 'Ośrodek Łąka'), ['fewer than 5', '6', '6', '1']);
    assert.deepEqual(cellsOf(res.body, 'Fundacja Zorza'), ['8', '0', '5', '0']);
    // Volunteers: one suppressed cell → the total would reveal it. Staff: one suppressed cell too.
    assert.deepEqual(cellsOf(res.body, 'All organisations'), ['hidden', '18', 'hidden', '2']);
    const order = ['Fundacja Zorza', 'Ośrodek Łąka', 'Ośrodek Lipa'].map((n) => res.body.indexOf(`<th scope="row">${n}</th>`));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'sorted by the English rules (Ł as a kind of L)');
    const pl = await c.get('/network?lang=pl');
    const plOrder = ['Fundacja Zorza', 'Ośrodek Lipa', 'Ośrodek Łąka'].map((n) => pl.body.indexOf(`<th scope="row">${n}</th>`));
    assert.deepEqual([...plOrder].sort((a, b) => a - b), plOrder, 'sorted by the Polish rules (Ł after L)');
    assert.match(pl.body, /mniej niż|fewer than/, 'the suppressed cells are labelled in Polish once translated');
  });

  it('formats numbers in the viewer language', async () => {
    const c = await browserOf({ t }, manager, 'de');
    const res = await c.get('/network');
    assert.match(res.body, /lang="de"/);
    assert.equal(cellsOf(res.body, 'Ośrodek Lipa')[0], '1.234');
  });

  it('shows no personal data: no names, e-mails or links to people', async () => {
    const c = await browserOf({ t }, manager);
    const res = await c.get('/network');
    assert.equal(res.status, 200);
    for (const name of PERSONAL) {
      for (const part of name.split(' ')) assert.ok(!res.body.includes(part), `${part} must not be on the page`);
    }
    const main = /<main[^>]*>(.*)<\/main>/s.exec(res.body)![1]!;
    assert.doesNotMatch(main, /Osoba|Numer|@example\.org/);
    assert.doesNotMatch(main, /href=/, 'no links from the figures to anything (people pages least of all)');
    const api = await createAccessToken(db(), { userId: manager.userId, organisationId: lipaId, name: 'test' });
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/network/aggregates', headers: { authorization: `Bearer ${api.token}` } });
    for (const name of PERSONAL) for (const part of name.split(' ')) assert.ok(!json.body.includes(part), `${part} must not be in the JSON`);
    assert.ok(!foldForSearch(json.body).includes('osoba'));
  });

  it('is refused (403) to a coordinator who is not a network manager', async () => {
    const c = await browserOf({ t }, { email: coordinatorEmail });
    const res = await c.get('/network');
    assert.equal(res.status, 403);
    assert.doesNotMatch(res.body, /Sieć Miasta Testowo|1,234/);
    const token = await createAccessToken(db(), { userId: (await userIdOf(coordinatorEmail))!, organisationId: lipaId, name: 'test' });
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/network/aggregates', headers: { authorization: `Bearer ${token.token}` } });
    assert.equal(api.statusCode, 403);
  });

  it('sends someone not signed in to the sign-in page, and answers 401 on the API', async () => {
    const res = await new TestClient(t.app).get('/network');
    assert.equal(res.status, 303);
    assert.match(res.location ?? '', /^\/sign-in/);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/network/aggregates' });
    assert.equal(api.statusCode, 401);
  });
});

describe('GET /api/v1/network/aggregates', () => {
  it('returns the same figures and suppression as the page', async () => {
    const { token } = await createAccessToken(db(), { userId: manager.userId, organisationId: lipaId, name: 'test' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/network/aggregates', headers: { authorization: `Bearer ${token}`, 'accept-language': 'pl' } });
    assert.equal(res.statusCode, 200);
    const body = res.json<NetworkAggregates>();
    assert.equal(body.threshold, 5);
    assert.equal(body.networks.length, 1);
    const network = body.networks[0]!;
    assert.equal(network.name, 'Sieć Miasta Testowo');
    assert.deepEqual(
      network.organisations.map((o) => o.name),
      ['Fundacja Zorza', 'Ośrodek Lipa', 'Ośrodek Łąka'],
    );
    const laka = network.organisations.find((o) => o.id === lakaId)!;
    assert.deepEqual(laka.volunteers, { value: null, suppression: 'small' });
    assert.deepEqual(laka.mentees, { value: 6, suppression: 'none' });
    assert.deepEqual(network.totals.volunteers, { value: null, suppression: 'secondary' });
    assert.deepEqual(network.totals.mentees, { value: 18, suppression: 'none' });
    assert.deepEqual(network.totals.activeProgrammes, { value: 2, suppression: 'none' });
    assert.deepEqual(Object.keys(laka).sort(), ['activeProgrammes', 'id', 'mentees', 'name', 'outcomes', 'slug', 'staff', 'volunteers']);
  });

  it('is documented in the OpenAPI document under the network tag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json<{ paths: Record<string, { get?: { tags?: string[] } }> }>();
    assert.deepEqual(doc.paths['/api/v1/network/aggregates']?.get?.tags, ['network']);
  });
});

async function userIdOf(email: string) {
  const rows = await withSystem(db(), (tx) => tx.execute(sql`select id from users where email = ${email}`));
  return (rows as unknown as { rows: { id: string }[] }).rows[0]?.id;
}

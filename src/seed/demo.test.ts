import assert from 'node:assert/strict';
import { peoplePolicy } from '../modules/people/people.policy.js';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../core/db/tx.js';
import { activationMissing } from '../modules/volunteers/pipeline/stages.js';
import { findVolunteerById, volunteerFacts } from '../modules/volunteers/volunteers.repository.js';
import { todayIn } from '../core/i18n/time-zone.js';
import { nameSearchKey } from '../core/i18n/index.js';
import { TestClient } from '../core/testing/client.js';
import { useApp } from '../core/testing/world.js';
import { STAFF_ROLES } from '../core/tenancy/tenancy.table.js';
import { buildDemo, DEMO_PASSWORD, demoAccounts, seedIfEmpty } from './demo.js';
import { allowed } from '../core/policy.js';

// Every demo account signs in from the same test address: lift the per-address sign-in limit.
const t = useApp({ AUTH_RATE_LIMIT: '1000' });
let seedMs = 0;
let concurrentLoads: boolean[];
let laterLoad: boolean;

const query = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await withSystem(t.database.db, (tx) => tx.execute(text)));

before(async () => {
  const started = performance.now();
  // Two instances starting at once on one empty database (the time is that of both together).
  concurrentLoads = await Promise.all([seedIfEmpty(t.database.db, t.config), seedIfEmpty(t.database.db, t.config)]);
  seedMs = performance.now() - started;
  laterLoad = await seedIfEmpty(t.database.db, t.config);
  console.log(`demo seed on ${t.database.engine}: ${Math.round(seedMs)} ms`);
});

/** The design (ACCOUNTS.md): per organisation, distinct people per kind and programmes. */
const DESIGN = {
  'mops-zielona-dolina': { kind: 'mops', locale: 'pl', people: 83, volunteers: 33, mentees: 40, staff: 10, programmes: 3, active: 3 },
  'gops-dabrowka-lesna': { kind: 'gops', locale: 'pl', people: 37, volunteers: 19, mentees: 15, staff: 3, programmes: 3, active: 2 },
  'stowarzyszenie-razem': { kind: 'ngo', locale: 'uk', people: 64, volunteers: 29, mentees: 30, staff: 4, programmes: 3, active: 3 },
} as const;

describe('demo seed', () => {
  it('loads into an empty database once, and never again', async () => {
    assert.deepEqual([...concurrentLoads].sort(), [false, true], 'of two loads at once, exactly one loads');
    assert.equal(laterLoad, false);
    const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from organisations`)) as [{ n: number }];
    assert.equal(n, 3);
  });

  it('is the same every time (seeded, no Math.random); only birth years follow the calendar', () => {
    const day = new Date('2026-03-01T00:00:00Z');
    assert.deepEqual(buildDemo(day), buildDemo(day));
    const strip = (plan: ReturnType<typeof buildDemo>) => JSON.stringify(plan, (k, v) => (k === 'birthDate' ? undefined : v));
    assert.equal(strip(buildDemo(day)), strip(buildDemo(new Date('2031-07-01T00:00:00Z'))));
  });

  it('has the organisations, network and counts as designed', async () => {
    const orgs = await query<{ slug: string; name: string; kind: string; country: string; default_locale: string }>(
      sql`select slug, name, kind, country, default_locale from organisations order by slug`,
    );
    assert.deepEqual(
      orgs.map((o) => o.name),
      ['Gminny Ośrodek Pomocy Społecznej w Dąbrówce Leśnej', 'Miejski Ośrodek Pomocy Społecznej w Zielonej Dolinie', 'Stowarzyszenie Razem – Разом'],
    );
    for (const o of orgs) {
      const design = DESIGN[o.slug as keyof typeof DESIGN];
      assert.ok(design, o.slug);
      assert.equal(o.kind, design.kind);
      assert.equal(o.country, 'PL');
      assert.equal(o.default_locale, design.locale);
    }
    const counts = await query<{ slug: string; people: number; volunteers: number; mentees: number; staff: number; programmes: number; active: number }>(sql`
      select o.slug,
        (select count(*) from people p where p.organisation_id = o.id)::int as people,
        (select count(distinct person_id) from memberships m where m.organisation_id = o.id and m.role = 'volunteer')::int as volunteers,
        (select count(distinct person_id) from memberships m where m.organisation_id = o.id and m.role = 'mentee')::int as mentees,
        (select count(distinct person_id) from memberships m where m.organisation_id = o.id and m.role in (${sql.join(STAFF_ROLES.map((r) => sql`${r}`), sql`, `)}))::int as staff,
        (select count(*) from programmes p where p.organisation_id = o.id)::int as programmes,
        (select count(*) from programmes p where p.organisation_id = o.id and p.active)::int as active
      from organisations o`);
    for (const c of counts) {
      const { kind: _k, locale: _l, ...expected } = DESIGN[c.slug as keyof typeof DESIGN];
      const { slug: _s, ...actual } = c;
      assert.deepEqual(actual, expected, c.slug);
    }
    const programmes = await query<{ name: string; description: string }>(sql`select name, description from programmes`);
    assert.ok(programmes.some((p) => p.name === 'Tandem językowy'));
    for (const p of programmes) assert.match(p.description, /^\p{Lu}.{30,}\.$/u, `${p.name} has a one-sentence description`);

    const [network] = await query<{ name: string; orgs: number; managers: string[] }>(sql`
      select n.name,
        (select count(*) from network_organisations nwo where nwo.network_id = n.id)::int as orgs,
        (select array_agg(u.email) from network_managers nm join users u on u.id = nm.user_id where nm.network_id = n.id) as managers
      from networks n`);
    assert.deepEqual(network, { name: 'Sieć Integracyjna Miasta Zielona Dolina', orgs: 3, managers: ['menedzer@siec.demo.tandem.local'] });

    const roles = await query<{ role: string; n: number }>(sql`select role, count(*)::int as n from memberships group by role`);
    const byRole = Object.fromEntries(roles.map((r) => [r.role, r.n]));
    assert.equal(byRole.migrant_assistant, 5);
    assert.equal(byRole.institution_staff, 1);
    assert.equal(byRole.programme_manager, 1);
  });

  it('creates the documented accounts, with one shared password and no second factor yet', async () => {
    const accounts = demoAccounts();
    assert.equal(accounts.length, 16);
    const users = await query<{ email: string; totp: boolean; person: boolean }>(sql`
      select u.email, c.totp_enabled as totp, exists (select 1 from people p where p.user_id = u.id) as person
      from users u join credentials c on c.user_id = u.id order by u.email`);
    assert.deepEqual(users.map((u) => u.email), accounts.map((a) => a.email).sort());
    assert.ok(users.every((u) => !u.totp && u.person));
    for (const org of ['mops', 'gops', 'razem'] as const) {
      for (const role of ['administrator', 'coordinator', 'social_worker'] as const) {
        assert.ok(accounts.some((a) => a.organisation === org && a.roles.includes(role)), `${role} in ${org}`);
      }
    }
    for (const role of ['migrant_assistant', 'institution_staff', 'volunteer', 'programme_manager'] as const) assert.ok(accounts.some((a) => a.roles.includes(role)), role);
    const hashes = await query<{ n: number }>(sql`select count(distinct password_hash)::int as n from credentials`);
    assert.equal(hashes[0]!.n, 1, 'the password is hashed once');
    assert.ok(DEMO_PASSWORD.length >= 10);
  });

  it('keeps names in their own scripts, with diacritics, and sets the search text', async () => {
    const people = await query<{ given_name: string; family_name: string; email: string | null; phone: string | null; birth_date: string | null; locale: string; search_text: string }>(
      sql`select given_name, family_name, email, phone, birth_date::text, locale, search_text from people`,
    );
    const names = new Set(people.map((p) => `${p.given_name} ${p.family_name}`));
    for (const name of ['Zofia Wiśniewska', 'Łukasz Żółkiewski', 'Олена Коваленко', 'Андрій Шевчук', 'ليلى حداد', 'عمر الخطيب', 'Jürgen Weiß', 'Małgorzata Dąbrowska']) {
      assert.ok(names.has(name), name);
    }
    assert.ok(people.filter((p) => /\p{Script=Cyrillic}/u.test(p.family_name)).length > 30, 'Ukrainian names in Cyrillic');
    assert.ok(people.filter((p) => /\p{Script=Arabic}/u.test(p.family_name)).length > 8, 'Arabic names in Arabic script');
    assert.ok(people.filter((p) => /[ąćęłńóśźż]/iu.test(`${p.given_name}${p.family_name}`)).length > 30, 'Polish diacritics');
    assert.deepEqual([...new Set(people.map((p) => p.locale))].sort(), ['ar', 'de', 'en', 'pl', 'uk']);
    for (const p of people) assert.equal(p.search_text, nameSearchKey(p.given_name, p.family_name, p.email));
    assert.ok(people.filter((p) => p.email).length > 40 && people.filter((p) => p.phone).length > 40, 'some have contact details');
    for (const p of people) if (p.phone) assert.match(p.phone, /^\+?[0-9 ()-]{6,30}$/, 'phones pass the app validation');

    const year = new Date().getUTCFullYear();
    const ages = people.filter((p) => p.birth_date).map((p) => ({ p, age: year - Number(p.birth_date!.slice(0, 4)) }));
    const minors = ages.filter((a) => a.age < 18);
    assert.equal(minors.length, 13, 'a few mentees under 18');
    assert.ok(minors.every((m) => !m.p.email && !m.p.phone), 'children have no contact details of their own');
    assert.ok(ages.every((a) => a.age >= 8 && a.age <= 90));
  });

  it('puts every volunteer in the pipeline, at several stages, consistent with its rules', async () => {
    const rows = rowsOf<{ stage: string; n: number }>(await withSystem(t.database.db, (tx) => tx.execute(sql`select stage, count(*)::int as n from volunteers group by stage`)));
    assert.ok(rows.length >= 6, `stages: ${rows.map((r) => r.stage).join(', ')}`);
    const volunteersWithoutRow = rowsOf<{ n: number }>(
      await withSystem(t.database.db, (tx) => tx.execute(sql`select count(*)::int as n from memberships m where m.role = 'volunteer' and not exists (select 1 from volunteers v where v.person_id = m.person_id)`)),
    )[0]!.n;
    assert.equal(volunteersWithoutRow, 0);
    const broken = rowsOf<{ n: number }>(
      await withSystem(t.database.db, (tx) => tx.execute(sql`
        select count(*)::int as n from volunteers v
        where (v.stage in ('approved','active','paused','ended') and v.works_with_minors
               and not exists (select 1 from safeguarding_checks c where c.volunteer_id = v.id and c.renew_by > current_date))
           or (v.stage = 'active' and coalesce(v.planned_days, 999) > 30
               and not exists (select 1 from volunteer_documents d where d.volunteer_id = v.id and d.kind = 'agreement' and d.accepted_at is not null))`)),
    )[0]!.n;
    assert.equal(broken, 0);
    // And by the pipeline's own rules (the law's, issue 11): nobody active lacks anything activation needs.
    const active = rowsOf<{ id: string; organisation_id: string }>(await withSystem(t.database.db, (tx) => tx.execute(sql`select id, organisation_id from volunteers where stage = 'active'`)));
    assert.ok(active.length > 0);
    for (const a of active) {
      const missing = await withTenant(t.database.db, { organisationId: a.organisation_id, userId: null }, async (tx) => {
        const v = await findVolunteerById(tx, a.organisation_id, a.id);
        return activationMissing(await volunteerFacts(tx, a.organisation_id, v!, todayIn()));
      });
      assert.deepEqual(missing, [], `active volunteer ${a.id}`);
    }
  });

  it('lets every demo account sign in through the real app', async () => {
    for (const account of demoAccounts()) {
      const c = new TestClient(t.app);
      await c.signIn(account.email, { password: DEMO_PASSWORD });
      const home = await c.get(account.roles.includes('administrator') ? '/account' : '/');
      assert.equal(home.status, 200, account.email);
      assert.ok(home.body.includes(account.name), `${account.email} sees their name`);
      if (account.roles.includes('administrator')) assert.equal((await c.get('/')).location, '/account/security', 'administrators set up two-factor first');
      const people = await c.get('/people');
      if (account.roles.includes('administrator')) {
        assert.equal(people.status, 303, 'administrators set up two-factor first');
        assert.equal(people.location, '/account/security');
      } else if (allowed(account, peoplePolicy, 'read')) {
        assert.equal(people.status, 200, `${account.email} opens the people list`);
      } else {
        assert.equal(people.status, 403, `${account.email} (${account.roles.join(', ')}) sees no people records`);
      }
    }
  });

  it('finds "Wiśniewska" when the coordinator types "wisniewska"', async () => {
    const c = new TestClient(t.app, { 'accept-language': 'pl' });
    await c.signIn('koordynator@mops.demo.tandem.local', { password: DEMO_PASSWORD });
    const res = await c.get('/people?q=wisniewska');
    assert.equal(res.status, 200);
    assert.match(res.body, /Wiśniewska Zofia/);
  });

  it('shows the network manager the three organisations and no personal names', async () => {
    const c = new TestClient(t.app, { 'accept-language': 'pl' });
    await c.signIn('menedzer@siec.demo.tandem.local', { password: DEMO_PASSWORD });
    const res = await c.get('/network');
    assert.equal(res.status, 200);
    const main = /<main[^>]*>(.*)<\/main>/s.exec(res.body)![1]!;
    for (const name of ['Miejski Ośrodek Pomocy Społecznej w Zielonej Dolinie', 'Gminny Ośrodek Pomocy Społecznej w Dąbrówce Leśnej', 'Stowarzyszenie Razem – Разом']) {
      assert.ok(main.includes(name), name);
    }
    const people = await query<{ name: string }>(sql`select given_name || ' ' || family_name as name from people`);
    for (const p of people) assert.ok(!main.includes(p.name), `${p.name} is not on the network page`);
  });
});

/**
 * The demo's mentees (src/seed/mentees.ts) on a fresh database: one per demo person with the mentee role, mostly
 * waiting with waiting_since spread over 200 days, a few requests to review, minors flagged, case staff = the
 * organisation's social-worker accounts, the same rows on every run; a demo social worker sees a waiting list.
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/seed.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../core/db/tx.js';
import { TestClient } from '../../core/testing/client.js';
import { useApp } from '../../core/testing/world.js';
import { memberships, people } from '../../core/tenancy/tenancy.table.js';
import { DEMO_PASSWORD, seedIfEmpty } from '../../seed/demo.js';
import { seedMentees } from '../../seed/mentees.js';
import { mentees } from './mentees.table.js';
import { namesInList } from './test-helpers.js';

const t = useApp({ AUTH_RATE_LIMIT: '1000' });
const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await withSystem(t.database.db, (tx) => tx.execute(q)));
const today = new Date();

before(async () => {
  await seedIfEmpty(t.database.db, t.config);
});

describe('demo mentees', () => {
  it('gives every demo person with the mentee role a mentee record, mostly waiting, some requests, minors flagged', async () => {
    const perOrg = await query<{ slug: string; people: number; mentees: number; waiting: number; requested: number; minors: number; minor_people: number; bad_wait: number; districts: number }>(sql`
      select o.slug,
        (select count(distinct m.person_id) from memberships m where m.organisation_id = o.id and m.role = 'mentee')::int as people,
        (select count(*) from mentees x where x.organisation_id = o.id)::int as mentees,
        (select count(*) from mentees x where x.organisation_id = o.id and x.status = 'waiting')::int as waiting,
        (select count(*) from mentees x where x.organisation_id = o.id and x.status = 'requested' and x.source = 'form' and x.waiting_since is null)::int as requested,
        (select count(*) from mentees x where x.organisation_id = o.id and x.minor)::int as minors,
        (select count(*) from mentees x join people p on p.id = x.person_id where x.organisation_id = o.id and p.birth_date > (current_date - interval '18 years'))::int as minor_people,
        (select count(*) from mentees x where x.organisation_id = o.id and x.status <> 'requested' and (x.waiting_since is null or x.waiting_since < now() - interval '201 days' or x.waiting_since > now()))::int as bad_wait,
        (select count(distinct x.district) from mentees x where x.organisation_id = o.id)::int as districts
      from organisations o order by o.slug`);
    assert.equal(perOrg.length, 3);
    for (const o of perOrg) {
      assert.equal(o.mentees, o.people, o.slug);
      assert.ok(o.mentees >= 15, o.slug);
      assert.ok(o.waiting >= o.mentees * 0.6, `${o.slug}: ${o.waiting} of ${o.mentees} waiting`);
      assert.ok(o.requested >= 1 && o.requested <= 4, `${o.slug}: ${o.requested} requests`);
      assert.equal(o.minors, o.minor_people, `${o.slug}: minors flagged from birth dates`);
      assert.ok(o.minors >= 3, o.slug);
      assert.equal(o.bad_wait, 0, `${o.slug}: waiting since within the last 200 days`);
      assert.ok(o.districts >= 4, o.slug);
    }
    const spread = await query<{ min: number; max: number }>(sql`select min(extract(day from now() - waiting_since))::int as min, max(extract(day from now() - waiting_since))::int as max from mentees where status = 'waiting'`);
    assert.ok(spread[0]!.max - spread[0]!.min > 120, `waiting days spread ${spread[0]!.min}–${spread[0]!.max}`);
    const names = await query<{ district: string }>(sql`select distinct district from mentees`);
    for (const { district } of names) assert.ok(['Śródmieście', 'Stare Miasto', 'Osiedle Słoneczne', 'Zatorze', 'Dąbrówka Leśna', 'Lipki'].includes(district), district);
  });

  it('puts the organisation’s social-worker accounts on the cases (none on requests) and a consent with a lawful basis on each', async () => {
    const wrong = await query<{ n: number }>(sql`
      select count(*)::int as n from mentees x
      where x.status <> 'requested' and (
        x.social_worker_user_id is null
        or not exists (select 1 from mentee_case_staff s where s.mentee_id = x.id and s.user_id = x.social_worker_user_id)
        or exists (select 1 from mentee_case_staff s where s.mentee_id = x.id and not exists (
          select 1 from people p join memberships m on m.person_id = p.id
          where p.user_id = s.user_id and p.organisation_id = x.organisation_id and m.role in ('social_worker', 'coordinator'))))`);
    assert.equal(wrong[0]!.n, 0);
    const requestsWithStaff = await query<{ n: number }>(sql`select count(*)::int as n from mentees x join mentee_case_staff s on s.mentee_id = x.id where x.status = 'requested'`);
    assert.equal(requestsWithStaff[0]!.n, 0);
    const withoutConsent = await query<{ n: number }>(sql`select count(*)::int as n from mentees x where not exists (select 1 from mentee_consents c where c.mentee_id = x.id and c.purpose = 'support')`);
    assert.equal(withoutConsent[0]!.n, 0);
    const bases = await query<{ lawful_basis: string }>(sql`select distinct lawful_basis from mentee_consents where purpose = 'support' order by 1`);
    assert.deepEqual(bases.map((b) => b.lawful_basis), ['consent', 'public_task']);
  });

  it('is the same on every run (seeded), apart from generated ids', async () => {
    const snapshot = async () => {
      let rows: unknown[] = [];
      await withSystem(t.database.db, async (tx) => {
        await tx.execute(sql`delete from mentees`);
        await seedMentees(tx, await tx.select().from(people), await tx.select().from(memberships), today);
        rows = (await tx.select().from(mentees).orderBy(mentees.personId)).map(({ id: _id, ...rest }) => rest);
        throw new Error('rollback');
      }).catch((err: Error) => {
        if (err.message !== 'rollback') throw err;
      });
      return rows;
    };
    const [a, b] = [await snapshot(), await snapshot()];
    assert.ok(a.length > 50);
    assert.deepEqual(a, b);
  });

  it('gives a demo social worker a waiting list to match', async () => {
    const client = new TestClient(t.app);
    await client.signIn('pracownik@mops.demo.tandem.local', { password: DEMO_PASSWORD });
    const list = await client.get('/mentees?lang=pl');
    assert.equal(list.status, 200);
    assert.equal(namesInList(list.body).length, 25, 'a full first page');
    const requests = await client.get('/mentees?status=requested');
    assert.ok(namesInList(requests.body).length >= 1);
  });
});

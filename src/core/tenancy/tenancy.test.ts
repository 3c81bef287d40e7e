import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../db/tx.js';
import { createAccessToken } from '../auth/access-tokens.js';
import { useApp } from '../testing/world.js';
import { createOrganisation, createPerson, createUser } from '../testing/fixtures.js';
import { TestClient } from '../testing/client.js';
import { people } from './tenancy.table.js';

const t = useApp();
let a: { id: string };
let b: { id: string };
let coordinatorA: Awaited<ReturnType<typeof createUser>>;
let personB: string;
let personA: string;
before(async () => {
  a = await createOrganisation(t.database.db, 'org-a', 'Organisation A');
  b = await createOrganisation(t.database.db, 'org-b', 'Organisation B');
  coordinatorA = await createUser(t.database.db, { organisationId: a.id, roles: ['coordinator'] });
  await createUser(t.database.db, { organisationId: b.id, roles: ['coordinator'] });
  personA = await createPerson(t.database.db, a.id, 'Anna', 'Alfa', ['volunteer']);
  personB = await createPerson(t.database.db, b.id, 'Bogdan', 'Beta', ['mentee']);
});

const nameOfB = async () => rowsOf<{ given_name: string }>(await withSystem(t.database.db, (tx) => tx.execute(sql`select given_name from people where id = ${personB}`)))[0]!.given_name;

describe('a coordinator of one organisation cannot reach another organisation', () => {
  it('through the pages: another organisation’s person is not found and cannot be changed', async () => {
    const c = new TestClient(t.app);
    await c.signIn(coordinatorA.email);
    assert.equal((await c.get(`/people/${personA}`)).status, 200);
    assert.equal((await c.get(`/people/${personB}`)).status, 404);
    const list = await c.get('/people');
    assert.match(list.body, /Alfa/);
    assert.doesNotMatch(list.body, /Beta/);
    await c.get(`/people/${personA}/edit`);
    const res = await c.post(`/people/${personB}/edit`, { givenName: 'Hacked', familyName: 'Beta', locale: 'pl' });
    assert.equal(res.status, 404);
    assert.equal(await nameOfB(), 'Bogdan');
  });

  it('through the API: 404 for reads and writes, lists only its own', async () => {
    const { token } = await createAccessToken(t.database.db, { userId: coordinatorA.userId, organisationId: a.id, name: 'api' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/people/${personB}`, headers })).statusCode, 404);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${personB}`, headers, payload: JSON.stringify({ givenName: 'Hacked' }) });
    assert.equal(patch.statusCode, 404);
    assert.equal(await nameOfB(), 'Bogdan');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/people', headers })).json();
    assert.ok(list.items.every((p: { id: string }) => p.id !== personB));
  });

  it('a token works only in its organisation, even for someone who belongs to both', async () => {
    const both = await createUser(t.database.db, { organisationId: a.id, roles: ['coordinator'] });
    // Linking a person to an account is what accepting an invitation does: system work, not the app role's.
    await withSystem(t.database.db, async (tx) => {
      const [p] = await tx.insert(people).values({ organisationId: b.id, givenName: 'X', familyName: 'Y', userId: both.userId }).returning();
      await tx.execute(sql`insert into memberships (organisation_id, person_id, role) values (${b.id}, ${p!.id}, 'coordinator')`);
    });
    const { token } = await createAccessToken(t.database.db, { userId: both.userId, organisationId: a.id, name: 'only a' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/people/${personB}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 404);
  });

  it('even a hand-written query that forgets the organisation sees only its own rows (row-level security)', async () => {
    const scope = { organisationId: a.id, userId: coordinatorA.userId };
    const seen = await withTenant(t.database.db, scope, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select id from people`)));
    assert.ok(seen.some((r) => r.id === personA));
    assert.ok(!seen.some((r) => r.id === personB));
    const updated = await withTenant(t.database.db, scope, async (tx) => rowsOf(await tx.execute(sql`update people set given_name = 'Hacked' where id = ${personB} returning id`)));
    assert.equal(updated.length, 0);
    // A delete without a where clause touches only the own organisation's rows (rolled back afterwards).
    let deletedOrgs: string[] = [];
    await assert.rejects(
      withTenant(t.database.db, scope, async (tx) => {
        deletedOrgs = rowsOf<{ organisation_id: string }>(await tx.execute(sql`delete from memberships returning organisation_id`)).map((r) => r.organisation_id);
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.ok(deletedOrgs.length >= 1 && deletedOrgs.every((o) => o === a.id));
    assert.equal(await nameOfB(), 'Bogdan');
    await assert.rejects(
      withTenant(t.database.db, scope, (tx) => tx.execute(sql`insert into people (organisation_id, given_name, family_name) values (${b.id}, 'Planted', 'Row')`)),
      'inserting into another organisation violates the policy',
    );
    await assert.rejects(withTenant(t.database.db, scope, (tx) => tx.execute(sql`select * from credentials`)), 'secrets are not readable by the app role');
    await assert.rejects(withTenant(t.database.db, scope, (tx) => tx.execute(sql`select * from sessions`)));
    const users = await withTenant(t.database.db, scope, async (tx) => rowsOf<{ email: string }>(await tx.execute(sql`select email from users`)));
    assert.ok(users.every((u) => u.email !== undefined) && users.length >= 1);
    const orgs = await withTenant(t.database.db, scope, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select id from organisations`)));
    assert.deepEqual(orgs.map((o) => o.id), [a.id]);
  });

  it('outside any transaction setting, the app role sees nothing of any tenant', async () => {
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'tandem_app', true)`);
      return rowsOf(await tx.execute(sql`select id from people`));
    });
    assert.equal(rows.length, 0);
  });
});

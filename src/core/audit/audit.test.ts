import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../db/tx.js';
import { useWorld } from '../testing/world.js';
import { createOrganisation, createPerson, createUser } from '../testing/fixtures.js';
import { TestClient } from '../testing/client.js';

const w = useWorld({ org: { slug: 'audit-org', name: 'Org audit-org' } });
let sw: Awaited<ReturnType<typeof createUser>>;
before(async () => {
  sw = await createUser(w.db, { organisationId: w.org.id, roles: ['social_worker'] });
});

/** Drizzle wraps the database error; the trigger's message is in its cause. */
const appendOnly = (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message ?? err));

type Row = { action: string; entity_id: string | null; actor_user_id: string; fields: string[] | null; organisation_id: string };
const auditRows = async (entityId: string) =>
  rowsOf<Row>(await withSystem(w.db, (tx) => tx.execute(sql`select action, entity_id, actor_user_id, fields, organisation_id from audit_log where entity_id = ${entityId} order by id`)));

describe('audit log', () => {
  it('records every view and change of a person by staff, with the changed field names', async () => {
    const personId = await createPerson(w.db, w.org.id, 'Jürgen', 'Weiß');
    const c = new TestClient(w.t.app);
    await c.signIn(sw.email);
    await c.get(`/people/${personId}`);
    await c.get(`/people/${personId}/edit`);
    await c.post(`/people/${personId}/edit`, { givenName: 'Jürgen', familyName: 'Weiss', email: 'j@example.org', locale: 'de' });
    const rows = await auditRows(personId);
    assert.deepEqual(rows.map((r) => r.action), ['person.view', 'person.view', 'person.update']);
    assert.ok(rows.every((r) => r.actor_user_id === sw.userId && r.organisation_id === w.org.id));
    assert.deepEqual(rows[2]!.fields!.sort(), ['email', 'familyName', 'locale']);
    const values = JSON.stringify(rows);
    assert.doesNotMatch(values, /Weiss|j@example/, 'values are never copied into the audit log');
  });

  it('cannot be updated, deleted or truncated — not by the app role, not even by the owner', async () => {
    const scope = { organisationId: w.org.id, userId: sw.userId };
    await assert.rejects(withTenant(w.db, scope, (tx) => tx.execute(sql`update audit_log set action = 'x'`)));
    await assert.rejects(withTenant(w.db, scope, (tx) => tx.execute(sql`delete from audit_log`)));
    await assert.rejects(withSystem(w.db, (tx) => tx.execute(sql`update audit_log set action = 'x'`)), appendOnly);
    await assert.rejects(withSystem(w.db, (tx) => tx.execute(sql`delete from audit_log`)), appendOnly);
    await assert.rejects(withSystem(w.db, (tx) => tx.execute(sql`truncate audit_log`)), appendOnly);
    const n = rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from audit_log`)))[0]!.n;
    assert.ok(n > 0);
  });

  it('the app role cannot write audit rows for another organisation', async () => {
    const other = await createOrganisation(w.db, 'audit-other');
    await assert.rejects(
      withTenant(w.db, { organisationId: w.org.id, userId: sw.userId }, (tx) =>
        tx.execute(sql`insert into audit_log (organisation_id, action, entity) values (${other.id}, 'forged', 'person')`),
      ),
    );
  });
});

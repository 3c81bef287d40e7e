import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditLog } from '../../../core/audit/audit.table.js';
import { withSystem } from '../../../core/db/tx.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { adminWorld, anonymous, countRows, freshOrganisation, signedIn, type AdminWorld } from '../test-helpers.js';

let w: AdminWorld;
before(async () => {
  w = await adminWorld();
});
after(() => w.t.close());

type Entry = { at: string; action: string; entity?: string; entityId?: string; actor?: string | null; fields?: string[] };
async function seed(organisationId: string, entries: Entry[]) {
  await withSystem(w.db, (tx) =>
    tx.insert(auditLog).values(
      entries.map((e) => ({
        organisationId,
        at: new Date(e.at),
        actorUserId: e.actor ?? null,
        action: e.action,
        entity: e.entity ?? 'person',
        entityId: e.entityId ?? null,
        fields: e.fields ?? null,
      })),
    ),
  );
}
const rowsIn = (body: string) => [...body.matchAll(/<tr><td><time datetime="([^"]+)"/g)].map((m) => m[1]!);

describe('audit log /admin/audit', () => {
  it('shows the organisation’s entries newest first, 50 a page, with actor, action, entity and changed fields', async () => {
    const org = await freshOrganisation(w);
    const { user, client } = await signedIn(w, ['administrator'], { organisationId: org.id, name: 'Anna Kowalska' });
    const base = Date.parse('2023-01-01T10:00:00Z');
    await seed(org.id, Array.from({ length: 120 }, (_, i) => ({ at: new Date(base + i * 60_000).toISOString(), action: 'person.view', entityId: `id-${i}`, actor: user.userId })));
    await seed(org.id, [{ at: '2023-06-01T10:00:00Z', action: 'person.update', actor: user.userId, entityId: 'changed-one', fields: ['email', 'phone'] }]);
    await seed(w.other.id, [{ at: '2023-06-02T10:00:00Z', action: 'person.update', entityId: 'other-org-entry' }]);
    const before = await countRows(w, 'audit_log', org.id);
    const page1 = await client.get('/admin/audit?action=person.');
    assert.equal(page1.status, 200);
    const times = rowsIn(page1.body);
    assert.equal(times.length, 50);
    assert.deepEqual([...times].sort().reverse(), times, 'newest first');
    assert.equal(times[0], '2023-06-01T10:00:00.000Z');
    assert.match(page1.body, /Kowalska Anna|Anna Kowalska/);
    assert.match(page1.body, /email, phone/);
    assert.match(page1.body, /121 entries/);
    assert.doesNotMatch(page1.body, /other-org-entry/);
    const page3 = await client.get('/admin/audit?action=person.&page=3');
    assert.equal(rowsIn(page3.body).length, 21);
    assert.match(page3.body, /rel="prev"/);
    assert.equal(await countRows(w, 'audit_log', org.id), before, 'reading the audit log is not audited');
  });

  it('filters by action prefix, entity, actor and Warsaw calendar days (both inclusive)', async () => {
    const org = await freshOrganisation(w);
    const { user, client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    const other = await createUser(w.db, { organisationId: org.id, roles: ['coordinator'], name: 'Ewa Mazur' });
    await seed(org.id, [
      { at: '2024-03-09T22:59:59Z', action: 'person.view', entityId: 'mar09-late' }, // 9 March 23:59:59 in Warsaw
      { at: '2024-03-09T23:30:00Z', action: 'person.view', entityId: 'mar10-early', actor: other.userId }, // 10 March 00:30
      { at: '2024-03-10T22:59:00Z', action: 'programme.update', entity: 'programme', entityId: 'mar10-late' }, // 10 March 23:59
      { at: '2024-03-10T23:00:00Z', action: 'person.view', entityId: 'mar11-midnight' }, // 11 March 00:00
      { at: '2024-07-01T22:30:00Z', action: 'personal.note', entityId: 'jul02-summer' }, // 2 July 00:30 (summer time)
    ]);
    const ids = async (query: string) => {
      const res = await client.get(`/admin/audit?${query}`);
      assert.equal(res.status, 200, query);
      return [...res.body.matchAll(/<code class="muted">([^<]+)<\/code>/g)].map((m) => m[1]!).filter((id) => !/^[0-9a-f-]{36}$/.test(id));
    };
    assert.deepEqual(await ids('from=2024-03-10&to=2024-03-10'), ['mar10-late', 'mar10-early']);
    assert.deepEqual(await ids('from=2024-07-02&to=2024-07-02'), ['jul02-summer']);
    assert.deepEqual(await ids('action=person.&to=2024-12-31'), ['mar11-midnight', 'mar10-early', 'mar09-late']);
    assert.deepEqual(await ids('entity=programme'), ['mar10-late']);
    assert.deepEqual(await ids(`actor=${other.userId}`), ['mar10-early']);
    assert.deepEqual(await ids('action=%25'), [], 'a wildcard in the prefix is taken literally');
    const page = await client.get('/admin/audit');
    assert.match(page.body, new RegExp(`<option value="${other.userId}"[^>]*>Mazur Ewa</option>`));
    assert.match(page.body, new RegExp(`<option value="${user.userId}"`));
  });

  it('refuses invalid filters with messages next to the fields and shows no entries', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const stranger = await createUser(w.db, { organisationId: w.other.id, roles: ['coordinator'] });
    for (const query of ['from=2024-02-30', 'to=yesterday', 'from=2024-03-10&to=2024-03-01', 'actor=not-a-uuid', `actor=${stranger.userId}`, `action=${'a'.repeat(101)}`]) {
      const res = await client.get(`/admin/audit?${query}`);
      assert.equal(res.status, 422, query);
      assert.match(res.body, /class="field-error"/);
      assert.equal(rowsIn(res.body).length, 0);
    }
    const xss = await client.get(`/admin/audit?action=${encodeURIComponent('<script>alert(1)</script>')}`);
    assert.doesNotMatch(xss.body, /<script>alert/);
  });

  it('refuses other roles (403) and anonymous visitors', async () => {
    for (const role of ['coordinator', 'programme_manager', 'social_worker'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/admin/audit')).status, 403);
    }
    const anon = await anonymous(w);
    assert.match((await anon.get('/admin/audit')).location ?? '', /^\/sign-in\?next=/);
  });
});

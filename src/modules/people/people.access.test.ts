/**
 * Who reaches the people the organisation supports through the people directory (issue 10 point 8): for every role,
 * the list (`/people`, `/people?role=mentee`), one record (`/people/:id`) and the API (`/api/v1/people`, `/:id`) with
 * a personal access token, for an adult mentee, a minor mentee and a mentee who also volunteers. Only the roles that
 * may see mentees' cases see them here; a programme manager sees aggregates only (SPEC §2), so none of this.
 *   npm test -- src/modules/people/people.access.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog } from '../../core/audit/audit.table.js';
import { createAccessToken } from '../../core/auth/access-tokens.js';
import { withSystem } from '../../core/db/tx.js';
import { TestClient } from '../../core/testing/client.js';
import { createOrganisation, createPerson, createUser } from '../../core/testing/fixtures.js';
import { useApp } from '../../core/testing/world.js';
import { people, ROLES, type Role } from '../../core/tenancy/tenancy.table.js';
import { menteesPolicy } from '../mentees/index.js';

/** The rule under test, written out: who sees mentees' personal records in the people directory. */
const SEES_MENTEES: readonly Role[] = ['administrator', 'coordinator', 'social_worker'];

const t = useApp();
let orgId: string;
/** The people the organisation supports: recorded through the intake (adult, minor) and one who also volunteers. */
const mentees = { adult: { id: '', name: 'Nadia Haddad' }, minor: { id: '', name: 'Marko Bondarenko' }, volunteer: { id: '', name: 'Iryna Savchenko' } };

before(async () => {
  orgId = (await createOrganisation(t.database.db, 'people-access')).id;
  const worker = await createUser(t.database.db, { organisationId: orgId, roles: ['social_worker'] });
  const { token } = await createAccessToken(t.database.db, { userId: worker.userId, organisationId: orgId, name: 'intake' });
  const intake = async (givenName: string, familyName: string, extra: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mentees',
      headers: { authorization: `Bearer ${token}` },
      payload: { givenName, familyName, locale: 'uk', needs: ['school_help'], consents: { support: 'consent' }, ...extra },
    });
    assert.equal(res.statusCode, 201, res.body);
    const [person] = await withSystem(t.database.db, (tx) => tx.select({ id: people.id }).from(people).where(and(eq(people.organisationId, orgId), eq(people.familyName, familyName))));
    return { personId: person!.id, minor: res.json<{ minor: boolean }>().minor };
  };
  mentees.adult.id = (await intake('Nadia', 'Haddad', { email: 'nadia@example.org', birthDate: '1988-03-14' })).personId;
  const minor = await intake('Marko', 'Bondarenko', { birthDate: `${new Date().getUTCFullYear() - 11}-05-02` });
  assert.equal(minor.minor, true, 'the intake marks the child as a minor');
  mentees.minor.id = minor.personId;
  mentees.volunteer.id = await createPerson(t.database.db, orgId, 'Iryna', 'Savchenko', ['volunteer', 'mentee']);
});

const all = Object.values(mentees);

/** Person views and listings this user's actions wrote to the audit log. */
async function personAudit(userId: string) {
  const rows = await withSystem(t.database.db, (tx) =>
    tx.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.actorUserId, userId), inArray(auditLog.action, ['person.view', 'person.list']))),
  );
  return rows.map((r) => r.action);
}

describe('mentees in the people directory, for every role', () => {
  it('are seen by exactly the roles that may see mentees’ cases', () => {
    assert.deepEqual([...SEES_MENTEES].sort(), [...menteesPolicy.roles('read')].sort());
  });

  const cases: Role[][] = [...ROLES.map((r) => [r]), ['programme_manager', 'volunteer']];
  for (const roles of cases) {
    const sees = roles.some((r) => SEES_MENTEES.includes(r));
    const label = roles.join(' + ');

    it(`${label}: pages ${sees ? 'show' : 'refuse'} /people, /people?role=mentee and /people/:id of each mentee`, async () => {
      const user = await createUser(t.database.db, { organisationId: orgId, roles, totp: roles.includes('administrator') });
      const c = new TestClient(t.app);
      await c.signIn(user.email, { totpSecret: user.totpSecret });
      const home = await c.get('/?lang=en');
      assert.equal(/href="\/people"/.test(home.body), sees, 'the People link in the navigation');

      for (const url of ['/people?lang=en', '/people?role=mentee&lang=en', '/people?q=haddad', '/people?q=bondarenko', '/people?q=savchenko']) {
        const res = await c.get(url);
        assert.equal(res.status, sees ? 200 : 403, url);
        const shown = all.filter((m) => res.body.includes(m.name.split(' ')[1]!));
        if (sees && url.startsWith('/people?q=')) assert.equal(shown.length, 1, url);
        if (sees && !url.startsWith('/people?q=')) assert.deepEqual(shown, all, url);
        if (!sees) assert.deepEqual(shown, [], url);
      }
      if (sees) assert.match((await c.get('/people?role=mentee&lang=en')).body, /3 people/, 'the total counts the three mentees');
      for (const m of all) {
        const res = await c.get(`/people/${m.id}`);
        assert.equal(res.status, sees ? 200 : 403, m.name);
        assert.equal(res.body.includes(m.name.split(' ')[1]!), sees, m.name);
      }
      const audited = await personAudit(user.userId);
      if (sees) assert.equal(audited.filter((a) => a === 'person.view').length, all.length, 'every view is audited');
      else assert.deepEqual(audited, [], 'nothing was read');
    });

    it(`${label}: the API ${sees ? 'returns' : 'refuses'} /api/v1/people (also ?role=mentee) and /api/v1/people/:id of each mentee`, async () => {
      const user = await createUser(t.database.db, { organisationId: orgId, roles, totp: roles.includes('administrator') });
      const { token } = await createAccessToken(t.database.db, { userId: user.userId, organisationId: orgId, name: 'api' });
      const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

      for (const url of ['/api/v1/people', '/api/v1/people?role=mentee']) {
        const res = await get(url);
        if (!sees) {
          assert.equal(res.statusCode, 403, url);
          assert.equal(res.json().error.code, 'FORBIDDEN', url);
          assert.ok(!all.some((m) => res.body.includes(m.id)), url);
          continue;
        }
        assert.equal(res.statusCode, 200, url);
        const page = res.json<{ items: { id: string; roles: Role[] }[]; total: number }>();
        assert.deepEqual(all.map((m) => page.items.some((p) => p.id === m.id)), [true, true, true], url);
        if (url.endsWith('role=mentee')) assert.equal(page.total, all.length, 'totals and items agree');
      }
      for (const m of all) {
        const res = await get(`/api/v1/people/${m.id}`);
        assert.equal(res.statusCode, sees ? 200 : 403, m.name);
        if (sees) assert.ok(res.json<{ roles: Role[] }>().roles.includes('mentee'), m.name);
        else assert.ok(!res.body.includes(m.name.split(' ')[1]!), m.name);
      }
      const audited = await personAudit(user.userId);
      if (sees) assert.deepEqual([audited.filter((a) => a === 'person.list').length, audited.filter((a) => a === 'person.view').length], [2, all.length]);
      else assert.deepEqual(audited, [], 'nothing was read');
    });
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPerson, createUser } from '../../../core/testing/fixtures.js';
import { inviteMember } from '../../../core/auth/invitations.service.js';
import { createAccessToken } from '../../../core/auth/access-tokens.js';
import { adminWorld, useWorld, anonymous, freshOrganisation, auditEntries, flashOn, rolesOf, signedIn } from '../test-helpers.js';

const w = useWorld(adminWorld);

describe('team list /admin/users', () => {
  it('lists people with an account and a role, sorted by Polish rules, with their roles and account state', async () => {
    const { client } = await signedIn(w, ['administrator'], { name: 'Adam Lis', locale: 'pl' });
    await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer', 'coordinator'], name: 'Zofia Łata', email: 'zofia@example.org' });
    await createUser(w.db, { organisationId: w.org.id, roles: ['mentee'], name: 'Ewa Mazur' });
    await createPerson(w.db, w.org.id, 'Bez', 'Konta', ['mentee']);
    await createUser(w.db, { organisationId: w.other.id, roles: ['coordinator'], name: 'Obca Osoba' });
    const page = await client.get('/admin/users');
    assert.equal(page.status, 200);
    const order = ['Lis Adam', 'Łata Zofia', 'Mazur Ewa'].map((n) => page.body.indexOf(n));
    assert.ok(order.every((i) => i > 0), 'all three are listed');
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'Ł sorts between L and M');
    assert.doesNotMatch(page.body, /Konta/, 'people without an account are not on the team list');
    assert.doesNotMatch(page.body, /Obca/, "another organisation's people are not listed");
    assert.match(page.body, /zofia@example\.org/);
    const english = await client.get('/admin/users?lang=en');
    assert.match(english.body, /volunteer coordinator, volunteer|volunteer, volunteer coordinator/);
    assert.match(english.body, /<td[^>]*>Active<\/td>/, 'accounts with a password are active');
    assert.doesNotMatch(english.body, /<td[^>]*>Invitation not accepted yet<\/td>/);
    await inviteMember(w.db, { organisationId: w.org.id, userId: (await createUser(w.db, { organisationId: w.org.id, roles: ['administrator'] })).userId }, { email: 'new@example.org', givenName: 'Nowa', familyName: 'Osoba', role: 'volunteer', locale: 'pl' }, 'http://tandem.test');
    const afterInvite = await client.get('/admin/users?lang=en');
    assert.match(afterInvite.body, /<td[^>]*>Osoba Nowa<\/td><td class="email-cell" dir="ltr"[^>]*>new@example.org<\/td><td[^>]*>volunteer<\/td><td[^>]*>Invitation not accepted yet<form/, 'an invited person is pending (no member page until they accept), with a way to send the invitation again');
    assert.ok((await auditEntries(w, w.org.id, 'member.list')).length >= 1, 'listing personal data is audited');
  });

  it('lets a coordinator see the team without role controls, and refuses other roles and anonymous visitors', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const page = await client.get('/admin/users');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /href="\/admin\/users\/[0-9a-f-]{36}"/);
    assert.equal((await (await signedIn(w, ['social_worker'])).client.get('/admin/users')).status, 403);
    assert.equal((await (await signedIn(w, ['volunteer'])).client.get('/admin/users')).status, 403);
    const anon = await anonymous(w);
    const res = await anon.get('/admin/users');
    assert.equal(res.status, 303);
    assert.match(res.location!, /^\/sign-in\?next=/);
  });
});

describe('roles of a member POST /admin/users/:personId/roles', () => {
  it('adds and removes a role, audited as membership.add and membership.remove', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const member = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'], name: 'Olena Kowalenko' });
    const page = await client.get(`/admin/users/${member.personId}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Olena Kowalenko/);
    const added = await client.post(`/admin/users/${member.personId}/roles`, { role: 'migrant_assistant', change: 'add' });
    assert.equal(added.status, 303);
    assert.match(await flashOn(client, added.location), /has been added/);
    assert.deepEqual(await rolesOf(w, member.personId), ['migrant_assistant', 'volunteer']);
    const again = await client.post(`/admin/users/${member.personId}/roles`, { role: 'migrant_assistant', change: 'add' });
    assert.match(await flashOn(client, again.location), /already has the role/);
    assert.equal((await client.post(`/admin/users/${member.personId}/roles`, { role: 'volunteer', change: 'remove' })).status, 303);
    assert.deepEqual(await rolesOf(w, member.personId), ['migrant_assistant']);
    const adds = (await auditEntries(w, w.org.id, 'membership.add')).filter((e) => e.entityId === member.personId);
    const removes = (await auditEntries(w, w.org.id, 'membership.remove')).filter((e) => e.entityId === member.personId);
    assert.equal(adds.length, 1, 'adding a role held already is not audited as a change');
    assert.deepEqual(adds[0]!.fields, ['roles.migrant_assistant']);
    assert.deepEqual(removes[0]!.fields, ['roles.volunteer']);
  });

  it('a role removed is gone at once from the member’s open session and API token; with no role left, the token is dead', async () => {
    const { client: admin } = await signedIn(w, ['administrator']);
    const member = await signedIn(w, ['coordinator', 'volunteer']);
    const token = (await createAccessToken(w.db, { userId: member.user.userId, organisationId: w.org.id, name: 'skrypt' })).token;
    const pairs = () => w.t.app.inject({ method: 'GET', url: '/api/v1/pairs', headers: { authorization: `Bearer ${token}` } });
    assert.equal((await pairs()).statusCode, 200);
    assert.equal((await member.client.get('/people')).status, 200);
    await admin.get(`/admin/users/${member.user.personId}`);
    assert.equal((await admin.post(`/admin/users/${member.user.personId}/roles`, { role: 'coordinator', change: 'remove' })).status, 303);
    assert.equal((await pairs()).statusCode, 403, 'the token carries no role of its own');
    assert.equal((await member.client.get('/people')).status, 403, 'nor does the session');
    await admin.get(`/admin/users/${member.user.personId}`);
    assert.equal((await admin.post(`/admin/users/${member.user.personId}/roles`, { role: 'volunteer', change: 'remove' })).status, 303);
    assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401, 'no longer a member: the token is refused');
  });

  it('refuses unknown roles and changes with a message next to the field, changing nothing', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const member = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'] });
    await client.get(`/admin/users/${member.personId}`);
    const cases: Record<string, string>[] = [{ role: 'superuser', change: 'add' }, { role: 'mentee', change: 'promote' }, { change: 'add' }, { role: 'mentee', change: 'add', extra: '<script>' }];
    for (const form of cases) {
      const res = await client.post(`/admin/users/${member.personId}/roles`, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(res.body, /class="error-summary"/);
      assert.doesNotMatch(res.body, /<script>/);
    }
    assert.deepEqual(await rolesOf(w, member.personId), ['volunteer']);
  });

  it('never removes the last administrator of the organisation', async () => {
    const org = await freshOrganisation(w);
    const { user, client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    await client.get(`/admin/users/${user.personId}`);
    const res = await client.post(`/admin/users/${user.personId}/roles`, { role: 'administrator', change: 'remove' });
    assert.equal(res.status, 422);
    assert.match(res.body, /last administrator of the organisation/);
    assert.deepEqual(await rolesOf(w, user.personId), ['administrator']);
    assert.equal((await auditEntries(w, org.id, 'membership.remove')).length, 0);
  });

  it('does not let an administrator remove their own administrator role, but lets them remove another administrator', async () => {
    const org = await freshOrganisation(w);
    const a = await signedIn(w, ['administrator', 'coordinator'], { organisationId: org.id });
    const b = await createUser(w.db, { organisationId: org.id, roles: ['administrator'], totp: true });
    await a.client.get(`/admin/users/${a.user.personId}`);
    const own = await a.client.post(`/admin/users/${a.user.personId}/roles`, { role: 'administrator', change: 'remove' });
    assert.equal(own.status, 422);
    assert.match(own.body, /cannot remove your own administrator role/);
    assert.deepEqual(await rolesOf(w, a.user.personId), ['administrator', 'coordinator']);
    assert.equal((await a.client.post(`/admin/users/${a.user.personId}/roles`, { role: 'coordinator', change: 'remove' })).status, 303, 'other own roles may go');
    assert.equal((await a.client.post(`/admin/users/${b.personId}/roles`, { role: 'administrator', change: 'remove' })).status, 303);
    assert.deepEqual(await rolesOf(w, b.personId), []);
  });

  it('keeps an administrator when two administrators remove each other at the same moment', async () => {
    const org = await freshOrganisation(w);
    const a = await signedIn(w, ['administrator'], { organisationId: org.id });
    const b = await signedIn(w, ['administrator'], { organisationId: org.id });
    await a.client.get(`/admin/users/${b.user.personId}`);
    await b.client.get(`/admin/users/${a.user.personId}`);
    const results = await Promise.all([
      a.client.post(`/admin/users/${b.user.personId}/roles`, { role: 'administrator', change: 'remove' }),
      b.client.post(`/admin/users/${a.user.personId}/roles`, { role: 'administrator', change: 'remove' }),
    ]);
    assert.equal(results.filter((r) => r.status === 303).length, 1, results.map((r) => r.status).join(','));
    const admins = [...(await rolesOf(w, a.user.personId)), ...(await rolesOf(w, b.user.personId))].filter((r) => r === 'administrator');
    assert.equal(admins.length, 1);
  });

  it("answers 404 for another organisation's person or a malformed id, and changes nothing", async () => {
    const { client } = await signedIn(w, ['administrator']);
    const stranger = await createUser(w.db, { organisationId: w.other.id, roles: ['volunteer'] });
    const noAccount = await createPerson(w.db, w.org.id, 'Bez', 'Konta', ['mentee']);
    await client.get('/admin/users');
    assert.equal((await client.get(`/admin/users/${stranger.personId}`)).status, 404);
    assert.equal((await client.post(`/admin/users/${stranger.personId}/roles`, { role: 'coordinator', change: 'add' })).status, 404);
    assert.equal((await client.post(`/admin/users/${stranger.personId}/roles`, { role: 'nonsense', change: 'add' })).status, 404);
    assert.equal((await client.post(`/admin/users/${noAccount}/roles`, { role: 'coordinator', change: 'add' })).status, 404);
    assert.equal((await client.get('/admin/users/not-a-uuid')).status, 404);
    assert.equal((await client.post('/admin/users/not-a-uuid/roles', { role: 'coordinator', change: 'add' })).status, 404);
    assert.deepEqual(await rolesOf(w, stranger.personId), ['volunteer']);
    assert.deepEqual(await rolesOf(w, noAccount), ['mentee']);
  });

  it('refuses coordinators (403) and anonymous visitors (sign-in / 401)', async () => {
    const member = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'] });
    const { client } = await signedIn(w, ['coordinator']);
    await client.get('/admin/users');
    assert.equal((await client.get(`/admin/users/${member.personId}`)).status, 403);
    assert.equal((await client.post(`/admin/users/${member.personId}/roles`, { role: 'coordinator', change: 'add' })).status, 403);
    const anon = await anonymous(w);
    assert.match((await anon.get(`/admin/users/${member.personId}`)).location ?? '', /^\/sign-in/);
    assert.equal((await anon.post(`/admin/users/${member.personId}/roles`, { role: 'coordinator', change: 'add' })).status, 401);
    assert.deepEqual(await rolesOf(w, member.personId), ['volunteer']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { TestClient } from '../../../core/testing/client.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { adminWorld, useWorld, anonymous, auditEntries, countRows, flashOn, mailsTo, rolesOf, signedIn } from '../test-helpers.js';

const w = useWorld(adminWorld);

const linkIn = (text: string) => /http:\/\/tandem\.test(\/invitation\/[A-Za-z0-9_-]+)/.exec(text)![1]!;
const invite = { email: 'Olena@Example.org', givenName: 'Олена', familyName: 'Коваленко', role: 'volunteer', locale: 'uk' };

describe('invitations /admin/users/invite', () => {
  it('invites a person in the chosen language; the link sets a password and signs them in', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const form = await client.get('/admin/users/invite');
    assert.equal(form.status, 200);
    assert.match(form.body, /<option value="en" selected/, "the mail's language defaults to the viewer's");
    const res = await client.post('/admin/users/invite', invite);
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, res.location), /invitation has been sent to olena@example\.org/);
    const [mail, ...more] = await mailsTo(w, 'olena@example.org');
    assert.equal(more.length, 0);
    assert.equal(mail!.locale, 'uk');
    assert.equal(mail!.organisationId, w.org.id);
    assert.equal((await auditEntries(w, w.org.id, 'user.invite')).length, 1);

    const list = await client.get('/admin/users');
    assert.match(list.body, /Коваленко Олена/);
    assert.match(list.body, /Invitation not accepted yet/);

    const invited = new TestClient(w.t.app);
    const path = linkIn(mail!.textBody);
    assert.equal((await invited.get(path)).status, 200);
    const done = await invited.post(path, { password: 'нове-дуже-довге-гасло', confirm: 'нове-дуже-довге-гасло' });
    assert.equal(done.status, 303);
    assert.match((await invited.get('/')).body, /Олена Коваленко/);
    const after = await client.get('/admin/users');
    const row = /Коваленко Олена<\/a><\/td>.*?<\/tr>/.exec(after.body)![0];
    assert.match(row, /<td[^>]*>Active<\/td>/, 'the accepted invitation shows as an active account');
  });

  it('does not duplicate anyone when the same person is invited again, and says so', async () => {
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/admin/users/invite');
    const first = { ...invite, email: 'marta@example.org', givenName: 'Marta', familyName: 'Nowak', locale: 'pl' };
    await client.post('/admin/users/invite', first);
    const people = await countRows(w, 'people', w.org.id);
    const users = await countRows(w, 'users');
    const firstLink = linkIn((await mailsTo(w, 'marta@example.org'))[0]!.textBody);
    await client.get('/admin/users/invite');
    const again = await client.post('/admin/users/invite', first);
    assert.match(await flashOn(client, again.location), /already been invited with the role volunteer\. Nothing was duplicated/);
    await client.get('/admin/users/invite');
    const other = await client.post('/admin/users/invite', { ...first, role: 'mentee' });
    assert.match(await flashOn(client, other.location), /invitation has been sent to marta@example\.org/);
    assert.equal(await countRows(w, 'people', w.org.id), people);
    assert.equal(await countRows(w, 'users'), users, 'no account before acceptance');
    const list = await client.get('/admin/users');
    assert.equal(list.body.match(/Nowak Marta/g)?.length, 1);
    assert.match(list.body, /<td[^>]*>Nowak Marta<\/td><td class="email-cell" dir="ltr"[^>]*>marta@example\.org<\/td><td[^>]*>mentee, volunteer<\/td>/, 'one pending invitation offering both roles');

    const mails = await mailsTo(w, 'marta@example.org');
    assert.equal(mails.length, 3);
    const invited = new TestClient(w.t.app);
    assert.equal((await invited.get(firstLink)).status, 404, 'a fresh link replaces the earlier one');
    const latest = linkIn(mails.at(-1)!.textBody);
    await invited.get(latest);
    assert.equal((await invited.post(latest, { password: 'długie hasło Marty', confirm: 'długie hasło Marty' })).status, 303);
    const personId = rowsOf<{ id: string }>(await withSystem(w.db, (tx) => tx.execute(sql`select id from people where email = 'marta@example.org'`)))[0]!.id;
    assert.deepEqual(await rolesOf(w, personId), ['mentee', 'volunteer'], 'both roles once accepted');
    await client.get('/admin/users/invite');
    const member = await client.post('/admin/users/invite', { ...first, role: 'coordinator' });
    assert.match(await flashOn(client, member.location), /already in the team\. The role volunteer coordinator has been added/);
    await client.get('/admin/users/invite');
    const held = await client.post('/admin/users/invite', { ...first, role: 'coordinator' });
    assert.match(await flashOn(client, held.location), /already has the role volunteer coordinator\. Nothing was changed/);
    assert.equal((await mailsTo(w, 'marta@example.org')).length, 3, 'a member gets a role without a mail');
  });

  it('refuses missing, oversized and unknown values with messages next to the fields, and writes nothing', async () => {
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/admin/users/invite');
    const before = await Promise.all([countRows(w, 'people'), countRows(w, 'users'), countRows(w, 'outbox')]);
    const cases: Record<string, string>[] = [
      { ...invite, email: '' },
      { ...invite, email: 'not-an-address' },
      { ...invite, givenName: 'x'.repeat(101) },
      { ...invite, familyName: '   ' },
      { ...invite, role: 'superuser' },
      { ...invite, locale: 'fr' },
      { ...invite, unexpected: 'field' },
    ];
    for (const form of cases) {
      const res = await client.post('/admin/users/invite', form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(res.body, /class="field-error"|class="error-summary"/);
    }
    const xss = await client.post('/admin/users/invite', { ...invite, email: '', givenName: '<script>alert(1)</script>' });
    assert.equal(xss.status, 422);
    assert.doesNotMatch(xss.body, /<script>alert/);
    assert.match(xss.body, /value="&lt;script>alert\(1\)&lt;\/script>"/, 'the value comes back escaped in its field');
    assert.deepEqual(await Promise.all([countRows(w, 'people'), countRows(w, 'users'), countRows(w, 'outbox')]), before);
  });

  it('lets a coordinator invite only volunteer, mentee, migrant assistant, institution staff and coordinator', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const form = await client.get('/admin/users/invite');
    assert.equal(form.status, 200);
    const options = [...form.body.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1]).filter((v) => !['pl', 'en', 'uk', 'de', 'ar'].includes(v!));
    assert.deepEqual(options.sort(), ['coordinator', 'institution_staff', 'mentee', 'migrant_assistant', 'volunteer']);
    const before = await countRows(w, 'outbox');
    for (const role of ['administrator', 'social_worker', 'programme_manager']) {
      const res = await client.post('/admin/users/invite', { ...invite, email: `${role}@example.org`, role });
      assert.equal(res.status, 422, role);
      assert.match(res.body, /You cannot give this role/);
    }
    assert.equal(await countRows(w, 'outbox'), before, 'nothing was sent');
    const ok = await client.post('/admin/users/invite', { ...invite, email: 'helper@example.org', role: 'migrant_assistant', locale: 'de' });
    assert.equal(ok.status, 303);
    assert.equal((await mailsTo(w, 'helper@example.org'))[0]!.locale, 'de');
  });

  it('refuses other roles (403) and anonymous visitors (sign-in / 401), writing nothing', async () => {
    const before = await countRows(w, 'outbox');
    for (const role of ['volunteer', 'social_worker', 'programme_manager'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/admin/users/invite')).status, 403);
      await client.get('/');
      assert.equal((await client.post('/admin/users/invite', { ...invite, email: `${role}-x@example.org` })).status, 403);
    }
    const anon = await anonymous(w);
    assert.match((await anon.get('/admin/users/invite')).location ?? '', /^\/sign-in\?next=/);
    assert.equal((await anon.post('/admin/users/invite', invite)).status, 401);
    assert.equal(await countRows(w, 'outbox'), before);
  });

  it('invites into the signed-in organisation only: an account elsewhere gets a new person here, and no role before accepting', async () => {
    const elsewhere = await createUser(w.db, { organisationId: w.other.id, roles: ['coordinator'], email: 'both@example.org' });
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/admin/users/invite');
    const res = await client.post('/admin/users/invite', { ...invite, email: 'both@example.org', role: 'volunteer' });
    assert.match(await flashOn(client, res.location), /has been sent/);
    assert.deepEqual(await rolesOf(w, elsewhere.personId), ['coordinator'], "the other organisation's person is untouched");
    const here = rowsOf<{ id: string; user_id: string | null }>(await withSystem(w.db, (tx) => tx.execute(sql`select id, user_id from people where organisation_id = ${w.org.id} and email = 'both@example.org'`)));
    assert.equal(here.length, 1);
    assert.equal(here[0]!.user_id, null, 'not linked to the account before its owner accepts');
    assert.deepEqual(await rolesOf(w, here[0]!.id), [], 'no membership before acceptance');
  });
});

/**
 * Issue 10, items 1 and 2: an administrator of one organisation must not be able to take over — or even learn about —
 * an account that belongs to someone in another organisation, through invitations or the Outgoing mail page.
 *   npm test -- src/core/auth/invitations.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../db/tx.js';
import { outbox } from '../mail/mail.table.js';
import { TestClient } from '../testing/client.js';
import { browserOf, useApp } from '../testing/world.js';
import { createOrganisation, createUser, PASSWORD } from '../testing/fixtures.js';
import { translator } from '../i18n/index.js';
import { currentTotp } from './totp.js';
import { credentials } from './auth.table.js';

const t = useApp();
let orgA: { id: string };
let orgB: { id: string };
before(async () => {
  orgA = await createOrganisation(t.database.db, 'alfa', 'Ośrodek Alfa');
  orgB = await createOrganisation(t.database.db, 'beta', 'Fundacja Beta');
});

const db = () => t.database.db;
const ATTACKER_PASSWORD = 'attacker chose this one';

/** An administrator of organisation B, signed in through the pages. */
async function adminOfB() {
  const admin = await createUser(db(), { organisationId: orgB.id, roles: ['administrator'], totp: true });
  return { admin, client: await browserOf({ t }, admin) };
}

async function invite(client: TestClient, email: string, role = 'coordinator') {
  await client.get('/admin/users/invite');
  return client.post('/admin/users/invite', { email, givenName: 'Anna', familyName: 'Nowak', role, locale: 'pl' });
}

/** The mail as it really went out (system view), and its link. */
async function sentMail(to: string) {
  const rows = await withSystem(db(), (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.createdAt));
  const mail = rows.at(-1)!;
  return { mail, path: /http:\/\/tandem\.test(\/invitation\/[A-Za-z0-9_-]+)/.exec(mail.textBody)?.[1] };
}

const passwordHashOf = async (userId: string) => (await withSystem(db(), (tx) => tx.select().from(credentials).where(eq(credentials.userId, userId))))[0]?.passwordHash;

const rolesIn = async (organisationId: string, email: string) =>
  rowsOf<{ role: string }>(
    await withSystem(db(), (tx) =>
      tx.execute(sql`select m.role from memberships m join people p on p.id = m.person_id join users u on u.id = p.user_id
                     where m.organisation_id = ${organisationId} and u.email = ${email} order by m.role`),
    ),
  ).map((r) => r.role);

async function canSignIn(email: string, password: string) {
  const c = new TestClient(t.app, { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  await c.get('/sign-in');
  return (await c.post('/sign-in', { email, password })).status === 303;
}

describe('an invitation to an address that already has an account (cross-organisation takeover)', () => {
  it('never sets a password on it: the link asks its owner to sign in, and posting a password changes nothing', async () => {
    const victim = await createUser(db(), { organisationId: orgA.id, roles: ['social_worker'], email: 'sw@alfa.example', totp: true });
    const before = await passwordHashOf(victim.userId);
    const { client } = await adminOfB();
    assert.equal((await invite(client, 'sw@alfa.example')).status, 303);
    const { path } = await sentMail('sw@alfa.example');
    assert.ok(path, 'the owner gets a link');

    const attacker = new TestClient(t.app);
    const page = await attacker.get(`${path}?lang=en`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /name="password"/, 'no password form for an existing account');
    assert.match(page.body, /Sign in to accept/);
    const post = await attacker.post(path!, { password: ATTACKER_PASSWORD, confirm: ATTACKER_PASSWORD });
    assert.notEqual(post.status, 303, 'no session for whoever holds the link');
    assert.equal(await passwordHashOf(victim.userId), before, 'the password is untouched');
    assert.equal(await canSignIn('sw@alfa.example', ATTACKER_PASSWORD), false);
    assert.deepEqual(await rolesIn(orgB.id, 'sw@alfa.example'), [], 'no membership in B without the owner accepting');
  });

  it('lets the owner accept after signing in with their own password and second factor', async () => {
    const owner = await createUser(db(), { organisationId: orgA.id, roles: ['social_worker'], email: 'joins@alfa.example', totp: true });
    const { client } = await adminOfB();
    await invite(client, 'joins@alfa.example', 'volunteer');
    const { path } = await sentMail('joins@alfa.example');

    const browser = new TestClient(t.app);
    const landing = await browser.get(`${path}?lang=en`);
    const signInHref = /href="(\/sign-in\?next=[^"]+)"/.exec(landing.body)![1]!.replace(/&amp;/g, '&');
    await browser.get(signInHref);
    const pw = await browser.post('/sign-in', { email: 'joins@alfa.example', password: PASSWORD, next: decodeURIComponent(signInHref.split('next=')[1]!) });
    assert.match(pw.location!, /^\/sign-in\/two-factor\?next=%2Finvitation%2F/);
    await browser.get(pw.location!);
    const second = await browser.post('/sign-in/two-factor', { code: currentTotp(owner.totpSecret!), next: decodeURIComponent(pw.location!.split('next=')[1]!) });
    assert.equal(second.location, path, 'back to the invitation after signing in');
    const offer = await browser.get(`${path}?lang=en`);
    assert.match(offer.body, /Fundacja Beta invites you to join as volunteer/);
    const accepted = await browser.post(`${path}/accept`);
    assert.equal(accepted.status, 303);
    assert.deepEqual(await rolesIn(orgB.id, 'joins@alfa.example'), ['volunteer']);
    assert.deepEqual(await rolesIn(orgA.id, 'joins@alfa.example'), ['social_worker'], 'the other membership is untouched');
    assert.match((await browser.get('/?lang=en')).body, /Fundacja Beta/, 'the session moves to the organisation just joined');
    assert.equal((await browser.get(path!)).status, 404, 'the link works once');
  });

  it('refuses someone signed in with another account', async () => {
    await createUser(db(), { organisationId: orgA.id, roles: ['coordinator'], email: 'target@alfa.example' });
    const { client } = await adminOfB();
    await invite(client, 'target@alfa.example');
    const { path } = await sentMail('target@alfa.example');
    const intruder = await createUser(db(), { organisationId: orgB.id, roles: ['coordinator'] });
    const browser = await browserOf({ t }, intruder);
    const page = await browser.get(`${path}?lang=en`);
    assert.match(page.body, /This invitation is for:<\/p><p class="address" dir="ltr"><bdi>target@alfa\.example<\/bdi>/);
    assert.doesNotMatch(page.body, /\/accept"/);
    assert.equal((await browser.post(`${path}/accept`)).status, 403);
    assert.deepEqual(await rolesIn(orgB.id, 'target@alfa.example'), []);
  });
});

describe('Outgoing mail never shows a live one-time link', () => {
  it('an administrator reads the invitation without its link; the recipient gets it', async () => {
    const { client } = await adminOfB();
    await invite(client, 'fresh@example.org');
    const { mail, path } = await sentMail('fresh@example.org');
    assert.ok(path);
    const list = await client.get('/admin/outbox?lang=en');
    assert.ok(list.body.includes(`/admin/outbox/${mail.id}`), 'the invitation is listed');
    const shown = await client.get(`/admin/outbox/${mail.id}?lang=en`);
    assert.equal(shown.status, 200);
    assert.ok(!shown.body.includes(path!), 'the link is not on the page');
    assert.doesNotMatch(shown.body, /\/invitation\/[A-Za-z0-9_-]{20,}/);
    assert.ok(shown.body.includes(translator('pl')('mail.secretLinkHidden')), 'a note in the mail’s language says a link was there');
  });

  it('the app role cannot read the bodies as sent, only the text for staff', async () => {
    const { client } = await adminOfB();
    await invite(client, 'columns@example.org');
    const read = (column: string) =>
      withTenant(db(), { organisationId: orgB.id, userId: null }, (tx) => tx.execute(sql`select ${sql.identifier(column)} from outbox where to_address = 'columns@example.org'`));
    for (const column of ['text_body', 'html_body']) await assert.rejects(read(column), `${column} is not readable by the app role`);
    const [row] = rowsOf<{ display_text: string }>(await read('display_text'));
    assert.doesNotMatch(row!.display_text, /\/invitation\//);
  });

  it('the app role cannot create accounts, write sign-in tokens, or ask whether an address has an account', async () => {
    const scope = { organisationId: orgB.id, userId: null };
    const someone = await createUser(db(), { organisationId: orgA.id, roles: ['coordinator'] });
    await assert.rejects(withTenant(db(), scope, (tx) => tx.execute(sql`insert into users (id, email, display_name) values (gen_random_uuid(), 'x@example.org', 'X')`)));
    await assert.rejects(
      withTenant(db(), scope, (tx) =>
        tx.execute(sql`insert into email_tokens (token_hash, purpose, user_id, expires_at) values ('abc', 'password_reset', ${someone.userId}, now() + interval '1 day')`),
      ),
    );
    await assert.rejects(withTenant(db(), scope, (tx) => tx.execute(sql`select app_user_id_by_email(${someone.email})`)));
    const visible = rowsOf(await withTenant(db(), scope, (tx) => tx.execute(sql`select id from users where email = ${someone.email}`)));
    assert.equal(visible.length, 0, "another organisation's accounts are invisible");
  });
});

describe('inviting does not reveal whether an address has an account (enumeration)', () => {
  it('answers, lists and mails the same for an existing account and a new address, and gives neither a membership', async () => {
    await createUser(db(), { organisationId: orgA.id, roles: ['coordinator'], email: 'exists@alfa.example' });
    const { client } = await adminOfB();
    const normalise = (s: string, email: string) => s.replaceAll(email, 'EMAIL').replace(/[0-9a-f-]{36}/g, 'ID').replace(/name="_csrf" value="[^"]+"/g, '');
    const outcome = async (email: string) => {
      const res = await invite(client, email);
      const flash = await client.get(`${res.location}?lang=en`);
      const list = await client.get('/admin/users?lang=en');
      const row = new RegExp(`<tr><td[^>]*>[^<]*</td><td class="email-cell" dir="ltr"[^>]*>${email.replaceAll('.', '\\.')}</td>.*?</tr>`).exec(list.body)?.[0] ?? '';
      assert.ok(row, `the team list shows ${email}`);
      const { mail } = await sentMail(email);
      const shown = await client.get(`/admin/outbox/${mail.id}?lang=en`);
      const body = /<pre[^>]*>([\s\S]*?)<\/pre>/.exec(shown.body)?.[1] ?? '';
      return {
        status: res.status,
        flash: normalise(/<div class="flash[^"]*"[^>]*>([^<]*)<\/div>/.exec(flash.body)?.[1] ?? '', email),
        row: normalise(row, email),
        mail: normalise(`${mail.subject}\n${body}`, email),
        roles: await rolesIn(orgB.id, email),
      };
    };
    const existing = await outcome('exists@alfa.example');
    const fresh = await outcome('nobody-yet@example.org');
    assert.deepEqual(existing, fresh);
    assert.equal(existing.status, 303);
    assert.match(existing.flash, /invitation has been sent/);
    assert.deepEqual(existing.roles, []);
  });
});

describe("a coordinator cannot pass an administrator's invitation to an address of their choosing", () => {
  it("re-addressing the person and inviting that address offers only the coordinator's role, and the old link stops working", async () => {
    const { client: admin } = await adminOfB();
    const coordinator = await createUser(db(), { organisationId: orgB.id, roles: ['coordinator'] });
    const coord = await browserOf({ t }, coordinator);
    assert.equal((await invite(admin, 'director@example.org', 'administrator')).status, 303);
    const offered = await sentMail('director@example.org');
    assert.ok(offered.path);
    // The coordinator corrects the invited person's e-mail to one they read, then invites that address as a volunteer.
    const [person] = rowsOf<{ id: string }>(await withSystem(db(), (tx) => tx.execute(sql`select id from people where organisation_id = ${orgB.id} and email = 'director@example.org'`)));
    await coord.get(`/people/${person!.id}/edit`);
    const edited = await coord.post(`/people/${person!.id}/edit`, { givenName: 'Anna', familyName: 'Nowak', email: 'mallory@example.net', phone: '', birthDate: '', locale: 'pl' });
    assert.equal(edited.status, 303);
    assert.equal((await invite(coord, 'mallory@example.net', 'volunteer')).status, 303);
    const redirected = await sentMail('mallory@example.net');
    assert.ok(redirected.path);
    assert.doesNotMatch(redirected.mail.textBody, new RegExp(translator('pl')('role.administrator').replace(/[()]/g, '\\$&')), 'the mail offers no administrator role');
    const mallory = new TestClient(t.app);
    await mallory.get(redirected.path!);
    assert.equal((await mallory.post(redirected.path!, { password: ATTACKER_PASSWORD, confirm: ATTACKER_PASSWORD })).status, 303);
    assert.deepEqual(await rolesIn(orgB.id, 'mallory@example.net'), ['volunteer'], 'the address the coordinator chose gets only what a coordinator may give');
    // The administrator's offer went to another address: its link no longer opens (nobody can accept it for this person).
    const director = new TestClient(t.app);
    assert.equal((await director.get(offered.path!)).status, 404);
    assert.deepEqual(await rolesIn(orgB.id, 'mallory@example.net'), ['volunteer']);
  });
});

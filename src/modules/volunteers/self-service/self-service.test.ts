import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { outbox } from '../../../core/mail/mail.table.js';
import { TestClient } from '../../../core/testing/client.js';
import { pdfText } from '../documents/pdf-text.js';
import { AGREEMENT, CERTIFICATE, auditEntries, createVolunteer, docsWorld, useWorld, documentsOf, download, eventsOf, flashOn, issue, ORG_NAME, signedIn } from '../documents/test-helpers.js';
import { volunteers } from '../volunteers.table.js';

const w = useWorld(docsWorld);
let coordinator: Awaited<ReturnType<typeof signedIn>>;
before(async () => {
  coordinator = await signedIn(w, ['coordinator']);
});

const volunteerRow = async (id: string) => (await withSystem(w.db, (tx) => tx.select().from(volunteers).where(eq(volunteers.id, id))))[0]!;

describe('the volunteer’s own pages', () => {
  it('shows the stage in words and the documents; accepts the agreement keeping its text and the server time', async () => {
    const me = await createVolunteer(w, { account: true, stage: 'approved' });
    const c = me.client!;
    await issue(coordinator.client, me.id, { ...AGREEMENT, locale: 'uk', scope: '<script>alert(1)</script> наставництво' });
    await issue(coordinator.client, me.id, { ...CERTIFICATE, locale: 'pl' });
    const [agreement, certificate] = await documentsOf(w, me.id);
    const page = await c.get('/me/volunteer');
    assert.equal(page.status, 200);
    assert.match(page.body, /<dd>Approved<\/dd>/);
    assert.match(page.body, /Угода про волонтерську діяльність/);
    assert.match(page.body, /Waiting for acceptance/);
    assert.match(page.body, /Read and accept/);

    const docPage = await c.get(`/me/volunteer/documents/${agreement!.id}`);
    assert.equal(docPage.status, 200);
    assert.match(docPage.body, /&lt;script>alert\(1\)&lt;\/script> наставництво/, 'the stored text, escaped');
    assert.doesNotMatch(docPage.body, /<script>alert/);
    assert.match(docPage.body, /I have read and accept the agreement, including the health-and-safety information/);

    const unticked = await c.post(`/me/volunteer/documents/${agreement!.id}/accept`, {});
    assert.equal(unticked.status, 422);
    assert.match(unticked.body, /Tick the box to confirm/);
    assert.equal((await documentsOf(w, me.id))[0]!.acceptedAt, null, 'nothing written');

    const before = Date.now();
    const accepted = await c.post(`/me/volunteer/documents/${agreement!.id}/accept`, { confirm: 'true' });
    assert.equal(accepted.status, 303);
    assert.match(await flashOn(c, accepted.location), /You have accepted the agreement/);
    const [done] = await documentsOf(w, me.id);
    assert.equal(done!.acceptedHow, 'electronic');
    assert.ok(done!.acceptedAt && done!.acceptedAt.getTime() >= before - 5000 && done!.acceptedAt.getTime() <= Date.now() + 5000, 'server time-stamp');
    assert.equal(done!.body, agreement!.body, 'the accepted text is the stored one');
    const event = (await eventsOf(w, me.id)).find((e) => e.detail.action === 'accepted_electronically')!;
    assert.equal(event.kind, 'agreement');
    assert.equal(event.detail.bodySha256, createHash('sha256').update(agreement!.body).digest('hex'));
    assert.equal((await auditEntries(w, w.org.id, 'volunteer_document.accept')).length, 1);

    await c.get(`/me/volunteer/documents/${agreement!.id}`);
    const twice = await c.post(`/me/volunteer/documents/${agreement!.id}/accept`, { confirm: 'true' });
    assert.equal(twice.status, 303);
    assert.match(await flashOn(c, twice.location), /already been accepted/);
    assert.equal((await documentsOf(w, me.id))[0]!.acceptedAt!.getTime(), done!.acceptedAt!.getTime(), 'the first time-stamp stays');

    await c.get(`/me/volunteer/documents/${certificate!.id}`);
    const notAgreement = await c.post(`/me/volunteer/documents/${certificate!.id}/accept`, { confirm: 'true' });
    assert.match(await flashOn(c, notAgreement.location), /Only an agreement/);

    const pdf = await download(w, c, `/me/volunteer/documents/${agreement!.id}.pdf`);
    assert.equal(pdf.status, 200);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    assert.ok(text.includes('Олена Коваленко') && text.includes(ORG_NAME));
    assert.match(text, /Прийнято волонтером в електронній формі/, 'the electronic acceptance is printed');
  });

  it('refuses another volunteer’s or a revoked document (404) and shows only the own record', async () => {
    const me = await createVolunteer(w, { account: true, givenName: 'Anna', familyName: 'Nowak' });
    const someone = await createVolunteer(w, { givenName: 'Ігор', familyName: 'Бойко' });
    await issue(coordinator.client, someone.id, { ...AGREEMENT, locale: 'pl' });
    await issue(coordinator.client, me.id, { ...AGREEMENT, locale: 'pl' });
    const [theirs] = await documentsOf(w, someone.id);
    const [mine] = await documentsOf(w, me.id);
    const c = me.client!;
    const page = await c.get('/me/volunteer');
    assert.doesNotMatch(page.body, /Бойко|Ігор/);
    assert.doesNotMatch(page.body, new RegExp(theirs!.id));
    assert.equal((await c.get(`/me/volunteer/documents/${theirs!.id}`)).status, 404);
    assert.equal((await download(w, c, `/me/volunteer/documents/${theirs!.id}.pdf`)).status, 404);
    await c.get('/me/volunteer');
    assert.equal((await c.post(`/me/volunteer/documents/${theirs!.id}/accept`, { confirm: 'true' })).status, 404);
    assert.equal((await documentsOf(w, someone.id))[0]!.acceptedAt, null);
    await coordinator.client.get('/volunteers/templates');
    await coordinator.client.post(`/volunteers/documents/${mine!.id}/revoke`, { volunteerId: me.id });
    assert.equal((await c.get(`/me/volunteer/documents/${mine!.id}`)).status, 404, 'a revoked document is gone for the volunteer');
    await c.get('/me/volunteer');
    assert.equal((await c.post(`/me/volunteer/documents/${mine!.id}/accept`, { confirm: 'true' })).status, 404);
    assert.equal((await documentsOf(w, me.id))[0]!.acceptedAt, null);
  });

  it('updates the profile: availability grid, languages with levels, hours, district, phone', async () => {
    const me = await createVolunteer(w, { account: true });
    const c = me.client!;
    const page = await c.get('/me/volunteer');
    assert.match(page.body, /<th scope="row" id="av-day-mon">Monday<\/th>/);
    assert.match(page.body, /aria-labelledby="av-day-mon av-part-morning"/);
    assert.match(page.body, /<label for="f-lang_uk">Ukrainian<\/label>/);
    const saved = await c.post('/me/volunteer/profile', {
      phone: '+48 600 100 200',
      district: 'Lipiny',
      hoursPerMonth: '12',
      availability: ['mon-morning', 'sat-evening'],
      lang_uk: 'native',
      lang_pl: 'B1',
      lang_en: '',
    });
    assert.equal(saved.status, 303);
    const row = await volunteerRow(me.id);
    assert.deepEqual(row.availability, ['mon-morning', 'sat-evening']);
    assert.deepEqual(row.languages, [
      { code: 'uk', level: 'native' },
      { code: 'pl', level: 'B1' },
    ]);
    assert.equal(row.hoursPerMonth, 12);
    assert.equal(row.district, 'Lipiny');
    assert.equal(row.version, 2, 'a change is a new version');
    const [phone] = await withSystem(w.db, async (tx) => rowsOf<{ phone: string }>(await tx.execute(sql`select phone from people where id = ${me.personId}`)));
    assert.equal(phone!.phone, '+48 600 100 200');
    const again = await c.get('/me/volunteer');
    assert.match(again.body, /value="sat-evening" checked/);
    assert.match(again.body, /<option value="native" selected>/);
    assert.deepEqual((await auditEntries(w, w.org.id, 'volunteer.update_own')).at(-1)!.fields!.sort(), ['availability', 'district', 'hoursPerMonth', 'languages', 'phone']);
    assert.ok((await eventsOf(w, me.id)).some((e) => e.kind === 'profile'));
  });

  it('takes a phone number and hours typed in Arabic-Indic digits on the profile (stored as ASCII digits)', async () => {
    const me = await createVolunteer(w, { account: true });
    const c = me.client!;
    const page = await c.get('/me/volunteer');
    assert.match(page.body, /name="hoursPerMonth" type="text"[^>]* inputmode="numeric"/, 'not a number field, which empties Arabic-Indic digits');
    const saved = await c.post('/me/volunteer/profile', { phone: '+٤٨ ٦٠٠ ١٠٠ ٢٠٠', district: '', hoursPerMonth: '١٢', availability: [] });
    assert.equal(saved.status, 303, saved.body.slice(0, 300));
    assert.equal((await volunteerRow(me.id)).hoursPerMonth, 12);
    const [phone] = await withSystem(w.db, async (tx) => rowsOf<{ phone: string }>(await tx.execute(sql`select phone from people where id = ${me.personId}`)));
    assert.equal(phone!.phone, '+48 600 100 200');
  });

  it('refuses bad profile input with messages, echoes it escaped, and writes nothing', async () => {
    const me = await createVolunteer(w, { account: true });
    const c = me.client!;
    await c.get('/me/volunteer');
    const before = await volunteerRow(me.id);
    const bad = await c.post('/me/volunteer/profile', { phone: 'call me', district: '<b>x</b>'.repeat(30), hoursPerMonth: '1000', availability: ['mon-night'], lang_uk: 'Z9' });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /Enter a phone number/);
    assert.match(bad.body, /at most 100 characters/);
    assert.match(bad.body, /at most 744/);
    assert.match(bad.body, /href="#f-availability"/);
    assert.match(bad.body, /href="#f-languages"/);
    assert.match(bad.body, /value="&lt;b>x&lt;\/b>/);
    const tampered = await c.post('/me/volunteer/profile', { role: 'coordinator' });
    assert.equal(tampered.status, 422);
    const after = await volunteerRow(me.id);
    assert.equal(after.version, before.version);
    assert.deepEqual(after.availability, before.availability);
  });

  it('a signed-in volunteer without a record sees a notice; staff and strangers cannot use the pages', async () => {
    const lone = await signedIn(w, ['volunteer']);
    const page = await lone.client.get('/me/volunteer');
    assert.equal(page.status, 200);
    assert.match(page.body, /There is no volunteer record for your account/);
    await lone.client.get('/me/volunteer');
    assert.equal((await lone.client.post('/me/volunteer/profile', { hoursPerMonth: '3' })).status, 404);

    const anon = new TestClient(w.t.app);
    assert.equal((await anon.get('/me/volunteer')).location, '/sign-in?next=%2Fme%2Fvolunteer');
    assert.match(String((await anon.get('/me/volunteer/documents/00000000-0000-4000-8000-000000000000')).location), /^\/sign-in/);
    await anon.get('/sign-in');
    assert.equal((await anon.post('/me/volunteer/profile', {})).status, 401);
    assert.equal((await anon.post('/me/volunteer/documents/00000000-0000-4000-8000-000000000000/accept', { confirm: 'true' })).status, 401);
    assert.equal((await coordinator.client.get('/me/volunteer')).status, 403);
    assert.equal((await coordinator.client.post('/me/volunteer/profile', {})).status, 403);

    const elsewhere = await createVolunteer(w, { account: true, organisationId: w.other.id });
    const mine = await createVolunteer(w, { account: true });
    await issue(coordinator.client, mine.id, { ...AGREEMENT, locale: 'pl' });
    const [doc] = await documentsOf(w, mine.id);
    assert.equal((await elsewhere.client!.get(`/me/volunteer/documents/${doc!.id}`)).status, 404, 'another organisation’s volunteer');
  });
});

describe('account invitation of an approved volunteer', () => {
  it('invites with the role volunteer in the volunteer’s language; refuses before approval; 404 for another organisation', async () => {
    const v = await createVolunteer(w, { stage: 'approved', email: 'olena.k@example.org', locale: 'uk' });
    await coordinator.client.get('/volunteers/templates');
    const res = await coordinator.client.post(`/volunteers/${v.id}/invitation`);
    assert.equal(res.status, 303);
    assert.equal(res.location, `/volunteers/${v.id}#documents`);
    const mails = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, 'olena.k@example.org')));
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.locale, 'uk');
    const path = /http:\/\/tandem\.test(\/invitation\/[A-Za-z0-9_-]+)/.exec(mails[0]!.textBody)![1]!;
    const linkOf = async () =>
      (await withSystem(w.db, async (tx) =>
        rowsOf<{ user_id: string | null; roles: string[] }>(await tx.execute(sql`select p.user_id, array(select role from memberships m where m.person_id = p.id) as roles from people p where p.id = ${v.personId}`)),
      ))[0]!;
    assert.deepEqual(await linkOf(), { user_id: null, roles: [] }, 'no account and no role before the volunteer accepts');
    const volunteer = new TestClient(w.t.app);
    await volunteer.get(path);
    assert.equal((await volunteer.post(path, { password: 'довге гасло волонтерки', confirm: 'довге гасло волонтерки' })).status, 303);
    const link = await linkOf();
    assert.ok(link.user_id, 'the volunteer’s person record is linked to the new account, not duplicated');
    assert.deepEqual(link.roles, ['volunteer']);
    assert.ok((await eventsOf(w, v.id)).some((e) => e.kind === 'invitation'));

    const early = await createVolunteer(w, { stage: 'interviewed', email: 'early@example.org' });
    await coordinator.client.get('/volunteers/templates');
    const refused = await coordinator.client.post(`/volunteers/${early.id}/invitation`);
    assert.match(await flashOn(coordinator.client, refused.location), /Only an approved volunteer/);
    const other = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    assert.equal((await other.client.post(`/volunteers/${v.id}/invitation`)).status, 404);
    const none = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, 'early@example.org')));
    assert.equal(none.length, 0);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../../../core/db/tx.js';
import { orgFacts } from '../../../core/tenancy/org-facts.js';
import { organisations } from '../../../core/tenancy/tenancy.table.js';
import { createOrganisation } from '../../../core/testing/fixtures.js';
import { volunteerFacts, findVolunteerById } from '../volunteers.repository.js';
import { safeguardingChecks, volunteerSettings } from '../volunteers.table.js';
import { REMINDER_JOB, screeningJobs } from './safeguarding.service.js';
import { loadScreeningPanel } from './panel-data.js';
import { addDays, addMonths, todayIn } from '../../../core/i18n/time-zone.js';
import { auditEntries, countRows, createVolunteer, flashOn, mailsTo, screeningWorld, useWorld, signedIn } from './test-helpers.js';

const w = useWorld(screeningWorld);

/** Today in Warsaw when asked (not when the file loaded: a batch may load it minutes before midnight). */
const today = () => todayIn();
const checksOf = (volunteerId: string) => withSystem(w.db, (tx) => tx.select().from(safeguardingChecks).where(eq(safeguardingChecks.volunteerId, volunteerId)));
const reminderJobs = (checkId: string) =>
  withSystem(w.db, async (tx) => rowsOf<{ run_at: Date; status: string }>(await tx.execute(sql`select run_at, status from jobs where kind = ${REMINDER_JOB} and unique_key = ${`safeguarding-reminder:${checkId}`}`)));

describe('safeguarding checks', () => {
  it('records the seen date, who saw it and the default renewal (60 months), queues one reminder, and explains each kind', async () => {
    const { client, user } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { worksWithMinors: true });
    const form = await client.get(`/volunteers/${v.id}/safeguarding/new`);
    assert.equal(form.status, 200);
    assert.match(form.body, /Do not upload, copy or photograph the document/);
    assert.match(form.body, /Register of Sex Offenders \(Act of 13 May 2016\)/);
    assert.match(form.body, /value="pl_criminal_record"/);
    assert.doesNotMatch(form.body, /value="de_extended_certificate"/, 'a Polish organisation is offered the Polish checks');
    assert.doesNotMatch(form.body, /type="file"/, 'no upload');

    const seenOn = addDays(today(), -3);
    const res = await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'pl_sex_offenders_register', seenOn, renewBy: '' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, `/volunteers/${v.id}/screening`), /safeguarding check is recorded/);
    const [check] = await checksOf(v.id);
    assert.equal(check!.seenOn, seenOn);
    assert.equal(check!.renewBy, addMonths(seenOn, 60));
    assert.equal(check!.seenByUserId, user.userId, 'the signed-in coordinator, recorded automatically');
    const jobs = await reminderJobs(check!.id);
    assert.equal(jobs.length, 1);
    assert.equal(new Date(jobs[0]!.run_at).toISOString().slice(0, 10), addDays(check!.renewBy, -30));
    assert.equal((await auditEntries(w, w.org.id, 'safeguarding.create')).filter((a) => a.entityId === check!.id).length, 1);

    const facts = await withTenant(w.db, { organisationId: w.org.id, userId: null }, async (tx) => volunteerFacts(tx, w.org.id, (await findVolunteerById(tx, w.org.id, v.id))!, todayIn()));
    // One check is not enough (issue 11): the panel and the rules name exactly what is still missing.
    assert.deepEqual(facts.safeguardingMissing, ['pl_criminal_record', 'lived_abroad_answer']);
    const panel = await client.get(`/volunteers/${v.id}/screening`);
    assert.match(panel.body, /Register of sex offenders/);
    assert.match(panel.body, /Valid</);
    assert.match(panel.body, /2 things are missing before work with minors/);
    assert.ok(panel.body.includes(`<a href="/volunteers/${v.id}/safeguarding/new?kind=pl_criminal_record">Record the criminal-record information (KRK)</a>`));
    assert.ok(panel.body.includes(`<a href="/volunteers/${v.id}/lived-abroad">Record whether the volunteer lived outside Poland in the last 20 years</a>`));
  });

  it('uses the organisation’s renewal period and accepts an explicit renewal date', async () => {
    await withSystem(w.db, (tx) => tx.insert(volunteerSettings).values({ organisationId: w.org.id, safeguardingRenewalMonths: 24, reminderDays: 14 }).onConflictDoUpdate({ target: volunteerSettings.organisationId, set: { safeguardingRenewalMonths: 24, reminderDays: 14 } }));
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w);
    await client.get(`/volunteers/${v.id}/safeguarding/new`);
    await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'pl_criminal_record', seenOn: today() });
    await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'foreign_statement', seenOn: today(), renewBy: addDays(today(), 200) });
    const checks = await checksOf(v.id);
    assert.deepEqual(checks.map((c) => c.renewBy).sort(), [addMonths(today(), 24), addDays(today(), 200)].sort());
    await withSystem(w.db, (tx) => tx.delete(volunteerSettings).where(eq(volunteerSettings.organisationId, w.org.id)));
  });

  it('refuses a future date, a renewal before the seen date, an unknown kind or another country’s kind — field errors, nothing written', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w);
    await client.get(`/volunteers/${v.id}/safeguarding/new`);
    const before = [await countRows(w, 'safeguarding_checks'), await countRows(w, 'jobs'), await countRows(w, 'volunteer_events')];
    const cases: [Record<string, string>, RegExp][] = [
      [{ kind: 'pl_criminal_record', seenOn: addDays(today(), 1) }, /id="f-seenOn-error"[^]*cannot be in the future/],
      [{ kind: 'pl_criminal_record', seenOn: today(), renewBy: today() }, /id="f-renewBy-error"[^]*must be after the date you saw/],
      [{ kind: 'pl_criminal_record', seenOn: today(), renewBy: addDays(today(), -1) }, /id="f-renewBy-error"/],
      [{ kind: 'passport_copy', seenOn: today() }, /id="f-kind-error"/],
      [{ kind: 'de_extended_certificate', seenOn: today() }, /id="f-kind-error"[^]*not the one required in your organisation/],
      [{ kind: 'pl_criminal_record', seenOn: '2024-02-31' }, /id="f-seenOn-error"/],
      [{ kind: 'pl_criminal_record', seenOn: today(), document: 'base64…' }, /error-summary/],
    ];
    for (const [form, expected] of cases) {
      const res = await client.post(`/volunteers/${v.id}/safeguarding`, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(res.body, expected, JSON.stringify(form));
    }
    assert.deepEqual([await countRows(w, 'safeguarding_checks'), await countRows(w, 'jobs'), await countRows(w, 'volunteer_events')], before);
  });

  it('a German organisation records the extended certificate of conduct', async () => {
    const de = await createOrganisation(w.db, 'patenschaft-de', 'Patenschaften Köln', 'de');
    await withSystem(w.db, (tx) => tx.update(organisations).set({ country: 'DE' }).where(eq(organisations.id, de.id)));
    const { client } = await signedIn(w, ['coordinator'], { organisationId: de.id });
    const v = await createVolunteer(w, { organisationId: de.id });
    const form = await client.get(`/volunteers/${v.id}/safeguarding/new`);
    assert.match(form.body, /erweitertes Führungszeugnis, § 72a SGB VIII/);
    assert.doesNotMatch(form.body, /value="pl_sex_offenders_register"/);
    assert.equal((await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'pl_sex_offenders_register', seenOn: today() })).status, 422);
    assert.equal((await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'de_extended_certificate', seenOn: today() })).status, 303);
  });

  it('shows an expired check as expired, and it no longer counts as valid', async () => {
    const { client, user } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { worksWithMinors: true });
    await withTenant(w.db, { organisationId: w.org.id, userId: null }, (tx) =>
      tx.insert(safeguardingChecks).values({ organisationId: w.org.id, volunteerId: v.id, kind: 'pl_sex_offenders_register', seenOn: '2019-01-10', renewBy: today(), seenByUserId: user.userId }),
    );
    const panel = await client.get(`/volunteers/${v.id}/screening`);
    assert.match(panel.body, /<strong>Expired<\/strong>/);
    assert.match(panel.body, /cannot be matched with minors until a valid check is recorded/);
    const facts = await withTenant(w.db, { organisationId: w.org.id, userId: null }, async (tx) => volunteerFacts(tx, w.org.id, (await findVolunteerById(tx, w.org.id, v.id))!, today()));
    assert.deepEqual(facts.safeguardingMissing, ['pl_sex_offenders_register', 'pl_criminal_record', 'lived_abroad_answer']);
  });
});

describe('renewal reminders', () => {
  it('mails the volunteer (their language) and each coordinator (account language) once, even if the job runs twice', async () => {
    const coordinatorPl = await signedIn(w, ['coordinator'], { locale: 'pl', lang: 'en' });
    const { client, user: coordinatorEn } = await signedIn(w, ['coordinator'], { locale: 'en' });
    const { user: manager } = await signedIn(w, ['programme_manager']);
    const v = await createVolunteer(w, { locale: 'uk', worksWithMinors: true });
    await client.get(`/volunteers/${v.id}/safeguarding/new`);
    // Seen almost five years ago: the reminder is due now.
    await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'pl_criminal_record', seenOn: addDays(today(), -30), renewBy: addDays(today(), 10) });
    const [check] = await checksOf(v.id);
    await w.runJobs();
    const toVolunteer = await mailsTo(w, v.email!);
    assert.equal(toVolunteer.length, 1);
    assert.equal(toVolunteer[0]!.locale, 'uk');
    const toCoordinator = await mailsTo(w, coordinatorPl.user.email);
    assert.equal(toCoordinator.length, 1);
    assert.equal(toCoordinator[0]!.locale, 'pl');
    assert.match(toCoordinator[0]!.textBody, new RegExp(`http://tandem\\.test/volunteers/${v.id}`));
    const [english] = await mailsTo(w, coordinatorEn.email);
    assert.match(english!.subject, /Safeguarding check of Оксана .* to renew/);
    assert.equal((await mailsTo(w, manager.email)).length, 0, 'only coordinators are reminded');
    assert.equal((await reminderJobs(check!.id))[0]!.status, 'done');

    // The job runs again (a retry after a crash, a second worker): nothing more is sent.
    const handler = screeningJobs(w.db, { baseUrl: 'http://tandem.test' })[REMINDER_JOB]!;
    await handler({ id: 'again', kind: REMINDER_JOB, payload: { checkId: check!.id }, attempts: 2, max_attempts: 8 });
    await Promise.all([handler({ id: 'x', kind: REMINDER_JOB, payload: { checkId: check!.id }, attempts: 1, max_attempts: 8 }), handler({ id: 'y', kind: REMINDER_JOB, payload: { checkId: check!.id }, attempts: 1, max_attempts: 8 })]);
    assert.equal((await mailsTo(w, v.email!)).length, 1);
    assert.equal((await mailsTo(w, coordinatorPl.user.email)).length, 1);
    assert.equal((await auditEntries(w, w.org.id, 'safeguarding.reminder')).filter((a) => a.entityId === check!.id).length, 1);
  });

  it('sends nothing for a check renewed in the meantime', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w);
    await client.get(`/volunteers/${v.id}/safeguarding/new`);
    await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'pl_sex_offenders_register', seenOn: addDays(today(), -100), renewBy: addDays(today(), 5) });
    await client.post(`/volunteers/${v.id}/safeguarding`, { kind: 'pl_sex_offenders_register', seenOn: today() });
    await w.runJobs();
    assert.equal((await mailsTo(w, v.email!)).length, 0);
  });
});

describe('accident insurance', () => {
  it('records insurer, policy and period; refuses an end before the start and oversized text; escapes HTML', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w);
    assert.equal((await client.get(`/volunteers/${v.id}/insurance/new`)).status, 200);
    const before = await countRows(w, 'insurance_records');
    const cases: [Record<string, string>, string][] = [
      [{ insurer: 'PZU', policyNumber: 'NNW/1', validFrom: '2027-02-01', validTo: '2027-01-31' }, 'f-validTo-error'],
      [{ insurer: '', policyNumber: 'NNW/1', validFrom: '2027-01-01', validTo: '2027-01-31' }, 'f-insurer-error'],
      [{ insurer: 'PZU', policyNumber: 'x'.repeat(101), validFrom: '2027-01-01', validTo: '2027-01-31' }, 'f-policyNumber-error'],
      [{ insurer: 'PZU', policyNumber: 'NNW/1', validFrom: '2027-13-01', validTo: '2027-01-31' }, 'f-validFrom-error'],
    ];
    for (const [form, marker] of cases) {
      const res = await client.post(`/volunteers/${v.id}/insurance`, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(res.body, new RegExp(marker));
    }
    assert.equal(await countRows(w, 'insurance_records'), before);
    const ok = await client.post(`/volunteers/${v.id}/insurance`, { insurer: '<img src=x onerror=alert(1)>Warta', policyNumber: 'NNW/2027/001', validFrom: today(), validTo: today() });
    assert.equal(ok.status, 303);
    assert.equal(await countRows(w, 'insurance_records'), before + 1);
    const panel = await client.get(`/volunteers/${v.id}/screening`);
    assert.match(panel.body, /NNW\/2027\/001/);
    assert.match(panel.body, /in force today/);
    assert.doesNotMatch(panel.body, /<img src=x/);
    assert.equal((await auditEntries(w, w.org.id, 'insurance.create')).length >= 1, true);
  });
});

describe('the screening panel’s today', () => {
  it('is the organisation’s date, not Warsaw’s: a check that expires today there is expired on the day it ends there', async () => {
    // Kiritimati is 13 hours ahead of Warsaw in winter: at 12:00 UTC it is already tomorrow there.
    const org = await createOrganisation(w.db, 'kiritimati', 'Line Islands Volunteers');
    await withSystem(w.db, (tx) => tx.update(organisations).set({ timeZone: 'Pacific/Kiritimati' }).where(eq(organisations.id, org.id)));
    const v = await createVolunteer(w, { organisationId: org.id });
    const at = new Date('2026-12-07T12:00:00Z');
    const panel = await withTenant(w.db, { organisationId: org.id, userId: null }, async (tx) => loadScreeningPanel(tx, await orgFacts(tx, org.id), v.id, at));
    assert.equal(panel.today, '2026-12-08');
    assert.equal(panel.now, at);
  });
});

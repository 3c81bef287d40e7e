import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { sql } from 'drizzle-orm';
/**
 * Moving volunteers through the pipeline over HTTP: every rule of stages.ts (allowed and blocked, with its
 * message next to the field), versions and the concurrency of two coordinators, the timeline and the audit.
 *   node --import tsx --test src/modules/volunteers/pipeline/move.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { catalogues } from '../../../core/i18n/index.js';
import type { TestClient } from '../../../core/testing/client.js';
import { addActivationFacts, addSafeguardingCheck, addSignedAgreement, setLivedAbroad, auditEntries, createVolunteer, eventsOf, signedIn, volunteerState, useWorld, type VolunteerSeed, type World } from './test-helpers.js';

const w = useWorld();
let coordinator: { client: TestClient; user: { userId: string } };
before(async () => {
  coordinator = await signedIn(w, ['coordinator'], { name: 'Kasia Koordynatorka' });
});

const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1];

/** Loads the volunteer page (as a browser would) and posts the move form with the version shown. */
async function move(client: TestClient, id: string, stage: string, reason = '', query = '') {
  const page = await client.get(`/volunteers/${id}${query}`);
  assert.equal(page.status, 200);
  return client.post(`/volunteers/${id}/stage${query}`, { stage, reason, version: versionOn(page.body) ?? '0' });
}

const seed = (s: Partial<VolunteerSeed> = {}) => createVolunteer(w, w.org.id, { givenName: 'Olena', familyName: 'Kowalenko', ...s });

/** A refused move: 422, the message next to `field`, nothing written. */
async function assertRefused(id: string, stage: string, key: string, field: 'stage' | 'reason' | null, reason = '') {
  const before = await volunteerState(w, id);
  const eventsBefore = (await eventsOf(w, id)).length;
  // A terminal stage has no move form (so no version on the page): post as a stale tab or a script would.
  const res = field
    ? await move(coordinator.client, id, stage, reason)
    : (await coordinator.client.get(`/volunteers/${id}`), await coordinator.client.post(`/volunteers/${id}/stage`, { stage, reason, version: String(before.version) }));
  assert.equal(res.status, 422, `${before.stage} → ${stage}`);
  const message = catalogues.en[key]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  if (field) assert.ok(res.body.includes(`id="f-${field}-error"`), `the error sits at the ${field} field`);
  assert.ok(res.body.includes(message), `message ${key}`);
  assert.match(res.body, /class="error-summary"/);
  const after = await volunteerState(w, id);
  assert.equal(after.stage, before.stage);
  assert.equal(after.version, before.version);
  assert.equal((await eventsOf(w, id)).length, eventsBefore);
}

describe('moving one volunteer (POST /volunteers/:id/stage)', () => {
  it('walks the whole pipeline one stage at a time, with a timeline event and an audit row per move', async () => {
    const id = await seed({ givenName: 'Łucja', familyName: 'Żółć', plannedDays: 20 });
    await addActivationFacts(w, w.org.id, id);
    const path = ['contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active'];
    for (const stage of path) {
      const res = await move(coordinator.client, id, stage);
      assert.equal(res.status, 303, stage);
      assert.equal(res.location, `/volunteers/${id}`);
    }
    const state = await volunteerState(w, id);
    assert.equal(state.stage, 'active');
    assert.equal(state.version, 1 + path.length);
    const events = await eventsOf(w, id);
    assert.equal(events.length, path.length);
    assert.ok(events.every((e) => e.kind === 'stage' && e.actorUserId === coordinator.user.userId));
    const audits = (await auditEntries(w, w.org.id, 'volunteer.stage')).filter((a) => a.entityId === id);
    assert.equal(audits.length, path.length);
    assert.deepEqual(audits[0]!.fields, ['stage']);
    const page = await coordinator.client.get(`/volunteers/${id}`);
    assert.match(page.body, /has been moved to “Active”/);
    // Newest first, stage names translated.
    const moved = [...page.body.matchAll(/Moved from “([^”]+)” to “([^”]+)”/g)].map((m) => m[2]);
    assert.deepEqual(moved, ['Active', 'Approved', 'In training', 'Interviewed', 'Interview scheduled', 'Contacted']);
    assert.match(page.body, /Kasia Koordynatorka/);
  });

  it('approving a volunteer with an e-mail invites them to create an account, in the same transaction', async () => {
    const id = await seed({ givenName: 'Олена', familyName: 'Коваленко', email: 'olena.k@example.org', stage: 'training', plannedDays: 20 });
    assert.equal((await move(coordinator.client, id, 'approved')).status, 303);
    const events = await eventsOf(w, id);
    assert.deepEqual(events.map((e) => e.kind).sort(), ['invitation', 'stage']);
    const mails = rowsOf<{ subject: string }>(await withSystem(w.db, (tx) => tx.execute(sql`select subject from outbox where to_address = 'olena.k@example.org'`)));
    assert.equal(mails.length, 1);
    const invited = rowsOf<{ roles: string[]; user_id: string | null }>(
      await withSystem(w.db, (tx) => tx.execute(sql`select i.roles, p.user_id from invitations i join volunteers v on v.person_id = i.person_id join people p on p.id = i.person_id where v.id = ${id}`)),
    );
    assert.deepEqual(invited, [{ roles: ['volunteer'], user_id: null }], 'an invitation for the volunteer’s own record; the account comes when they accept');
  });

  it('allows going back from "interview scheduled" to "contacted", and active ⇄ paused → ended with reasons', async () => {
    const id = await seed({ stage: 'interview_scheduled' });
    assert.equal((await move(coordinator.client, id, 'contacted')).status, 303);
    const active = await seed({ stage: 'active' });
    await addActivationFacts(w, w.org.id, active); // coming back from a pause asks the same as the first activation
    await assertRefused(active, 'paused', 'volunteers.rule.reasonRequired', 'reason');
    assert.equal((await move(coordinator.client, active, 'paused', 'Egzaminy w czerwcu')).status, 303);
    assert.equal((await volunteerState(w, active)).stageReason, 'Egzaminy w czerwcu');
    assert.equal((await move(coordinator.client, active, 'active')).status, 303);
    assert.equal((await volunteerState(w, active)).stageReason, null);
    await assertRefused(active, 'ended', 'volunteers.rule.reasonRequired', 'reason', '   ');
    assert.equal((await move(coordinator.client, active, 'ended', 'Przeprowadzka')).status, 303);
    await assertRefused(active, 'active', 'volunteers.rule.notAllowed', null); // terminal: no form, the message is at the top
  });

  it('refuses moving backwards past the intake, staying at the same stage, and leaving a terminal stage', async () => {
    const id = await seed();
    await assertRefused(id, 'paused', 'volunteers.rule.notAllowed', 'stage');
    const training = await seed({ stage: 'training' });
    await assertRefused(training, 'contacted', 'volunteers.rule.notAllowed', 'stage');
    await assertRefused(id, 'applied', 'volunteers.rule.sameStage', 'stage');
    for (const terminal of ['rejected', 'withdrawn', 'ended'] as const) {
      const done = await seed({ stage: terminal, stageReason: 'x' });
      await assertRefused(done, 'contacted', 'volunteers.rule.notAllowed', null);
      const page = await coordinator.client.get(`/volunteers/${done}`);
      assert.doesNotMatch(page.body, /action="\/volunteers\/[^"]+\/stage"/, 'no move form at a terminal stage');
    }
  });

  it('rejects or withdraws from any stage only with a reason, shown escaped in the timeline', async () => {
    for (const stage of ['applied', 'interviewed', 'approved', 'paused'] as const) {
      const id = await seed({ stage });
      await assertRefused(id, 'rejected', 'volunteers.rule.reasonRequired', 'reason');
      assert.equal((await move(coordinator.client, id, stage === 'paused' ? 'withdrawn' : 'rejected', '<script>alert("x")</script> & <b>nie</b>')).status, 303);
      const page = await coordinator.client.get(`/volunteers/${id}`);
      assert.doesNotMatch(page.body, /<script>alert|<b>nie<\/b>/);
      assert.match(page.body, /Reason: &lt;script>alert\(&quot;x&quot;\)&lt;\/script> &amp; &lt;b>nie&lt;\/b>/);
    }
  });

  it('blocks a minor awaiting the guardian except rejection and withdrawal', async () => {
    const id = await seed({ birthDate: '2012-05-01' });
    await assertRefused(id, 'contacted', 'volunteers.rule.awaitingGuardian', 'stage');
    const list = await coordinator.client.get('/volunteers');
    assert.match(list.body, /Awaiting the guardian’s confirmation/);
    const confirmed = await seed({ birthDate: '2012-05-01', guardianConfirmed: true });
    assert.equal((await move(coordinator.client, confirmed, 'contacted')).status, 303);
    assert.equal((await move(coordinator.client, id, 'withdrawn', 'Rodzic nie potwierdził')).status, 303);
  });

  it('blocks approval of someone working with minors until every check Polish law asks is recorded, naming each with a link', async () => {
    const id = await seed({ stage: 'training', worksWithMinors: true });
    await assertRefused(id, 'approved', 'volunteers.rule.safeguardingRequired', 'stage');
    // The regression of issue 11: the criminal-record information alone used to clear the volunteer.
    await addSafeguardingCheck(w, w.org.id, id, coordinator.user.userId, '2099-01-01', 'pl_criminal_record');
    await setLivedAbroad(w, w.org.id, id, false);
    await assertRefused(id, 'approved', 'volunteers.rule.safeguardingRequired', 'stage');
    const refused = await move(coordinator.client, id, 'approved');
    assert.match(refused.body, /<h2 id="error-summary-title">Not moved to “Approved”<\/h2>/);
    assert.doesNotMatch(refused.body, /There (is|are) \d+ error/, 'the heading says what happened');
    assert.match(refused.body, /One thing is missing:/);
    assert.ok(refused.body.includes(`<a href="/volunteers/${id}/safeguarding/new?kind=pl_sex_offenders_register">Record the register check (Rejestr z dostępem ograniczonym and the State Commission’s register)</a>`));
    assert.doesNotMatch(refused.body, /safeguarding\/new\?kind=pl_criminal_record/, 'only what is missing');
    // The link opens the check form with that kind chosen.
    const form = await coordinator.client.get(`/volunteers/${id}/safeguarding/new?kind=pl_sex_offenders_register`);
    assert.match(form.body, /<option value="pl_sex_offenders_register" selected/);
    // An expired register check does not count either.
    await addSafeguardingCheck(w, w.org.id, id, coordinator.user.userId, '2000-01-02');
    await assertRefused(id, 'approved', 'volunteers.rule.safeguardingRequired', 'stage');
    await addSafeguardingCheck(w, w.org.id, id, coordinator.user.userId);
    assert.equal((await move(coordinator.client, id, 'approved')).status, 303);
  });

  it('for someone who lived abroad also asks the statement of countries and the record of the country of citizenship (or the statement instead)', async () => {
    const id = await seed({ stage: 'training', worksWithMinors: true });
    await addSafeguardingCheck(w, w.org.id, id, coordinator.user.userId, '2099-01-01', 'pl_sex_offenders_register');
    await addSafeguardingCheck(w, w.org.id, id, coordinator.user.userId, '2099-01-01', 'pl_criminal_record');
    const unknown = await move(coordinator.client, id, 'approved');
    assert.equal(unknown.status, 422);
    assert.ok(unknown.body.includes(`<a href="/volunteers/${id}/lived-abroad">Record whether the volunteer lived outside Poland in the last 20 years</a>`));
    // Answered through the form the link opens.
    const answer = await coordinator.client.get(`/volunteers/${id}/lived-abroad`);
    assert.equal(answer.status, 200);
    assert.equal((await coordinator.client.post(`/volunteers/${id}/lived-abroad`, {})).status, 422);
    assert.equal((await coordinator.client.post(`/volunteers/${id}/lived-abroad`, { livedAbroad: 'yes' })).status, 303);
    assert.equal((await volunteerState(w, id)).livedAbroad, true);
    const abroad = await move(coordinator.client, id, 'approved');
    assert.equal(abroad.status, 422);
    assert.match(abroad.body, /2 things are missing:/);
    assert.ok(abroad.body.includes(`safeguarding/new?kind=foreign_statement">Record the statement of the countries`));
    assert.ok(abroad.body.includes(`safeguarding/new?kind=foreign_criminal_record">Record the criminal record of the country of citizenship (or the statement allowed instead)`));
    await addSafeguardingCheck(w, w.org.id, id, coordinator.user.userId, '2099-01-01', 'foreign_statement');
    await addSafeguardingCheck(w, w.org.id, id, coordinator.user.userId, '2099-01-01', 'foreign_record_statement');
    assert.equal((await move(coordinator.client, id, 'approved')).status, 303);
  });

  it('blocks activation until safeguarding, insurance for short service, health and safety and travel costs are recorded', async () => {
    const approved = await seed({ stage: 'approved', worksWithMinors: true, plannedDays: 10 });
    const res = await move(coordinator.client, approved, 'active');
    assert.equal(res.status, 422);
    assert.match(res.body, /Not moved to “Active”/);
    assert.match(res.body, /6 things are missing:/);
    for (const href of ['safeguarding/new?kind=pl_sex_offenders_register', 'safeguarding/new?kind=pl_criminal_record', 'lived-abroad', 'insurance/new', 'legal']) {
      assert.ok(res.body.includes(`href="/volunteers/${approved}/${href}"`), href);
    }
    await addActivationFacts(w, w.org.id, approved, { insurance: false });
    const noInsurance = await seed({ stage: 'approved', plannedDays: 30 });
    await addActivationFacts(w, w.org.id, noInsurance, { insurance: false });
    await assertRefused(noInsurance, 'active', 'volunteers.rule.insuranceRequired', 'stage');
    // Recorded through the form: health and safety with its date, travel costs waived in writing.
    const fresh = await seed({ stage: 'approved', plannedDays: 30 });
    await addActivationFacts(w, w.org.id, fresh);
    await withSystem(w.db, (tx) => tx.execute(sql`update volunteers set health_safety_on = null, travel_costs = null, travel_costs_on = null where id = ${fresh}`));
    await assertRefused(fresh, 'active', 'volunteers.rule.legalRequired', 'stage');
    assert.equal((await coordinator.client.get(`/volunteers/${fresh}/legal`)).status, 200);
    const bad = await coordinator.client.post(`/volunteers/${fresh}/legal`, { travelCosts: 'waived' });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /id="f-travelCostsOn-error"/);
    assert.equal((await coordinator.client.post(`/volunteers/${fresh}/legal`, { healthSafetyOn: '2026-01-10', travelCosts: 'waived', travelCostsOn: '2026-01-10' })).status, 303);
    const state = await volunteerState(w, fresh);
    assert.deepEqual([state.healthSafetyOn, state.travelCosts, state.travelCostsOn], ['2026-01-10', 'waived', '2026-01-10']);
    const page = await coordinator.client.get(`/volunteers/${fresh}`);
    assert.match(page.body, /Waived in writing on/);
    assert.equal((await move(coordinator.client, fresh, 'active')).status, 303);
  });

  it('blocks activation for over 30 days (or open-ended) without an agreement in written form', async () => {
    const long = await seed({ stage: 'approved', plannedDays: 90 });
    await addActivationFacts(w, w.org.id, long, { insurance: false });
    await assertRefused(long, 'active', 'volunteers.rule.agreementRequired', 'stage');
    const open = await seed({ stage: 'approved', plannedDays: null });
    await addActivationFacts(w, w.org.id, open, { insurance: false });
    await assertRefused(open, 'active', 'volunteers.rule.agreementRequired', 'stage');
    // A click in Tandem is documentary form, not written form.
    await addSignedAgreement(w, w.org.id, open, 'electronic');
    const clicked = await move(coordinator.client, open, 'active');
    assert.equal(clicked.status, 422);
    assert.match(clicked.body, /The agreement was only accepted in Tandem/);
    await addSignedAgreement(w, w.org.id, open, 'qualified');
    assert.equal((await move(coordinator.client, open, 'active')).status, 303);
    await addSignedAgreement(w, w.org.id, long);
    assert.equal((await move(coordinator.client, long, 'active')).status, 303);
    const short = await seed({ stage: 'approved', plannedDays: 30 });
    await addActivationFacts(w, w.org.id, short);
    assert.equal((await move(coordinator.client, short, 'active')).status, 303);
  });

  it('takes an applicant through several stages in one step when every condition holds, with an event per stage', async () => {
    const id = await seed({ plannedDays: 20 });
    await addActivationFacts(w, w.org.id, id);
    const page = await coordinator.client.get(`/volunteers/${id}`);
    assert.match(page.body, /<option value="approved">Approved \(through the stages before it\)<\/option>/);
    assert.equal((await move(coordinator.client, id, 'active')).status, 303);
    const state = await volunteerState(w, id);
    assert.equal(state.stage, 'active');
    assert.equal(state.version, 7);
    const events = (await eventsOf(w, id)).filter((e) => e.kind === 'stage');
    assert.deepEqual(events.map((e) => `${e.fromStage}→${e.toStage}`).sort(), ['applied→contacted', 'approved→active', 'contacted→interview_scheduled', 'interview_scheduled→interviewed', 'interviewed→training', 'training→approved'].sort());

    // Working with minors without checks: refused at approval, nothing moves, and everything missing on the way is named.
    const minors = await seed({ worksWithMinors: true, plannedDays: 20 });
    const res = await move(coordinator.client, minors, 'active');
    assert.equal(res.status, 422);
    assert.match(res.body, /Not moved to “Active”/);
    assert.match(res.body, /The way stops at “Approved”/);
    assert.ok(res.body.includes(`href="/volunteers/${minors}/insurance/new"`));
    const after = await volunteerState(w, minors);
    assert.equal(after.stage, 'applied');
    assert.equal(after.version, 1);
    assert.equal((await eventsOf(w, minors)).length, 0);
  });

  it('in Polish: a blocked move is refused with the message at the field (Polish text where the catalogue has it)', async () => {
    const pl = await signedIn(w, ['coordinator'], { locale: 'pl' });
    const id = await seed({ stage: 'approved', plannedDays: 60 });
    const res = await move(pl.client, id, 'active', '', '?lang=pl');
    assert.equal(res.status, 422);
    assert.match(res.body, /<html lang="pl"/);
    assert.match(res.body, /id="f-stage-error"/);
    const polish = catalogues.pl['volunteers.rule.agreementRequired'];
    if (polish) assert.ok(res.body.includes(polish.replace(/&/g, '&amp;').replace(/</g, '&lt;')));
    assert.match(res.body, /Nie przeniesiono do etapu „Aktywny/);
    assert.ok(res.body.includes('Odnotuj porozumienie zawarte na piśmie'));
    const skip = await move(pl.client, await seed(), 'paused', '', '?lang=pl');
    assert.equal(skip.status, 422);
    assert.match(skip.body, /id="f-stage-error"/);
  });

  it('refuses unknown stages, oversized reasons and a tampered version, writing nothing', async () => {
    const id = await seed();
    const page = await coordinator.client.get(`/volunteers/${id}`);
    const version = versionOn(page.body)!;
    for (const form of <Record<string, string>[]>[
      { stage: 'hired', version },
      { stage: 'contacted', version, reason: 'x'.repeat(501) },
      { stage: 'contacted', version: 'abc' },
      { stage: 'contacted' },
      { stage: 'contacted', version, extra: 'field' },
    ]) {
      const res = await coordinator.client.post(`/volunteers/${id}/stage`, form);
      assert.equal(res.status, 422, JSON.stringify(form).slice(0, 80));
      assert.match(res.body, /class="error-summary"/);
    }
    const tampered = await coordinator.client.post(`/volunteers/${id}/stage`, { stage: 'contacted', version: '-1' });
    assert.match(tampered.body, /The form was changed outside Tandem/);
    const state = await volunteerState(w, id);
    assert.equal(state.stage, 'applied');
    assert.equal(state.version, 1);
    assert.equal((await eventsOf(w, id)).length, 0);
  });

  it('tells the coordinator whose version is stale that someone else changed the volunteer, and shows the current state', async () => {
    const id = await seed();
    const page = await coordinator.client.get(`/volunteers/${id}`);
    const stale = versionOn(page.body)!;
    const other = await signedIn(w, ['administrator']);
    assert.equal((await move(other.client, id, 'contacted')).status, 303);
    const res = await coordinator.client.post(`/volunteers/${id}/stage`, { stage: 'rejected', reason: 'Brak kontaktu', version: stale });
    assert.equal(res.status, 409);
    assert.match(res.body, /Someone else changed this volunteer meanwhile; here is the current state/);
    assert.match(res.body, /<dd>Contacted<\/dd>/);
    assert.equal(versionOn(res.body), '2', 'the page carries the current version');
    const state = await volunteerState(w, id);
    assert.equal(state.stage, 'contacted');
    assert.equal(state.version, 2);
  });
});

describe('two coordinators moving the same volunteer at once', () => {
  it('lets exactly one win; the other is told and nothing is lost or doubled', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await seed({ givenName: `Runda${round}` });
      const a = await signedIn(w, ['coordinator']);
      const b = await signedIn(w, ['coordinator']);
      const [pa, pb] = [await a.client.get(`/volunteers/${id}`), await b.client.get(`/volunteers/${id}`)];
      const [ra, rb] = await Promise.all([
        a.client.post(`/volunteers/${id}/stage`, { stage: 'contacted', version: versionOn(pa.body)! }),
        b.client.post(`/volunteers/${id}/stage`, { stage: 'rejected', reason: 'Nie pasuje', version: versionOn(pb.body)! }),
      ]);
      const statuses = [ra.status, rb.status].sort();
      assert.deepEqual(statuses, [303, 409], `round ${round}`);
      const loser = ra.status === 409 ? ra : rb;
      assert.match(loser.body, /Someone else changed this volunteer meanwhile/);
      const state = await volunteerState(w, id);
      assert.equal(state.version, 2);
      assert.equal(state.stage, ra.status === 303 ? 'contacted' : 'rejected');
      assert.equal((await eventsOf(w, id)).length, 1);
      assert.equal((await auditEntries(w, w.org.id, 'volunteer.stage')).filter((e) => e.entityId === id).length, 1);
    }
  });
});

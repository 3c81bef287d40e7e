/**
 * Batch matching through the pages: the optimum, proposals, review (accept, reject, exclusion, stale), accept-all,
 * concurrency, the overview.
 *   npx tsx scripts/test.ts --only=unit src/modules/matching/batch/batch.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { loadContexts } from '../context.js';
import { matchExclusions, matchProposals, matchRunUnmatched, matchRuns } from '../matching.table.js';
import { orgClock } from '../../../core/tenancy/org-clock.js';
import { loadMentees, loadVolunteers } from '../profiles.repository.js';
import { bestAssignment } from './brute-force.js';
import { addSafeguardingCheck, auditEntries, countRows, createMentee, createVolunteer, freshOrganisation, matchesOf, menteeRow, signedIn, textOf, useWorld } from '../test-helpers.js';

const w = useWorld();

const runsOf = (organisationId: string) => withSystem(w.db, (tx) => tx.select().from(matchRuns).where(eq(matchRuns.organisationId, organisationId)));
const proposalsOf = (runId: string) => withSystem(w.db, (tx) => tx.select().from(matchProposals).where(eq(matchProposals.runId, runId)));

/** Runs batch matching through the page and returns the new run's id. */
async function runThroughPage(client: Awaited<ReturnType<typeof signedIn>>['client'], programmeId = 'all'): Promise<string> {
  await client.get('/matching/batch');
  const res = await client.post('/matching/batch', { programmeId });
  assert.equal(res.status, 303, textOf(res.body).slice(0, 300));
  return res.location!.split('/').pop()!;
}

/** The best (most matched, then highest total) over every assignment of the organisation's waiting list: brute force. */
async function bruteForce(organisationId: string): Promise<{ matched: number; total: number }> {
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const clock = await orgClock(tx, organisationId);
    const mentees = await loadMentees(tx, organisationId, clock);
    const volunteers = await loadVolunteers(tx, organisationId, clock);
    const contextFor = await loadContexts(tx, organisationId, mentees.map((m) => m.programmeId));
    return bestAssignment(mentees, volunteers, contextFor);
  });
}

describe('batch matching', () => {
  it('proposes the optimal assignment (checked by brute force), stores the run and its proposals, and shows them for review', async () => {
    const org = await freshOrganisation(w);
    const { client, user } = await signedIn(w, ['social_worker'], { organisationId: org.id, name: 'Sonia Socjalna' });
    const slots = ['mon-morning', 'tue-morning', 'wed-morning'];
    const xenia = await createVolunteer(w, org.id, { givenName: 'Xenia', familyName: 'Najlepsza', capacity: 1, languages: [{ code: 'uk', level: 'native' }], availability: slots, activities: ['leisure'] });
    const yvonne = await createVolunteer(w, org.id, { givenName: 'Yvonne', familyName: 'Podwójna', capacity: 2, languages: [{ code: 'uk', level: 'B2' }], availability: ['mon-morning'], activities: ['leisure'] });
    const zbigniew = await createVolunteer(w, org.id, { givenName: 'Zbigniew', familyName: 'Sprawdzony', gender: 'male', capacity: 1, activities: ['school_help', 'leisure'] });
    await addSafeguardingCheck(w, org.id, zbigniew, user.userId);
    await createMentee(w, org.id, { givenName: 'Ala', familyName: 'Pierwsza', needs: ['leisure'], languages: [{ code: 'uk', level: 'native' }], availability: slots, daysWaiting: 30 });
    const bogdan = await createMentee(w, org.id, { givenName: 'Bogdan', familyName: 'Drugi', gender: 'male', needs: ['leisure'], languages: [{ code: 'uk', level: 'B1' }], availability: slots });
    await createMentee(w, org.id, { givenName: 'Cyryl', familyName: 'Młody', gender: 'male', minor: true, needs: ['school_help'] });
    await createMentee(w, org.id, { givenName: 'Dana', familyName: 'Czwarta', needs: ['leisure'], preferredVolunteerGender: 'female' });
    await createMentee(w, org.id, { givenName: 'Ewa', familyName: 'Zamknięta', status: 'on_hold', needs: ['leisure'] });
    // Bogdan may not be paired with Yvonne: he fits Xenia and Zbigniew only. A greedy choice (Ala–Xenia, the best pair)
    // would leave one person without a volunteer; the optimum matches all four.
    await withTenant(w.db, { organisationId: org.id, userId: user.userId }, (tx) => tx.insert(matchExclusions).values({ organisationId: org.id, menteeId: bogdan, volunteerId: yvonne, reason: 'Sąsiedzi', createdByUserId: user.userId }));

    const expected = await bruteForce(org.id);
    assert.equal(expected.matched, 4);
    const runId = await runThroughPage(client);
    const [run] = await runsOf(org.id);
    assert.equal(run!.id, runId);
    assert.equal(run!.mentees, 4, 'only the waiting list');
    assert.equal(run!.volunteers, 3);
    assert.equal(run!.matched, expected.matched);
    assert.ok(Math.abs(run!.total - expected.total) < 1e-6, `${run!.total} vs ${expected.total}`);
    assert.equal(run!.status, 'open');
    assert.equal(run!.createdByUserId, user.userId);
    assert.ok(run!.candidatePairs >= 4 && run!.milliseconds >= 0);
    const proposals = await proposalsOf(runId);
    assert.equal(proposals.length, 4);
    assert.ok(Math.abs(proposals.reduce((s, p) => s + p.score, 0) - expected.total) < 1e-6);
    const byMentee = new Map(proposals.map((p) => [p.menteeId, p.volunteerId]));
    assert.equal(byMentee.get(bogdan), xenia);
    assert.ok(proposals.every((p) => p.status === 'proposed' && p.components.length === 6));
    const perVolunteer = new Map<string, number>();
    for (const p of proposals) perVolunteer.set(p.volunteerId, (perVolunteer.get(p.volunteerId) ?? 0) + 1);
    assert.deepEqual([perVolunteer.get(xenia), perVolunteer.get(yvonne), perVolunteer.get(zbigniew)], [1, 2, 1], 'capacities respected');
    assert.equal(await countRows(w, 'matches', org.id), 0, 'nothing is matched before a social worker decides');

    const page = await client.get(`/matching/batch/${runId}`);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Batch matching is done: review the proposed pairs below\./);
    assert.match(text, /Bogdan Drugi and Xenia Najlepsza/);
    assert.match(text, /both speak Ukrainian/);
    assert.match(text, /4 pairs proposed for 4 people waiting\. Everyone on the list has a proposal\./);
    assert.match(text, /Run by Sonia Socjalna/);
    // Accepting everything at once is a secondary link to a confirmation, after the pairs; the engine's figures sit
    // in a section of their own at the end.
    assert.match(page.body, new RegExp(`<a class="button button-secondary" href="/matching/batch/${runId}/accept-all">Accept all 4 remaining pairs…</a>`));
    assert.ok(text.indexOf('Proposed pairs') < text.indexOf('Accept all 4 remaining pairs'));
    assert.match(page.body, /<details class="more"><summary>How this proposal was computed<\/summary>/);
    assert.ok(text.indexOf('allowed pairs considered') > text.indexOf('How this proposal was computed'));
    assert.ok(text.indexOf('total score') > text.indexOf('How this proposal was computed'));
    const confirm = await client.get(`/matching/batch/${runId}/accept-all`);
    assert.equal(confirm.status, 200);
    const confirmText = textOf(confirm.body);
    assert.match(confirmText, /Accept all 4 remaining pairs\?/);
    assert.match(confirmText, /Bogdan Drugi and Xenia Najlepsza/);
    assert.match(confirmText, /Yes, accept all 4 pairs/);
    assert.match(confirmText, /No, go back and decide pair by pair/);
    assert.equal(await countRows(w, 'matches', org.id), 0, 'the confirmation page decides nothing');
    assert.equal((page.body.match(/\/accept" /g) ?? []).length + (page.body.match(/\/accept">/g) ?? []).length, 4);
    assert.ok((await auditEntries(w, org.id, 'match_run.create')).some((a) => a.entityId === runId));
    assert.ok((await auditEntries(w, org.id, 'match_run.view')).some((a) => a.entityId === runId));
    const home = textOf((await client.get('/matching/batch')).body);
    assert.match(home, /4 pairs to decide/);
  });

  it('says who stays unmatched and why: places proposed to others, or no volunteer fitting and the rules that left each out', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['coordinator'], { organisationId: org.id });
    await createVolunteer(w, org.id, { givenName: 'Vera', familyName: 'Jedyna', capacity: 1, activities: ['leisure'] });
    await createVolunteer(w, org.id, { givenName: 'Zenon', familyName: 'Bezsprawdzenia', gender: 'male', capacity: 1, activities: ['leisure'] });
    const maja = await createMentee(w, org.id, { givenName: 'Maja', familyName: 'Pierwsza', needs: ['leisure'], preferredVolunteerGender: 'female', daysWaiting: 40 });
    const nina = await createMentee(w, org.id, { givenName: 'Nina', familyName: 'Druga', needs: ['leisure'], preferredVolunteerGender: 'female', daysWaiting: 20 });
    const olek = await createMentee(w, org.id, { givenName: 'Olek', familyName: 'Mały', gender: 'male', minor: true, needs: ['leisure'], daysWaiting: 5 });
    const runId = await runThroughPage(client);
    const proposals = await proposalsOf(runId);
    assert.equal(proposals.length, 1);
    const proposed = proposals[0]!.menteeId;
    assert.ok(proposed === maja || proposed === nina);
    const [left] = await withSystem(w.db, (tx) => tx.select().from(matchRunUnmatched).where(and(eq(matchRunUnmatched.runId, runId), eq(matchRunUnmatched.menteeId, proposed === maja ? nina : maja))));
    assert.equal(left!.eligible, 1);
    const [minor] = await withSystem(w.db, (tx) => tx.select().from(matchRunUnmatched).where(and(eq(matchRunUnmatched.runId, runId), eq(matchRunUnmatched.menteeId, olek))));
    assert.equal(minor!.eligible, 0);
    assert.deepEqual(minor!.leftOut, { count: 2, byKey: { safeguarding_required: 2 } });

    const page = await client.get(`/matching/batch/${runId}`);
    const text = textOf(page.body);
    assert.match(text, /1 pair proposed for 3 people waiting\. 2 people stay unmatched: why is explained below\./);
    assert.ok(text.indexOf('Proposed pairs') < text.indexOf('Staying unmatched'));
    const other = proposed === maja ? 'Nina Druga' : 'Maja Pierwsza';
    assert.match(text, new RegExp(`${other} 1 volunteer with a free place would fit, but that place is proposed to someone else, so that more people get a volunteer\\.`));
    assert.match(text, /Olek Mały No volunteer fits\. 2 volunteers left out: 2 because a safeguarding check is missing\./);
    assert.match(page.body, new RegExp(`href="/matching/mentees/${olek}">Look for a volunteer for Olek Mały</a>`));
    assert.doesNotMatch(page.body, /accept-all/, 'one pair: its own button is enough');

    // In Polish, with Polish plurals.
    const pl = textOf((await client.get(`/matching/batch/${runId}?lang=pl`)).body);
    assert.match(pl, /Zaproponowano 1 parę — na liście czekają 3 osoby\. 2 osoby zostają bez pary — powody poniżej\./);
    await client.get('/matching?lang=en');

    // Accepting the one pair closes the run; the confirmation page has nothing left to confirm.
    await client.post(`/matching/batch/${runId}/proposals/${proposals[0]!.id}/accept`);
    const gone = await client.get(`/matching/batch/${runId}/accept-all`);
    assert.equal(gone.status, 303);
    assert.match(textOf((await client.get(gone.location!)).body), /No pair of this run is waiting for a decision any more\./);
  });

  it('a run from before the reasons were recorded says how many stayed unmatched', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['coordinator'], { organisationId: org.id });
    await createMentee(w, org.id, { givenName: 'Stary', familyName: 'Przebieg', needs: ['leisure'] });
    const runId = await runThroughPage(client);
    await withSystem(w.db, (tx) => tx.delete(matchRunUnmatched).where(eq(matchRunUnmatched.runId, runId)));
    const text = textOf((await client.get(`/matching/batch/${runId}`)).body);
    assert.match(text, /No pair proposed for 1 person waiting\. 1 person stays unmatched/);
    assert.match(text, /1 person stayed unmatched; this run was made before Tandem recorded why\./);
  });

  it('accepting makes the match; rejecting with “never again” rules the pair out; the run closes when all is decided', async () => {
    const org = await freshOrganisation(w);
    const { client, user } = await signedIn(w, ['coordinator'], { organisationId: org.id, name: 'Kamil Koordynator' });
    const v1 = await createVolunteer(w, org.id, { givenName: 'Anna', familyName: 'Akceptowana', activities: ['leisure'] });
    const v2 = await createVolunteer(w, org.id, { givenName: 'Beata', familyName: 'Odrzucona', activities: ['leisure'] });
    const m1 = await createMentee(w, org.id, { givenName: 'Fatima', familyName: 'Pierwsza', needs: ['leisure'], preferredVolunteerGender: 'female' });
    const m2 = await createMentee(w, org.id, { givenName: 'Galyna', familyName: 'Druga', needs: ['leisure'] });
    const runId = await runThroughPage(client);
    const proposals = await proposalsOf(runId);
    assert.equal(proposals.length, 2);
    const p1 = proposals.find((p) => p.menteeId === m1)!;
    const p2 = proposals.find((p) => p.menteeId === m2)!;

    const accepted = await client.post(`/matching/batch/${runId}/proposals/${p1.id}/accept`);
    assert.equal(accepted.status, 303);
    const [match] = await matchesOf(w, { menteeId: m1 });
    assert.ok(match);
    assert.equal(match.origin, 'batch');
    assert.equal(match.proposalId, p1.id);
    assert.equal(match.volunteerId, p1.volunteerId);
    assert.equal((await menteeRow(w, m1)).status, 'matched');
    const [after1] = (await proposalsOf(runId)).filter((p) => p.id === p1.id);
    assert.equal(after1!.status, 'accepted');
    assert.equal(after1!.matchId, match.id);
    assert.equal(after1!.decidedByUserId, user.userId);
    // Accepting it again is harmless: someone already decided it.
    const twice = await client.post(`/matching/batch/${runId}/proposals/${p1.id}/accept`);
    assert.equal(twice.status, 303);
    assert.match(textOf((await client.get(`/matching/batch/${runId}`)).body), /Someone else decided this pair in the meantime/);
    assert.equal((await matchesOf(w, { menteeId: m1 })).length, 1);

    // "Never again" needs a reason: refused at the field, nothing written.
    const bad = await client.post(`/matching/batch/${runId}/proposals/${p2.id}/reject`, { reason: '', exclude: 'true' });
    assert.equal(bad.status, 422);
    assert.match(textOf(bad.body), /Give a reason when the pair is never to be proposed again\./);
    assert.equal((await proposalsOf(runId)).find((p) => p.id === p2.id)!.status, 'proposed');
    assert.equal(await countRows(w, 'match_exclusions', org.id), 0);

    const rejected = await client.post(`/matching/batch/${runId}/proposals/${p2.id}/reject`, { reason: 'Mieszkają zbyt daleko', exclude: 'true' });
    assert.equal(rejected.status, 303);
    const p2after = (await proposalsOf(runId)).find((p) => p.id === p2.id)!;
    assert.equal(p2after.status, 'rejected');
    assert.equal(p2after.reason, 'Mieszkają zbyt daleko');
    const exclusions = await withSystem(w.db, (tx) => tx.select().from(matchExclusions).where(and(eq(matchExclusions.menteeId, m2), eq(matchExclusions.volunteerId, p2.volunteerId))));
    assert.equal(exclusions.length, 1);
    assert.equal(exclusions[0]!.reason, 'Mieszkają zbyt daleko');
    const [run] = await runsOf(org.id);
    assert.equal(run!.status, 'closed');
    const text = textOf((await client.get(`/matching/batch/${runId}`)).body);
    assert.match(text, /Accepted by Kamil Koordynator on/);
    assert.match(text, /Rejected by Kamil Koordynator on .* Reason: Mieszkają zbyt daleko/);
    assert.match(text, /Every proposal has been decided; this run is closed\./);
    assert.ok((await auditEntries(w, org.id, 'match_proposal.accept')).length === 1);
    assert.ok((await auditEntries(w, org.id, 'match_proposal.reject')).length === 1);
    // The excluded pair is never proposed again.
    const again = await runThroughPage(client);
    assert.ok(!(await proposalsOf(again)).some((p) => p.menteeId === m2 && p.volunteerId === p2.volunteerId));
    assert.ok(v1 && v2);
  });

  it('a proposal that cannot be accepted any more turns stale with the reason; accept-all accepts the rest', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['social_worker'], { organisationId: org.id });
    const anna = await createVolunteer(w, org.id, { givenName: 'Anna', familyName: 'Nowak', capacity: 1, activities: ['leisure'] });
    const m1 = await createMentee(w, org.id, { givenName: 'Halyna', familyName: 'Pierwsza', needs: ['leisure', 'school_help'] });
    const first = await runThroughPage(client);
    // A second waiting person and a second run: Anna's one place is proposed twice, to different people.
    const m2 = await createMentee(w, org.id, { givenName: 'Iryna', familyName: 'Druga', needs: ['leisure'], daysWaiting: 90 });
    const olga = await createVolunteer(w, org.id, { givenName: 'Olga', familyName: 'Inna', capacity: 1, activities: ['school_help'] });
    const second = await runThroughPage(client);
    const p1 = (await proposalsOf(first)).find((p) => p.menteeId === m1)!;
    const competing = (await proposalsOf(second)).find((p) => p.volunteerId === anna)!;
    assert.ok(competing, 'the second run proposes Anna again');
    assert.notEqual(competing.menteeId, m1);

    assert.equal((await client.post(`/matching/batch/${first}/proposals/${p1.id}/accept`)).status, 303);
    const stale = await client.post(`/matching/batch/${second}/proposals/${competing.id}/accept`);
    assert.equal(stale.status, 409);
    assert.match(textOf(stale.body), /This match cannot be made Anna Nowak has no free place any more \(1 of 1 taken\)\./);
    const after = (await proposalsOf(second)).find((p) => p.id === competing.id)!;
    assert.equal(after.status, 'stale');
    assert.match(textOf((await client.get(`/matching/batch/${second}`)).body), /Could not be accepted any more .* Anna Nowak has no free place any more \(1 of 1 taken\)\./);
    assert.equal((await matchesOf(w, { volunteerId: anna })).length, 1);

    // Olga–Halyna is still possible: Halyna's school help is not served yet.
    const rest = await client.post(`/matching/batch/${second}/accept-all`);
    assert.equal(rest.status, 303);
    assert.match(textOf((await client.get(`/matching/batch/${second}`)).body), /1 pair accepted; every one was still possible\./);
    const decided = await proposalsOf(second);
    assert.deepEqual(decided.map((p) => p.status).sort(), ['accepted', 'stale']);
    const [olgaMatch] = await matchesOf(w, { volunteerId: olga });
    assert.deepEqual(olgaMatch!.needs, ['school_help']);
    assert.equal((await runsOf(org.id)).find((r) => r.id === second)!.status, 'closed');
    assert.ok(m2);
  });

  it('two people accepting proposals of the same volunteer with one free place at the same moment: one match, the other told', async () => {
    const org = await freshOrganisation(w);
    const a = await signedIn(w, ['social_worker'], { organisationId: org.id });
    const b = await signedIn(w, ['social_worker'], { organisationId: org.id });
    const v = await createVolunteer(w, org.id, { givenName: 'Jedyna', familyName: 'Wolna', capacity: 1, activities: ['leisure'] });
    await createMentee(w, org.id, { givenName: 'Kateryna', familyName: 'Pierwsza', needs: ['leisure'] });
    const runA = await runThroughPage(a.client);
    await createMentee(w, org.id, { givenName: 'Larysa', familyName: 'Druga', needs: ['leisure'], daysWaiting: 200 });
    const runB = await runThroughPage(b.client);
    const pa = (await proposalsOf(runA))[0]!;
    const pb = (await proposalsOf(runB)).find((p) => p.volunteerId === v)!;
    assert.notEqual(pa.menteeId, pb.menteeId);
    await a.client.get(`/matching/batch/${runA}`);
    await b.client.get(`/matching/batch/${runB}`);
    const results = await Promise.all([a.client.post(`/matching/batch/${runA}/proposals/${pa.id}/accept`), b.client.post(`/matching/batch/${runB}/proposals/${pb.id}/accept`)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
    assert.equal((await matchesOf(w, { volunteerId: v })).length, 1);
    const loser = results.find((r) => r.status === 409)!;
    assert.match(textOf(loser.body), /Jedyna Wolna has no free place any more \(1 of 1 taken\)\./);
    const statuses = [(await proposalsOf(runA))[0]!.status, (await proposalsOf(runB)).find((p) => p.id === pb.id)!.status].sort();
    assert.deepEqual(statuses, ['accepted', 'stale'], 'nothing lost: one accepted, the other marked stale');
  });

  it('nobody waiting is refused on the form; other roles 403; another organisation’s run 404', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['coordinator'], { organisationId: org.id });
    await client.get('/matching/batch');
    const res = await client.post('/matching/batch', { programmeId: 'all' });
    assert.equal(res.status, 422);
    assert.match(textOf(res.body), /Nobody is waiting on this list, so there is nothing to match\./);
    assert.equal((await client.post('/matching/batch', { programmeId: 'nonsense' })).status, 422);
    assert.equal(await countRows(w, 'match_runs', org.id), 0);

    const otherOrg = await freshOrganisation(w);
    const stranger = await signedIn(w, ['coordinator'], { organisationId: otherOrg.id });
    await createVolunteer(w, otherOrg.id, { givenName: 'Obca', familyName: 'Wolontariuszka', activities: ['leisure'] });
    await createMentee(w, otherOrg.id, { givenName: 'Obcy', familyName: 'Podopieczny', needs: ['leisure'] });
    const foreignRun = await runThroughPage(stranger.client);
    const [foreignProposal] = await proposalsOf(foreignRun);
    assert.equal((await client.get(`/matching/batch/${foreignRun}`)).status, 404);
    assert.equal((await client.post(`/matching/batch/${foreignRun}/proposals/${foreignProposal!.id}/accept`)).status, 404);
    assert.equal((await client.get(`/matching/batch/${foreignRun}/accept-all`)).status, 404, 'nor its confirmation page');
    assert.equal((await client.post(`/matching/batch/${foreignRun}/accept-all`)).status, 404);
    assert.equal((await proposalsOf(foreignRun))[0]!.status, 'proposed');

    const pm = await signedIn(w, ['programme_manager'], { organisationId: org.id });
    assert.equal((await pm.client.get('/matching/batch')).status, 403);
    assert.equal((await pm.client.get(`/matching/batch/${foreignRun}/accept-all`)).status, 403, 'aggregates only: no confirmation page either');
    assert.equal((await pm.client.get('/matching')).status, 403);
  });

  it('the overview shows the waiting list, open runs and recent matches', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['coordinator'], { organisationId: org.id });
    await createMentee(w, org.id, { givenName: 'Maria', familyName: 'Najdłuższa', needs: ['leisure'], daysWaiting: 120 });
    await createMentee(w, org.id, { givenName: 'Nina', familyName: 'Krótsza', needs: ['leisure'], daysWaiting: 2 });
    const empty = textOf((await client.get('/matching')).body);
    assert.match(empty, /2 people waiting/);
    assert.match(empty, /Maria Najdłuższa Leisure 120 days waiting Find a volunteer/);
    assert.match(empty, /No batch run is waiting for decisions\./);
    await createVolunteer(w, org.id, { givenName: 'Ola', familyName: 'Pomocna', activities: ['leisure'] });
    const runId = await runThroughPage(client);
    const page = await client.get('/matching');
    assert.match(page.body, new RegExp(`href="/matching/batch/${runId}"`));
    assert.match(page.body, /href="\/matching\/settings"/);
    assert.ok((await auditEntries(w, org.id, 'matching.overview.view')).length >= 2);
  });
});

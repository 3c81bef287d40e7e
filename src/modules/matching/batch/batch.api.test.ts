/**
 * The JSON API of batch matching: run, read, accept, reject — and two simultaneous acceptances.
 *   npx tsx scripts/test.ts --only=unit src/modules/matching/batch/batch.api.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countRows, createMentee, createProgramme, createVolunteer, freshOrganisation, matchesOf, tokenFor, useWorld } from '../test-helpers.js';
import type { ProposalOutput, RunOutput } from './batch.schemas.js';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';

const w = useWorld();

describe('batch matching API', () => {
  it('runs over one programme’s waiting list, reads the run, accepts and rejects proposals', async () => {
    const org = await freshOrganisation(w);
    const token = await tokenFor(w, ['social_worker'], org.id);
    const families = (await createProgramme(w, 'Rodziny', { organisationId: org.id, matchingWeights: { language: 50, needs: 50, availability: 0, distance: 0, interests: 0, waiting: 0 } })).id;
    const other = (await createProgramme(w, 'Seniorzy', { organisationId: org.id })).id;
    await createVolunteer(w, org.id, { givenName: 'Anna', familyName: 'A', capacity: 2, languages: [{ code: 'uk', level: 'native' }], activities: ['leisure'] });
    const m1 = await createMentee(w, org.id, { givenName: 'Bohdana', familyName: 'B', programmeId: families, needs: ['leisure'], languages: [{ code: 'uk', level: 'native' }] });
    const m2 = await createMentee(w, org.id, { givenName: 'Wira', familyName: 'W', programmeId: families, needs: ['leisure'] });
    await createMentee(w, org.id, { givenName: 'Senior', familyName: 'S', programmeId: other, needs: ['leisure'] });

    for (const body of [{ programmeId: 'nope' }, { programmeId: families, extra: true }]) assert.equal((await apiCall(w, 'POST', '/api/v1/matching/runs', token, body)).statusCode, 422, JSON.stringify(body));
    const res = await apiCall(w, 'POST', '/api/v1/matching/runs', token, { programmeId: families });
    assert.equal(res.statusCode, 201);
    const run = res.json<RunOutput>();
    assert.equal(run.programmeName, 'Rodziny');
    assert.equal(run.mentees, 2, 'only the programme’s waiting list');
    assert.equal(run.matched, 2);
    assert.equal(run.status, 'open');
    const first = run.proposals.find((p) => p.mentee.id === m1)!;
    // Weights of the programme: language 50 + needs 50 → the Ukrainian speaker scores 100 %.
    assert.equal(first.percent, 100);
    assert.match(first.summary, /both speak Ukrainian; offers help with leisure/);
    assert.equal((await apiCall(w, 'GET', `/api/v1/matching/runs/${run.id}`, token)).json<RunOutput>().proposals.length, 2);

    const accepted = await apiCall(w, 'POST', `/api/v1/matching/proposals/${first.id}/accept`, token);
    assert.equal(accepted.statusCode, 200);
    const p = accepted.json<ProposalOutput>();
    assert.equal(p.status, 'accepted');
    assert.ok(p.matchId);
    const again = await apiCall(w, 'POST', `/api/v1/matching/proposals/${first.id}/accept`, token);
    assert.equal(again.statusCode, 409);
    assert.match(again.json<ErrorBody>().error.message, /Someone else decided this pair in the meantime/);

    const second = run.proposals.find((x) => x.mentee.id === m2)!;
    assert.equal((await apiCall(w, 'POST', `/api/v1/matching/proposals/${second.id}/reject`, token, { exclude: true })).statusCode, 422);
    const rejected = await apiCall(w, 'POST', `/api/v1/matching/proposals/${second.id}/reject`, token, { reason: 'Za daleko' });
    assert.equal(rejected.statusCode, 200);
    assert.equal(rejected.json<ProposalOutput>().reason, 'Za daleko');
    assert.equal((await apiCall(w, 'GET', `/api/v1/matching/runs/${run.id}`, token)).json<RunOutput>().status, 'closed');
    assert.equal(await countRows(w, 'match_exclusions', org.id), 0);

    const foreign = await tokenFor(w, ['coordinator'], w.other.id);
    assert.equal((await apiCall(w, 'GET', `/api/v1/matching/runs/${run.id}`, foreign)).statusCode, 404);
    assert.equal((await apiCall(w, 'POST', `/api/v1/matching/proposals/${second.id}/accept`, foreign)).statusCode, 404);
    assert.equal((await apiCall(w, 'POST', '/api/v1/matching/runs', foreign, { programmeId: families })).statusCode, 404);
    assert.equal((await apiCall(w, 'POST', '/api/v1/matching/runs', await tokenFor(w, ['programme_manager'], org.id), {})).statusCode, 403);
    assert.equal((await apiCall(w, 'POST', '/api/v1/matching/runs', null, {})).statusCode, 401);
  });

  it('two simultaneous acceptances competing for one place: one match, the other 409 and stale with the reason', async () => {
    const org = await freshOrganisation(w);
    const [t1, t2] = [await tokenFor(w, ['social_worker'], org.id), await tokenFor(w, ['social_worker'], org.id)];
    const v = await createVolunteer(w, org.id, { givenName: 'Jedyne', familyName: 'Miejsce', capacity: 1, activities: ['leisure'] });
    await createMentee(w, org.id, { givenName: 'Pierwsza', familyName: 'Osoba', needs: ['leisure'] });
    const runA = (await apiCall(w, 'POST', '/api/v1/matching/runs', t1, {})).json<RunOutput>();
    await createMentee(w, org.id, { givenName: 'Druga', familyName: 'Osoba', needs: ['leisure'], daysWaiting: 300 });
    const runB = (await apiCall(w, 'POST', '/api/v1/matching/runs', t2, {})).json<RunOutput>();
    const pa = runA.proposals[0]!;
    const pb = runB.proposals.find((p) => p.volunteer.id === v)!;
    assert.notEqual(pa.mentee.id, pb.mentee.id);
    const results = await Promise.all([apiCall(w, 'POST', `/api/v1/matching/proposals/${pa.id}/accept`, t1), apiCall(w, 'POST', `/api/v1/matching/proposals/${pb.id}/accept`, t2)]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json<ErrorBody>().error;
    assert.equal(loser.message, 'Jedyne Miejsce has no free place any more (1 of 1 taken).');
    assert.equal((await matchesOf(w, { volunteerId: v })).length, 1);
    const statuses = [(await apiCall(w, 'GET', `/api/v1/matching/runs/${runA.id}`, t1)).json<RunOutput>().proposals[0]!.status, (await apiCall(w, 'GET', `/api/v1/matching/runs/${runB.id}`, t1)).json<RunOutput>().proposals.find((p) => p.id === pb.id)!.status];
    assert.deepEqual(statuses.sort(), ['accepted', 'stale']);
    const stale = [...(await apiCall(w, 'GET', `/api/v1/matching/runs/${runA.id}`, t1)).json<RunOutput>().proposals, ...(await apiCall(w, 'GET', `/api/v1/matching/runs/${runB.id}`, t1)).json<RunOutput>().proposals].find((p) => p.status === 'stale')!;
    assert.equal(stale.reason, 'Jedyne Miejsce has no free place any more (1 of 1 taken).');

    // The same proposal accepted twice at once: exactly one match.
    await createMentee(w, org.id, { givenName: 'Trzecia', familyName: 'Osoba', needs: ['leisure'] });
    const w2 = await createVolunteer(w, org.id, { givenName: 'Nowe', familyName: 'Miejsce', capacity: 3, activities: ['leisure'] });
    const runC = (await apiCall(w, 'POST', '/api/v1/matching/runs', t1, {})).json<RunOutput>();
    const pc = runC.proposals.find((p) => p.volunteer.id === w2)!;
    const twice = await Promise.all([apiCall(w, 'POST', `/api/v1/matching/proposals/${pc.id}/accept`, t1), apiCall(w, 'POST', `/api/v1/matching/proposals/${pc.id}/accept`, t2)]);
    assert.deepEqual(twice.map((r) => r.statusCode).sort(), [200, 409]);
    assert.equal((await matchesOf(w, { menteeId: pc.mentee.id })).length, 1);
  });
});

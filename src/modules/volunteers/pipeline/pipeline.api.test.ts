/**
 * The JSON API of the pipeline: GET /api/v1/volunteers and POST /api/v1/volunteers/:id/stage.
 *   node --import tsx --test src/modules/volunteers/pipeline/pipeline.api.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StageOutput, VolunteerPage } from './pipeline.schemas.js';
import { addActivationFacts, addSignedAgreement, auditEntries, createVolunteer, eventsOf, tokenFor, volunteerState, useWorld } from './test-helpers.js';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';

const w = useWorld();

describe('GET /api/v1/volunteers', () => {
  it('lists with the same filters, search and sort as the page, only the organisation’s volunteers', async () => {
    await createVolunteer(w, w.org.id, { givenName: 'Łucja', familyName: 'Łódź', email: 'l@example.org', stage: 'contacted', daysWaiting: 8, languages: [{ code: 'uk', level: 'C1' }] });
    await createVolunteer(w, w.org.id, { givenName: 'Adam', familyName: 'Nowak', stage: 'applied', daysWaiting: 1 });
    await createVolunteer(w, w.other.id, { givenName: 'Łukasz', familyName: 'Łódzki' });
    const token = await tokenFor(w, ['programme_manager']);
    const res = await apiCall(w, 'GET', '/api/v1/volunteers?q=LODZ', token);
    assert.equal(res.statusCode, 200);
    const page = res.json<VolunteerPage>();
    assert.equal(page.total, 1);
    const v = page.items[0]!;
    assert.equal(v.familyName, 'Łódź');
    assert.equal(v.stage, 'contacted');
    assert.equal(v.daysWaiting, 8);
    assert.deepEqual(v.languages, [{ code: 'uk', level: 'C1' }]);
    assert.equal(v.version, 1);
    assert.equal(v.awaitingGuardian, false);
    assert.ok(!('organisationId' in v) && !('guardianTokenHash' in v), 'no database row leaks');
    const sorted = (await apiCall(w, 'GET', '/api/v1/volunteers?sort=name', token)).json<VolunteerPage>();
    assert.deepEqual(sorted.items.map((i) => i.familyName), ['Łódź', 'Nowak']);
    assert.equal((await apiCall(w, 'GET', '/api/v1/volunteers?language=uk&waitingMin=5', token)).json<VolunteerPage>().total, 1);
    assert.ok((await auditEntries(w, w.org.id, 'volunteer.list')).length >= 1);
  });

  it('answers 422 for bad filters', async () => {
    const token = await tokenFor(w, ['coordinator']);
    for (const qs of ['stage=hired', 'waitingMin=-1', 'sort=evil', 'page=0', 'language=<x>']) {
      const res = await apiCall(w, 'GET', `/api/v1/volunteers?${qs}`, token);
      assert.equal(res.statusCode, 422, qs);
      assert.equal(res.json<ErrorBody>().error.code, 'VALIDATION');
      // A read saved nothing, so it does not say "nothing was saved".
      assert.equal(res.json<ErrorBody>().error.message, 'Some of the values in the request are not valid.', qs);
    }
  });
});

describe('POST /api/v1/volunteers/:id/stage', () => {
  it('moves (200 with the new state), answers 409 on a stale version and 422 with the rule’s message', async () => {
    const token = await tokenFor(w, ['coordinator']);
    const id = await createVolunteer(w, w.org.id, { givenName: 'Iwona', familyName: 'Ikar', stage: 'approved', plannedDays: 60 });
    const blocked = await apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, token, { stage: 'active', version: 1 });
    assert.equal(blocked.statusCode, 422);
    const err = blocked.json<ErrorBody>().error;
    assert.equal(err.code, 'VALIDATION');
    assert.match(err.message, /Service of more than 30 days needs a written volunteer agreement/);
    assert.match(err.fields!.stage!, /written volunteer agreement/);
    const noReason = await apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, token, { stage: 'withdrawn', version: 1 });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.json<ErrorBody>().error.fields!.reason!, /Give a reason/);

    await addSignedAgreement(w, w.org.id, id);
    await addActivationFacts(w, w.org.id, id, { insurance: false });
    const ok = await apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, token, { stage: 'active', version: 1 });
    assert.equal(ok.statusCode, 200);
    const state = ok.json<StageOutput>();
    assert.equal(state.stage, 'active');
    assert.equal(state.version, 2);
    assert.equal(state.id, id);

    const stale = await apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, token, { stage: 'paused', reason: 'Urlop', version: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<ErrorBody>().error.code, 'CONFLICT');
    assert.match(stale.json<ErrorBody>().error.message, /Someone else changed this volunteer meanwhile/);
    assert.equal((await volunteerState(w, id)).version, 2);
    assert.equal((await eventsOf(w, id)).length, 1);
  });

  it('refuses bad bodies (422) and writes nothing', async () => {
    const token = await tokenFor(w, ['administrator']);
    const id = await createVolunteer(w, w.org.id, { givenName: 'Jan', familyName: 'Jasny' });
    for (const body of [{}, { stage: 'contacted' }, { stage: 'contacted', version: 'one' }, { stage: 'nowhere', version: 1 }, { stage: 'contacted', version: 1, extra: true }, { stage: 'rejected', version: 1, reason: 'x'.repeat(501) }]) {
      const res = await apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, token, body);
      assert.equal(res.statusCode, 422, JSON.stringify(body).slice(0, 60));
      assert.match(res.json<ErrorBody>().error.message, /Nothing was saved\./, 'a refused write says so');
    }
    assert.equal((await volunteerState(w, id)).version, 1);
  });

  it('of two concurrent moves with the same version, exactly one wins', async () => {
    const [t1, t2] = [await tokenFor(w, ['coordinator']), await tokenFor(w, ['coordinator'])];
    const id = await createVolunteer(w, w.org.id, { givenName: 'Kamil', familyName: 'Kos' });
    const results = await Promise.all([
      apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, t1, { stage: 'contacted', version: 1 }),
      apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, t2, { stage: 'withdrawn', reason: 'Wyjazd', version: 1 }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    assert.equal((await volunteerState(w, id)).version, 2);
    assert.equal((await eventsOf(w, id)).length, 1);
  });

  it('security: no token 401, wrong role 403, another organisation’s or a malformed id 404 — nothing changed', async () => {
    const id = await createVolunteer(w, w.org.id, { givenName: 'Lena', familyName: 'Lis' });
    const foreign = await createVolunteer(w, w.other.id, { givenName: 'Marek', familyName: 'Mak' });
    assert.equal((await apiCall(w, 'GET', '/api/v1/volunteers', null)).statusCode, 401);
    assert.equal((await apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, null, { stage: 'contacted', version: 1 })).statusCode, 401);
    const social = await tokenFor(w, ['social_worker']);
    assert.equal((await apiCall(w, 'GET', '/api/v1/volunteers', social)).statusCode, 403);
    const pm = await tokenFor(w, ['programme_manager']);
    assert.equal((await apiCall(w, 'POST', `/api/v1/volunteers/${id}/stage`, pm, { stage: 'contacted', version: 1 })).statusCode, 403);
    const coordinator = await tokenFor(w, ['coordinator']);
    assert.equal((await apiCall(w, 'POST', `/api/v1/volunteers/${foreign}/stage`, coordinator, { stage: 'contacted', version: 1 })).statusCode, 404);
    assert.equal((await apiCall(w, 'POST', '/api/v1/volunteers/nope/stage', coordinator, { stage: 'contacted', version: 1 })).statusCode, 404);
    assert.equal((await volunteerState(w, id)).version, 1);
    assert.equal((await volunteerState(w, foreign)).version, 1);
  });

  it('is documented in the OpenAPI document under the volunteers tag', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> }>();
    assert.deepEqual(doc.paths['/api/v1/volunteers']?.get?.tags, ['volunteers']);
    const post = doc.paths['/api/v1/volunteers/{id}/stage']?.post;
    assert.ok(post);
    assert.ok(post.responses['409'] && post.responses['422'] && post.responses['200']);
  });
});

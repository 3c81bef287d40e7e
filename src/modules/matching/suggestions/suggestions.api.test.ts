/**
 * The JSON API of suggestions and matches.
 *   npx tsx scripts/test.ts --only=unit src/modules/matching/suggestions/suggestions.api.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MatchOutput, MatchPage } from '../matches.schemas.js';
import { auditEntries, countRows, createMentee, createVolunteer, freshOrganisation, matchesOf, tokenFor, useWorld } from '../test-helpers.js';
import type { SuggestionsOutput } from './suggestions.schemas.js';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';

const w = useWorld();

describe('GET /api/v1/matching/mentees/:id/suggestions', () => {
  it('answers the ranked volunteers with reasons in the caller’s language and what was left out', async () => {
    const token = await tokenFor(w, ['social_worker']);
    const m = await createMentee(w, w.org.id, { givenName: 'Olena', familyName: 'Api', needs: ['language_practice'], languages: [{ code: 'uk', level: 'native' }] });
    const good = await createVolunteer(w, w.org.id, { givenName: 'Anna', familyName: 'Pierwsza', languages: [{ code: 'uk', level: 'C1' }], activities: ['language_help'] });
    await createVolunteer(w, w.org.id, { givenName: 'Beata', familyName: 'Druga', activities: ['leisure'] });
    await createVolunteer(w, w.org.id, { givenName: 'Celina', familyName: 'Mężczyzna', gender: 'male', preferredGender: 'male' });
    const res = await apiCall(w, 'GET', `/api/v1/matching/mentees/${m}/suggestions`, token);
    assert.equal(res.statusCode, 200);
    const body = res.json<SuggestionsOutput>();
    assert.equal(body.mentee.id, m);
    assert.equal(body.items[0]!.volunteerId, good);
    assert.equal(body.items[0]!.summary.startsWith('both speak Ukrainian'), true, body.items[0]!.summary);
    assert.ok(body.items[0]!.percent > body.items[1]!.percent);
    assert.equal(body.items[0]!.components.length, 6);
    assert.equal(body.leftOut.count, 1);
    assert.deepEqual(body.leftOut.byKey, { volunteer_gender_preference: 1 });
    assert.match(body.leftOut.text, /1 volunteer left out: 1 because of the volunteer's gender preference/);
    assert.ok(!('organisationId' in body.items[0]!), 'no database row leaks');
    const pl = (await apiCall(w, 'GET', `/api/v1/matching/mentees/${m}/suggestions`, token, undefined, 'pl')).json<SuggestionsOutput>();
    assert.match(pl.items[0]!.summary, /wspólny język: ukraiński/);
    assert.ok((await auditEntries(w, w.org.id, 'matching.suggestions.view')).some((a) => a.entityId === m));
  });

  it('lists the volunteers left out only because their gender is unknown, as the page does (empty without a wish)', async () => {
    const org = await freshOrganisation(w);
    const orgToken = await tokenFor(w, ['coordinator'], org.id);
    const unknown = await createVolunteer(w, org.id, { givenName: 'Lena', familyName: 'Nieznana', gender: null });
    await createVolunteer(w, org.id, { givenName: 'Marek', familyName: 'Mężczyzna', gender: 'male' });
    const wants = await createMentee(w, org.id, { givenName: 'Nadia', familyName: 'Prosi', preferredVolunteerGender: 'female' });
    const res = await apiCall(w, 'GET', `/api/v1/matching/mentees/${wants}/suggestions`, orgToken);
    assert.equal(res.statusCode, 200);
    const body = res.json<SuggestionsOutput>();
    assert.deepEqual(body.items, []);
    assert.deepEqual(body.genderUnknown, [{ volunteerId: unknown, givenName: 'Lena', familyName: 'Nieznana' }]);
    const any = await createMentee(w, org.id, { givenName: 'Olga', familyName: 'Obojętnie' });
    const anyBody = (await apiCall(w, 'GET', `/api/v1/matching/mentees/${any}/suggestions`, orgToken)).json<SuggestionsOutput>();
    assert.deepEqual(anyBody.genderUnknown, []);
    assert.ok(anyBody.items.some((i) => i.volunteerId === unknown));
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> } }> }>();
    const schema = doc.paths['/api/v1/matching/mentees/{id}/suggestions']?.get?.responses['200']?.content?.['application/json']?.schema;
    assert.ok(schema?.properties && 'genderUnknown' in schema.properties, 'the OpenAPI document describes genderUnknown');
  });

  it('answers 422 for bad filters, 404 for another organisation’s mentee, 401/403 without the right access', async () => {
    const token = await tokenFor(w, ['coordinator']);
    const m = await createMentee(w, w.org.id, { givenName: 'Zła', familyName: 'Kwerenda' });
    for (const qs of ['weekday=someday', 'language=<x>', 'district=' + 'x'.repeat(101)]) {
      const res = await apiCall(w, 'GET', `/api/v1/matching/mentees/${m}/suggestions?${qs}`, token);
      assert.equal(res.statusCode, 422, qs);
      assert.equal(res.json<ErrorBody>().error.code, 'VALIDATION');
    }
    const foreign = await createMentee(w, w.other.id, { givenName: 'Obca', familyName: 'Osoba' });
    assert.equal((await apiCall(w, 'GET', `/api/v1/matching/mentees/${foreign}/suggestions`, token)).statusCode, 404);
    assert.equal((await apiCall(w, 'GET', `/api/v1/matching/mentees/${m}/suggestions`, null)).statusCode, 401);
    assert.equal((await apiCall(w, 'GET', `/api/v1/matching/mentees/${m}/suggestions`, await tokenFor(w, ['programme_manager']))).statusCode, 403);
  });
});

describe('POST /api/v1/matches and GET /api/v1/matches', () => {
  it('makes a match (201), refuses bad input (422) and a refused re-check (409) writing nothing', async () => {
    const token = await tokenFor(w, ['social_worker']);
    const v = await createVolunteer(w, w.org.id, { givenName: 'Dorota', familyName: 'Jedna', capacity: 1, activities: ['leisure'] });
    const m1 = await createMentee(w, w.org.id, { givenName: 'Ewa', familyName: 'Pierwsza', needs: ['leisure'] });
    const m2 = await createMentee(w, w.org.id, { givenName: 'Fiona', familyName: 'Druga', needs: ['leisure'] });
    for (const body of [{}, { menteeId: m1 }, { menteeId: 'x', volunteerId: v }, { menteeId: m1, volunteerId: v, extra: 1 }]) {
      const res = await apiCall(w, 'POST', '/api/v1/matches', token, body);
      assert.equal(res.statusCode, 422, JSON.stringify(body));
    }
    assert.equal(await countRows(w, 'matches', w.org.id), 0);
    const ok = await apiCall(w, 'POST', '/api/v1/matches', token, { menteeId: m1, volunteerId: v });
    assert.equal(ok.statusCode, 201);
    const match = ok.json<MatchOutput>();
    assert.equal(match.mentee.id, m1);
    assert.equal(match.volunteer.familyName, 'Jedna');
    assert.deepEqual(match.needs, ['leisure']);
    assert.equal(match.origin, 'suggestion');
    assert.match(match.summary, /offers help with leisure/);
    const refused = await apiCall(w, 'POST', '/api/v1/matches', token, { menteeId: m2, volunteerId: v });
    assert.equal(refused.statusCode, 409);
    const err = refused.json<ErrorBody>().error;
    assert.equal(err.code, 'CONFLICT');
    assert.equal(err.message, 'Dorota Jedna has no free place any more (1 of 1 taken).');
    assert.deepEqual(Object.values(err.fields ?? {}), ['Dorota Jedna has no free place any more (1 of 1 taken).']);
    assert.equal((await matchesOf(w, { menteeId: m2 })).length, 0);
    const foreign = await createVolunteer(w, w.other.id, { givenName: 'Obca', familyName: 'Wolontariuszka' });
    assert.equal((await apiCall(w, 'POST', '/api/v1/matches', token, { menteeId: m2, volunteerId: foreign })).statusCode, 404);
    assert.equal((await apiCall(w, 'POST', '/api/v1/matches', await tokenFor(w, ['volunteer']), { menteeId: m2, volunteerId: v })).statusCode, 403);

    const list = await apiCall(w, 'GET', '/api/v1/matches?q=jedna', token);
    assert.equal(list.statusCode, 200);
    const page = list.json<MatchPage>();
    assert.equal(page.total, 1);
    assert.equal(page.items[0]!.id, match.id);
    assert.equal((await apiCall(w, 'GET', '/api/v1/matches?status=broken', token)).statusCode, 422);
    assert.equal((await apiCall(w, 'GET', `/api/v1/matches/${match.id}`, token)).json<MatchOutput>().id, match.id);
    assert.equal((await apiCall(w, 'GET', `/api/v1/matches/${match.id}`, await tokenFor(w, ['coordinator'], w.other.id))).statusCode, 404);
  });

  it('of two simultaneous requests for a volunteer’s last place, exactly one gets it', async () => {
    const [t1, t2] = [await tokenFor(w, ['social_worker']), await tokenFor(w, ['coordinator'])];
    const v = await createVolunteer(w, w.org.id, { givenName: 'Gosia', familyName: 'Ostatnia', capacity: 1, activities: ['leisure'] });
    const m1 = await createMentee(w, w.org.id, { givenName: 'Halina', familyName: 'Raz', needs: ['leisure'] });
    const m2 = await createMentee(w, w.org.id, { givenName: 'Iga', familyName: 'Dwa', needs: ['leisure'] });
    const results = await Promise.all([apiCall(w, 'POST', '/api/v1/matches', t1, { menteeId: m1, volunteerId: v }), apiCall(w, 'POST', '/api/v1/matches', t2, { menteeId: m2, volunteerId: v })]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    assert.equal((await matchesOf(w, { volunteerId: v })).length, 1);
  });
});

/**
 * JSON API /api/v1/mentees: create (the intake's writes), list with the status filter, get one (never case notes),
 * bad input with per-field messages and nothing written, security (401, 403, another organisation's id 404), OpenAPI.
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/api/mentees.api.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { withTenant } from '../../../core/db/tx.js';
import { translator } from '../../../core/i18n/index.js';
import { menteeNotes } from '../mentees.table.js';
import type { MenteeOutput, MenteePage } from '../mentees.schemas.js';
import { auditEntries, caseStaffOf, consentsOf, assertRowsAdded, counts, createMentee, menteeRow, apiUser, world, useWorld } from '../test-helpers.js';
import { apiCall } from '../../../core/testing/api.js';

const w = useWorld(world);
let sw: { user: { userId: string }; token: string };
before(async () => {
  sw = await apiUser(w, ['social_worker']);
});

const valid = (change: Record<string, unknown> = {}) => ({
  givenName: 'Yusuf',
  familyName: 'Darwish',
  email: 'yusuf@example.org',
  locale: 'ar',
  needs: ['job_search', 'language_practice'],
  languages: [
    { code: 'ar', level: 'native' },
    { code: 'pl', level: 'A2' },
  ],
  availability: ['mon-morning'],
  district: 'Lipki',
  interests: ['football'],
  preferredVolunteerAgeMin: 30,
  consents: { support: 'consent', contactEmail: true },
  ...change,
});

describe('the mentees API', () => {
  it('records a person (201) with the same writes as the intake page, and returns them', async () => {
    const before = await counts(w);
    const res = await apiCall(w, 'POST', '/api/v1/mentees', sw.token, valid());
    assert.equal(res.statusCode, 201, res.body);
    const out = res.json<MenteeOutput>();
    assert.equal(out.status, 'waiting');
    assert.equal(out.source, 'staff');
    assert.deepEqual(out.needs, ['job_search', 'language_practice']);
    assert.equal(out.locale, 'ar');
    assert.equal(out.daysWaiting, 0);
    assert.equal(out.socialWorkerUserId, sw.user.userId);
    assert.deepEqual(out.consents.map((c) => c.purpose).sort(), ['contact_email', 'support']);
    assert.ok(!('notes' in out));
    assertRowsAdded(before, await counts(w), { mentees: 1, mentee_events: 1 });
    assert.deepEqual(await caseStaffOf(w, out.id), [sw.user.userId]);
    assert.equal((await consentsOf(w, out.id)).length, 2);
    assert.equal((await menteeRow(w, out.id)).district, 'Lipki');
    assert.equal((await auditEntries(w, w.org.id, 'mentee.create')).filter((a) => a.entityId === out.id).length, 1);
  });

  it('refuses bad input with 422 and a message per field in the caller’s language, writing nothing', async () => {
    const before = await counts(w);
    const res = await apiCall(w, 'POST', '/api/v1/mentees', sw.token, valid({ needs: [], email: 'nope', birthDate: '2999-01-01', preferredVolunteerAgeMin: 60, preferredVolunteerAgeMax: 20, gender: 'robot', extra: 1 }), 'pl');
    assert.equal(res.statusCode, 422);
    const { error } = res.json<{ error: { code: string; fields: Record<string, string> } }>();
    assert.equal(error.code, 'VALIDATION');
    const pl = translator('pl');
    assert.equal(error.fields._form, pl('validation.unknownFields', { fields: 'extra' }));
    const strictFree = await apiCall(w, 'POST', '/api/v1/mentees', sw.token, valid({ needs: [], email: 'nope', birthDate: '2999-01-01', preferredVolunteerAgeMin: 60, preferredVolunteerAgeMax: 20 }), 'pl');
    const fields = strictFree.json<{ error: { fields: Record<string, string> } }>().error.fields;
    assert.equal(fields.needs, pl('validation.chooseAtLeast', { min: 1 }));
    assert.equal(fields.email, pl('validation.email'));
    assert.equal(fields.birthDate, pl('validation.dateInFuture'));
    const gender = await apiCall(w, 'POST', '/api/v1/mentees', sw.token, valid({ gender: 'robot', consents: { support: 'contract' } }), 'pl');
    assert.equal(gender.json<{ error: { fields: Record<string, string> } }>().error.fields.gender, pl('validation.choice'));
    assert.equal(gender.json<{ error: { fields: Record<string, string> } }>().error.fields['consents.support'], pl('validation.choice'));
    assert.equal(fields.preferredVolunteerAgeMax, pl('mentees.validation.ageRange'));
    const programme = await apiCall(w, 'POST', '/api/v1/mentees', sw.token, valid({ programmeId: '00000000-0000-4000-8000-000000000000' }));
    assert.equal(programme.statusCode, 422);
    assert.equal(programme.json<{ error: { fields: Record<string, string> } }>().error.fields.programmeId, translator('en')('mentees.validation.unknownProgramme'));
    const broken = await w.t.app.inject({ method: 'POST', url: '/api/v1/mentees', headers: { authorization: `Bearer ${sw.token}`, 'content-type': 'application/json' }, payload: '{"givenName":' });
    assert.equal(broken.statusCode, 400);
    assert.deepEqual(await counts(w), before);
  });

  it('lists by status tab (waiting by default, longest first) and gets one person without case notes', async () => {
    const requested = await createMentee(w, w.org.id, { givenName: 'Req', familyName: 'Uested', status: 'requested', daysWaiting: 3 });
    const old = await createMentee(w, w.org.id, { givenName: 'Long', familyName: 'Wait', daysWaiting: 90, socialWorkerUserId: sw.user.userId });
    await withTenant(w.db, { organisationId: w.org.id, userId: sw.user.userId }, (tx) => tx.insert(menteeNotes).values({ organisationId: w.org.id, menteeId: old, authorUserId: sw.user.userId, body: 'Poufne' }));
    const list = await apiCall(w, 'GET', '/api/v1/mentees', sw.token);
    assert.equal(list.statusCode, 200);
    const page = list.json<MenteePage>();
    assert.equal(page.items[0]!.id, old);
    assert.equal(page.items[0]!.daysWaiting, 90);
    assert.ok(page.items.every((m) => m.status === 'waiting'));
    const requests = (await apiCall(w, 'GET', '/api/v1/mentees?status=requested', sw.token)).json<MenteePage>();
    assert.deepEqual(requests.items.map((m) => [m.id, m.daysWaiting]), [[requested, 3]]);
    assert.equal((await apiCall(w, 'GET', '/api/v1/mentees?status=nonsense', sw.token)).statusCode, 422, 'the API is strict about its query');
    const one = await apiCall(w, 'GET', `/api/v1/mentees/${old}`, sw.token);
    assert.equal(one.statusCode, 200);
    assert.doesNotMatch(one.body, /Poufne/);
    assert.equal(one.json<MenteeOutput>().givenName, 'Long');
    assert.ok((await auditEntries(w, w.org.id, 'mentee.view')).some((a) => a.entityId === old));
    assert.ok((await auditEntries(w, w.org.id, 'mentee.list')).length >= 2);
  });

  it('security: no token 401, wrong role 403, another organisation’s or a malformed id 404 — nothing written', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Safe', familyName: 'Person' });
    const before = await counts(w);
    assert.equal((await apiCall(w, 'GET', '/api/v1/mentees', null)).statusCode, 401);
    assert.equal((await apiCall(w, 'POST', '/api/v1/mentees', null, valid())).statusCode, 401);
    for (const role of ['volunteer', 'programme_manager'] as const) {
      const { token } = await apiUser(w, [role]);
      assert.equal((await apiCall(w, 'GET', '/api/v1/mentees', token)).statusCode, 403, role);
      assert.equal((await apiCall(w, 'POST', '/api/v1/mentees', token, valid())).statusCode, 403, role);
    }
    const foreign = await apiUser(w, ['coordinator'], w.other.id);
    assert.equal((await apiCall(w, 'GET', `/api/v1/mentees/${id}`, foreign.token)).statusCode, 404);
    assert.equal((await apiCall(w, 'GET', '/api/v1/mentees/nope', foreign.token)).statusCode, 404);
    const after = await counts(w);
    assert.deepEqual({ ...after, audit_log: 0, people: 0, memberships: 0 }, { ...before, audit_log: 0, people: 0, memberships: 0 }, 'no mentee data written (only the tokens’ accounts)');
  });

  it('is documented in the OpenAPI document under the mentees tag', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> }>();
    assert.deepEqual(doc.paths['/api/v1/mentees']?.get?.tags, ['mentees']);
    assert.ok(doc.paths['/api/v1/mentees']?.post?.responses['201']);
    assert.ok(doc.paths['/api/v1/mentees/{id}']?.get?.responses['404']);
  });
});

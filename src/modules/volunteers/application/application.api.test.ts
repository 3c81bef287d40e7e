/**
 * POST /api/v1/volunteers/applications: staff enter an application on someone's behalf (source `staff`).
 *   node --import tsx --test src/modules/volunteers/application/application.api.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { translator } from '../../../core/i18n/index.js';
import type { ApplicationOutput } from './application.schemas.js';
import { apiUser, counts, query, world, useWorld } from './test-helpers.js';

const w = useWorld(world);

const call = (token: string | null, payload: unknown) =>
  w.t.app.inject({
    method: 'POST',
    url: '/api/v1/volunteers/applications',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'en' },
    payload: payload as object,
  });

const body = (over: Record<string, unknown> = {}) => ({
  givenName: 'Мар’яна',
  familyName: 'Шевчук',
  email: 'maryana@example.org',
  languages: [{ code: 'uk', level: 'native' }],
  availability: ['sat-morning'],
  activities: ['events'],
  plannedLength: 'up_to_30',
  interests: ['music'],
  consents: { application: true },
  locale: 'uk',
  ...over,
});

describe('POST /api/v1/volunteers/applications', () => {
  it('creates the application with source staff, the coordinator as actor, and the mail in the applicant’s language', async () => {
    const { token, user: { userId } } = await apiUser(w, ['coordinator']);
    const res = await call(token, body());
    assert.equal(res.statusCode, 201, res.body);
    const out = res.json<ApplicationOutput>();
    assert.equal(out.source, 'staff');
    assert.equal(out.stage, 'applied');
    assert.equal(out.awaitingGuardian, false);
    assert.equal(out.duplicateOf, null);
    const [v] = await query<{ source: string; organisation_id: string; planned_days: number; locale: string }>(w, sql`select source, organisation_id, planned_days, locale from volunteers where id = ${out.id}`);
    assert.deepEqual(v, { source: 'staff', organisation_id: w.org.id, planned_days: 30, locale: 'uk' });
    const [event] = await query<{ actor_user_id: string }>(w, sql`select actor_user_id from volunteer_events where volunteer_id = ${out.id} and kind = 'applied'`);
    assert.equal(event!.actor_user_id, userId);
    const [auditRow] = await query<{ actor_user_id: string }>(w, sql`select actor_user_id from audit_log where entity_id = ${out.id} and action = 'volunteer.apply'`);
    assert.equal(auditRow!.actor_user_id, userId);
    const [mail] = await query<{ locale: string; subject: string }>(w, sql`select locale, subject from outbox where to_address = 'maryana@example.org'`);
    assert.equal(mail!.locale, 'uk');
    assert.equal(mail!.subject, translator('uk')('volunteers.application.mail.received.subject', { organisation: 'Ośrodek Alfa' }));

    const again = await call((await apiUser(w, ['administrator'])).token, body({ locale: undefined }));
    assert.equal(again.statusCode, 201);
    assert.equal(again.json<ApplicationOutput>().duplicateOf, out.id, 'a re-application is marked, not merged');
    const [second] = await query<{ locale: string }>(w, sql`select locale from volunteers where id = ${again.json<ApplicationOutput>().id}`);
    assert.equal(second!.locale, 'pl', 'without locale: the organisation’s language');
  });

  it('answers 422 with per-field messages for bad input and writes nothing', async () => {
    const { token } = await apiUser(w, ['coordinator']);
    const bad: Record<string, unknown>[] = [
      body({ consents: { application: false } }),
      body({ consents: undefined }),
      body({ birthDate: '2023-02-30' }),
      body({ birthDate: '2999-01-01' }),
      body({ givenName: 'x'.repeat(100_000) }),
      body({ languages: Array.from({ length: 21 }, () => ({ code: 'en', level: 'B1' })) }),
      body({ languages: [{ code: 'en', level: 'D9' }] }),
      body({ activities: [] }),
      body({ interests: ['y'.repeat(61)] }),
      body({ birthDate: `${new Date().getUTCFullYear() - 12}-06-01` }),
      body({ plannedLength: 'forever' }),
      body({ source: 'form' }),
      body({ worksWithMinors: 'yes' }),
    ];
    const before = await counts(w);
    for (const payload of bad) {
      const res = await call(token, payload);
      assert.equal(res.statusCode, 422, JSON.stringify(payload).slice(0, 200));
      const error = res.json<{ error: { code: string; fields?: Record<string, string> } }>().error;
      assert.equal(error.code, 'VALIDATION');
      assert.ok(error.fields && Object.keys(error.fields).length > 0);
    }
    const consent = (await call(token, body({ consents: { application: false } }))).json<{ error: { fields: Record<string, string> } }>();
    assert.match(consent.error.fields['consents.application']!, /only consider your application with this consent/);
    const minor = (await call(token, body({ birthDate: `${new Date().getUTCFullYear() - 12}-06-01` }))).json<{ error: { fields: Record<string, string> } }>();
    assert.ok(minor.error.fields.guardianName && minor.error.fields.guardianEmail);
    assert.deepEqual(await counts(w), before);
  });

  it('security: 401 without a token, 403 for roles that may not manage volunteers, and a token writes only into its own organisation', async () => {
    const others = await Promise.all((['social_worker', 'programme_manager', 'volunteer'] as const).map(async (role) => ({ role, token: (await apiUser(w, [role])).token })));
    const before = await counts(w);
    assert.equal((await call(null, body())).statusCode, 401);
    assert.equal((await call('tdm_not-a-real-token', body())).statusCode, 401);
    for (const { role, token } of others) assert.equal((await call(token, body())).statusCode, 403, role);
    assert.deepEqual(await counts(w), before);
    const beta = await apiUser(w, ['coordinator'], w.other.id);
    const res = await call(beta.token, body({ email: 'beta-applicant@example.org' }));
    assert.equal(res.statusCode, 201);
    const [v] = await query<{ organisation_id: string; duplicate_of: string | null }>(w, sql`select organisation_id, duplicate_of from volunteers where id = ${res.json<ApplicationOutput>().id}`);
    assert.deepEqual(v, { organisation_id: w.other.id, duplicate_of: null });
  });

  it('is documented in the OpenAPI document under the tag volunteers', () => {
    const doc = w.t.app.swagger() as { paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>> };
    assert.deepEqual(doc.paths['/api/v1/volunteers/applications']?.post?.tags, ['volunteers']);
    assert.ok(doc.paths['/api/v1/volunteers/applications']?.post?.requestBody);
  });
});

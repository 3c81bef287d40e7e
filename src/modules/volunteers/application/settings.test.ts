/**
 * /volunteers/settings: administrators and coordinators switch optional form fields off and set the
 * safeguarding renewal; the public form then hides those fields and never stores them.
 *   node --import tsx --test src/modules/volunteers/application/settings.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { TestClient } from '../../../core/testing/client.js';
import { apply, counts, fieldError, query, signedIn, validForm, world, useWorld } from './test-helpers.js';

const w = useWorld(world);

describe('volunteer settings', () => {
  it('shows the defaults, saves changes with an audit entry, and the public form hides the switched-off fields', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const page = await client.get('/volunteers/settings');
    assert.equal(page.status, 200);
    assert.match(page.body, /name="safeguardingRenewalMonths" type="text" value="60"[^>]* inputmode="numeric"/);
    assert.match(page.body, /name="reminderDays" type="text" value="30"[^>]* inputmode="numeric"/);
    assert.match(page.body, /href="\/o\/alpha\/apply"/);

    const form = (await new TestClient(w.t.app).get('/o/alpha/apply?lang=en')).body;
    for (const name of ['profession', 'education', 'interests', 'heardFrom', 'preferredGender', 'preferredAgeGroups', 'travelKm']) assert.match(form, new RegExp(`name="${name}"`));

    const res = await client.post('/volunteers/settings', { hiddenFields: ['profession', 'interests', 'heard_from', 'preferences', 'travel'], safeguardingRenewalMonths: '36', reminderDays: '14' });
    assert.equal(res.status, 303);
    assert.match((await client.get('/volunteers/settings')).body, /The settings were saved/);
    const [row] = await query<{ hidden_fields: string[]; safeguarding_renewal_months: number; reminder_days: number }>(w, sql`select hidden_fields, safeguarding_renewal_months, reminder_days from volunteer_settings where organisation_id = ${w.org.id}`);
    assert.deepEqual(row, { hidden_fields: ['heard_from', 'interests', 'preferences', 'profession', 'travel'], safeguarding_renewal_months: 36, reminder_days: 14 });
    const audits = await query<{ fields: string[] }>(w, sql`select fields from audit_log where action = 'volunteer_settings.update' and organisation_id = ${w.org.id}`);
    assert.deepEqual(audits.map((a) => a.fields), [['hiddenFields', 'safeguardingRenewalMonths', 'reminderDays']]);

    const hidden = (await new TestClient(w.t.app).get('/o/alpha/apply?lang=en')).body;
    for (const name of ['profession', 'interests', 'heardFrom', 'preferredGender', 'preferredAgeGroups', 'travelKm']) assert.doesNotMatch(hidden, new RegExp(`name="${name}"`), name);
    assert.match(hidden, /name="education"/);
    assert.match(hidden, /name="district"/);
    // Another organisation's form is unaffected.
    assert.match((await new TestClient(w.t.app).get('/o/beta/apply?lang=en')).body, /name="profession"/);

    // Posted anyway (an old form, a script): not stored.
    const sent = await apply(w, new TestClient(w.t.app), validForm({ email: 'hidden@example.org' }));
    assert.equal(sent.status, 303);
    const [v] = await query<Record<string, unknown>>(w, sql`select v.* from volunteers v join people p on p.id = v.person_id where p.email = 'hidden@example.org'`);
    assert.equal(v!.profession, null);
    assert.deepEqual(v!.interests, []);
    assert.equal(v!.heard_from, null);
    assert.deepEqual(v!.preferred_age_groups, []);
    assert.equal(v!.preferred_gender, null);
    assert.equal(v!.travel_km, null);
    assert.equal(v!.education, 'Університет');

    // Saving the same values changes nothing and audits nothing.
    await client.get('/volunteers/settings');
    await client.post('/volunteers/settings', { hiddenFields: ['travel', 'profession', 'interests', 'heard_from', 'preferences'], safeguardingRenewalMonths: '36', reminderDays: '14' });
    assert.equal((await query(w, sql`select 1 from audit_log where action = 'volunteer_settings.update'`)).length, 1);
  });

  it('administrators may change the settings too; an empty list shows every field again', async () => {
    const { client } = await signedIn(w, ['administrator']);
    await client.get('/volunteers/settings');
    assert.equal((await client.post('/volunteers/settings', { safeguardingRenewalMonths: '60', reminderDays: '30' })).status, 303);
    const [row] = await query<{ hidden_fields: string[] }>(w, sql`select hidden_fields from volunteer_settings where organisation_id = ${w.org.id}`);
    assert.deepEqual(row!.hidden_fields, []);
  });

  it('reads months and days typed in Arabic-Indic and Extended Arabic-Indic digits', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    await client.get('/volunteers/settings');
    const stored = async () => (await query<{ m: number; d: number }>(w, sql`select safeguarding_renewal_months m, reminder_days d from volunteer_settings where organisation_id = ${w.org.id}`))[0];
    assert.equal((await client.post('/volunteers/settings', { safeguardingRenewalMonths: '۱۲', reminderDays: ' ٧ ' })).status, 303);
    assert.deepEqual(await stored(), { m: 12, d: 7 });
    assert.equal((await client.post('/volunteers/settings', { safeguardingRenewalMonths: '٦٠', reminderDays: '٣٠' })).status, 303);
    assert.deepEqual(await stored(), { m: 60, d: 30 });
  });

  it('refuses bad values with messages next to the fields, saving nothing', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    await client.get('/volunteers/settings');
    const before = await counts(w);
    const bodies: Record<string, string>[] = [
      { hiddenFields: 'motivation', safeguardingRenewalMonths: '60', reminderDays: '30' },
      { safeguardingRenewalMonths: '0', reminderDays: '30' },
      { safeguardingRenewalMonths: '60', reminderDays: '9999' },
      { safeguardingRenewalMonths: 'soon', reminderDays: '' },
      { safeguardingRenewalMonths: '60', reminderDays: '30', extra: 'x' },
    ];
    for (const body of bodies) {
      const res = await client.post('/volunteers/settings', body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.match(res.body, /<div class="error-summary"/);
    }
    const res = await client.post('/volunteers/settings', { safeguardingRenewalMonths: '121', reminderDays: '30' });
    assert.match(fieldError(res.body, 'safeguardingRenewalMonths') ?? '', /Enter a whole number from 1 to 120\./);
    assert.deepEqual(await counts(w), before);
  });

  it('security: no session → sign-in (GET) or 401/403 (POST); other roles 403; each organisation edits only its own', async () => {
    const anon = new TestClient(w.t.app);
    const get = await anon.get('/volunteers/settings');
    assert.equal(get.status, 303);
    assert.match(get.location ?? '', /^\/sign-in\?next=/);
    await anon.get('/o/alpha/apply?lang=en');
    assert.equal((await anon.post('/volunteers/settings', { safeguardingRenewalMonths: '1', reminderDays: '1' })).status, 401);
    for (const role of ['social_worker', 'volunteer', 'programme_manager'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/volunteers/settings')).status, 403, role);
      assert.equal((await client.post('/volunteers/settings', { safeguardingRenewalMonths: '1', reminderDays: '1' })).status, 403, role);
    }
    const { client: beta } = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    await beta.get('/volunteers/settings');
    assert.equal((await beta.post('/volunteers/settings', { hiddenFields: 'education', safeguardingRenewalMonths: '12', reminderDays: '7' })).status, 303);
    const rows = await query<{ organisation_id: string; safeguarding_renewal_months: number }>(w, sql`select organisation_id, safeguarding_renewal_months from volunteer_settings order by safeguarding_renewal_months`);
    assert.deepEqual(rows.find((r) => r.organisation_id === w.other.id)?.safeguarding_renewal_months, 12);
    assert.deepEqual(rows.find((r) => r.organisation_id === w.org.id)?.safeguarding_renewal_months, 60, 'alpha unchanged');
    assert.doesNotMatch((await new TestClient(w.t.app).get('/o/beta/apply?lang=en')).body, /name="education"/);
    assert.match((await new TestClient(w.t.app).get('/o/alpha/apply?lang=en')).body, /name="education"/);
  });
});

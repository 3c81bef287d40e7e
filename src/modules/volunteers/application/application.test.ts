/**
 * The public application form /o/:slug/apply: the happy path in Ukrainian, the organisation's language by
 * default, duplicates, bad input (nothing written) and HTML kept inert.
 *   node --import tsx --test src/modules/volunteers/application/application.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { translator } from '../../../core/i18n/index.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';
import { TestClient } from '../../../core/testing/client.js';
import { apply, backdatedToken, assertRowsAdded, counts, fieldError, formErrorOf, query, signedIn, validForm, world, useWorld } from './test-helpers.js';

const w = useWorld(world);

describe('the public application form', () => {
  it('shows the form in the organisation’s language by default and in the one the visitor chose', async () => {
    const client = new TestClient(w.t.app);
    const pl = await client.get('/o/alpha/apply');
    assert.equal(pl.status, 200);
    assert.match(pl.body, /<html lang="pl"/);
    const uk = await client.get('/o/alpha/apply?lang=uk');
    assert.match(uk.body, /<html lang="uk"/);
    assert.match(uk.body, />українська</, 'language names in the viewer’s language (Intl.DisplayNames)');
    assert.match(uk.body, />понеділок</, 'weekday names in the viewer’s language');
    const ar = await new TestClient(w.t.app).get('/o/alpha/apply?lang=ar');
    assert.match(ar.body, /<html lang="ar" dir="rtl"/);
    // The choice sticks (cookie), like the rest of the site.
    assert.match((await client.get('/o/alpha/apply')).body, /<html lang="uk"/);
  });

  it('is linked prominently from the organisation’s public page, which lists the kinds of volunteering', async () => {
    const page = await new TestClient(w.t.app).get('/o/alpha?lang=en');
    assert.equal(page.status, 200);
    assert.match(page.body, /<a class="button" href="\/o\/alpha\/apply\?lang=en">Apply to volunteer<\/a>/);
    for (const kind of ['Language practice', 'Help with school and homework', 'Helping at events', 'Assisting at offices, schools and clinics']) assert.ok(page.body.includes(kind), kind);
  });

  it('shows the programmes as their staff wrote them: a Polish description reads left to right on the Arabic page', async () => {
    await withSystem(w.db, (tx) => tx.insert(programmes).values({ organisationId: w.org.id, name: 'Pomoc w nauce', description: 'Zajęcia z dziećmi po szkole.' }));
    const page = await new TestClient(w.t.app).get('/o/alpha?lang=ar');
    assert.match(page.body, /<html lang="ar" dir="rtl"/);
    assert.match(page.body, /<h3 dir="auto">Pomoc w nauce<\/h3>/);
    assert.match(page.body, /<p dir="auto">Zajęcia z dziećmi po szkole\.<\/p>/);
  });

  it('is accessible without JavaScript: labelled controls, the availability grid as a table with headers, the honeypot', async () => {
    const page = (await new TestClient(w.t.app).get('/o/alpha/apply?lang=en')).body;
    assert.doesNotMatch(page, /style=/);
    assert.doesNotMatch(page, /<script>/);
    assert.match(page, /<th scope="col" id="slot-morning">Morning<\/th>/);
    assert.match(page, /<th scope="row" id="day-mon">Monday<\/th>/);
    assert.match(page, /<span class="visually-hidden">Monday, Morning<\/span>/);
    assert.equal((page.match(/name="availability"/g) ?? []).length, 21);
    assert.match(page, /<label for="f-website">Leave this field empty<\/label><input type="text" id="f-website" name="website" value tabindex="-1" autocomplete="off"/);
    assert.match(page, /<div class="table-wrap">/);
    for (const name of ['languages.0.code', 'languages.0.level', 'givenName', 'email', 'motivation']) {
      const id = `f-${name.replace(/\./g, '-')}`;
      assert.match(page, new RegExp(`for="${id}"`), `label for ${name}`);
    }
  });

  it('writes the person, volunteer, consents, event, audit and a confirmation mail in Ukrainian — in one go', async () => {
    const before = await counts(w);
    const client = new TestClient(w.t.app);
    const res = await apply(w, client, validForm(), { lang: 'uk' });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    assert.equal(res.location, '/o/alpha/apply/thanks?lang=uk');
    const thanks = await client.get(res.location!);
    assert.equal(thanks.status, 200);
    assert.match(thanks.body, /<html lang="uk"/);

    const [person] = await query<{ id: string; given_name: string; email: string; locale: string; search_text: string; birth_date: string; organisation_id: string }>(
      w,
      sql`select id, given_name, email, locale, search_text, birth_date::text, organisation_id from people where email = 'olena@example.org'`,
    );
    assert.ok(person);
    assert.equal(person.organisation_id, w.org.id);
    assert.equal(person.locale, 'uk');
    assert.equal(person.search_text, 'олена коваленко olena@example.org | olena kovalenko ~ln~ ~kvlnk~', 'folded, then the transliteration and the skeletons');
    const [v] = await query<Record<string, unknown>>(w, sql`select * from volunteers where person_id = ${person.id}`);
    assert.ok(v);
    assert.equal(v.stage, 'applied');
    assert.equal(v.source, 'form');
    assert.equal(v.locale, 'uk');
    assert.deepEqual(v.interests, ['футбол', 'шахи', 'кулінарія']);
    assert.deepEqual(v.languages, [
      { code: 'uk', level: 'native' },
      { code: 'pl', level: 'B2' },
    ]);
    assert.deepEqual(v.availability, ['mon-morning', 'thu-evening']);
    assert.deepEqual(v.activities, ['mentoring', 'language_help']);
    assert.deepEqual(v.preferred_age_groups, ['children', 'adults']);
    assert.equal(v.preferred_gender, 'female');
    assert.equal(v.hours_per_month, 12);
    assert.equal(v.travel_km, 5);
    assert.equal(v.district, 'Praga-Północ');
    assert.equal(v.works_with_minors, true);
    assert.equal(v.planned_days, null, 'open-ended');
    assert.equal(v.heard_from, 'social_media');
    assert.equal(v.duplicate_of, null);
    assert.equal(v.guardian_token_hash, null);

    const uk = translator('uk');
    const consents = await query<{ purpose: string; lawful_basis: string; text: string }>(w, sql`select purpose, lawful_basis, text from volunteer_consents where volunteer_id = ${v.id} order by purpose`);
    assert.deepEqual(consents, [
      { purpose: 'application', lawful_basis: 'consent', text: uk('volunteers.application.consent.application', { organisation: 'Ośrodek Alfa' }) },
      { purpose: 'newsletter', lawful_basis: 'consent', text: uk('volunteers.application.consent.newsletter', { organisation: 'Ośrodek Alfa' }) },
    ]);
    const events = await query<{ kind: string; to_stage: string; actor_user_id: string | null }>(w, sql`select kind, to_stage, actor_user_id from volunteer_events where volunteer_id = ${v.id}`);
    assert.deepEqual(events, [{ kind: 'applied', to_stage: 'applied', actor_user_id: null }]);
    const audits = await query<{ action: string; organisation_id: string; fields: string[] }>(w, sql`select action, organisation_id, fields from audit_log where entity_id = ${String(v.id)}`);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.action, 'volunteer.apply');
    assert.ok(audits[0]!.fields.includes('motivation') && !audits[0]!.fields.some((f) => f.includes('Хочу')), 'field names, never values');
    const mails = await query<{ locale: string; subject: string; text_body: string }>(w, sql`select locale, subject, text_body from outbox where to_address = 'olena@example.org'`);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.locale, 'uk');
    assert.equal(mails[0]!.subject, uk('volunteers.application.mail.received.subject', { organisation: 'Ośrodek Alfa' }));
    assert.match(mails[0]!.text_body, /Олена/);
    assert.match(mails[0]!.text_body, /http:\/\/tandem\.test\/o\/alpha/);

    assertRowsAdded(before, await counts(w), { people: 1, volunteers: 1, volunteer_consents: 2, outbox: 1, used_form_tokens: 1 });
  });

  it('takes an Arabic name, and a phone number, hours and kilometres typed in Arabic-Indic digits (stored as ASCII digits)', async () => {
    const page = await new TestClient(w.t.app).get(`/o/${w.org.slug}/apply?lang=ar`);
    // A number field (type="number") empties Arabic-Indic digits in Chromium: the server would never see them.
    for (const name of ['hoursPerMonth', 'travelKm']) {
      assert.match(page.body, new RegExp(`name="${name}" type="text"[^>]* inputmode="numeric"`), `${name}: a text field with a numeric keyboard`);
    }
    assert.match(page.body, /name="phone" type="tel"/);
    const res = await apply(w, new TestClient(w.t.app), validForm({ givenName: 'ليلى', familyName: 'حداد', email: 'layla.digits@example.org', phone: '+٤٨ ٦٠١ ٢٣٤ ٥٦٧', hoursPerMonth: '١٢', travelKm: '۱۵' }), { lang: 'ar' });
    assert.equal(res.status, 303, fieldError(res.body, 'phone') ?? fieldError(res.body, 'hoursPerMonth') ?? formErrorOf(res.body) ?? '');
    const [v] = await query<{ given_name: string; phone: string; hours_per_month: number; travel_km: number }>(
      w,
      sql`select p.given_name, p.phone, v.hours_per_month, v.travel_km from volunteers v join people p on p.id = v.person_id where p.email = 'layla.digits@example.org'`,
    );
    assert.deepEqual(v, { given_name: 'ليلى', phone: '+48 601 234 567', hours_per_month: 12, travel_km: 15 });
  });

  it('records only the required consent when the newsletter is not ticked, and maps the planned length', async () => {
    const res = await apply(w, new TestClient(w.t.app), validForm({ email: 'short@example.org', 'consents.newsletter': undefined, plannedLength: 'up_to_30', worksWithMinors: undefined }));
    assert.equal(res.status, 303);
    const [v] = await query<{ id: string; planned_days: number; works_with_minors: boolean }>(w, sql`select v.id, v.planned_days, v.works_with_minors from volunteers v join people p on p.id = v.person_id where p.email = 'short@example.org'`);
    assert.equal(v!.planned_days, 30);
    assert.equal(v!.works_with_minors, false);
    const consents = await query<{ purpose: string }>(w, sql`select purpose from volunteer_consents where volunteer_id = ${v!.id}`);
    assert.deepEqual(consents.map((c) => c.purpose), ['application']);
  });

  it('detects a re-application with the same e-mail: a new application marked duplicate_of the first, an event on both, the same thank-you page', async () => {
    // Someone else than the earlier tests' applicant (same name and birth date would be a duplicate, see below).
    const twin = { givenName: 'Iryna', familyName: 'Bondar', birthDate: '1985-01-02', phone: '+48 600 999 001' };
    const first = await apply(w, new TestClient(w.t.app), validForm({ ...twin, email: 'twice@example.org' }));
    assert.equal(first.status, 303);
    const second = await apply(w, new TestClient(w.t.app), validForm({ email: 'TWICE@example.org', givenName: 'Olena', familyName: 'Bondar', birthDate: '1986-03-03', phone: '+48 600 999 002' }));
    assert.equal(second.status, 303);
    assert.equal(second.location, first.location, 'the applicant is not told the address is known');
    const rows = await query<{ id: string; duplicate_of: string | null }>(w, sql`select v.id, v.duplicate_of from volunteers v join people p on p.id = v.person_id where p.email = 'twice@example.org' order by v.applied_at`);
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.duplicate_of, null);
    assert.equal(rows[1]!.duplicate_of, rows[0]!.id);
    const dupEvents = await query<{ volunteer_id: string; detail: Record<string, string> }>(w, sql`select volunteer_id, detail from volunteer_events where kind = 'duplicate' and volunteer_id in (${rows[0]!.id}, ${rows[1]!.id})`);
    assert.equal(dupEvents.length, 2);
    assert.deepEqual(dupEvents.find((e) => e.volunteer_id === rows[0]!.id)?.detail, { by: rows[1]!.id });
    assert.deepEqual(dupEvents.find((e) => e.volunteer_id === rows[1]!.id)?.detail, { of: rows[0]!.id });
    // A third keeps pointing at the first application.
    await apply(w, new TestClient(w.t.app), validForm({ ...twin, email: 'twice@example.org' }));
    const third = await query<{ duplicate_of: string }>(w, sql`select v.duplicate_of from volunteers v join people p on p.id = v.person_id where p.email = 'twice@example.org' order by v.applied_at desc limit 1`);
    assert.equal(third[0]!.duplicate_of, rows[0]!.id);
    // The same address in another organisation is not a duplicate there.
    const elsewhere = await apply(w, new TestClient(w.t.app), validForm({ email: 'twice@example.org' }), { slug: 'beta', orgId: w.other.id });
    assert.equal(elsewhere.status, 303);
    const beta = await query<{ duplicate_of: string | null }>(w, sql`select duplicate_of from volunteers where organisation_id = ${w.other.id}`);
    assert.deepEqual(beta, [{ duplicate_of: null }]);
  });

  it('flags a re-application under the same name in another script with the same birth date or phone, not a namesake', async () => {
    const duplicateOf = async (email: string) =>
      (await query<{ id: string; duplicate_of: string | null }>(w, sql`select v.id, v.duplicate_of from volunteers v join people p on p.id = v.person_id where p.email = ${email}`))[0]!;
    const first = { givenName: 'Мирослава', familyName: 'Ткаченко', birthDate: '1979-02-03', phone: '+48 601 555 123' };
    assert.equal((await apply(w, new TestClient(w.t.app), validForm({ ...first, email: 'myroslava@example.org' }))).status, 303);
    const original = await duplicateOf('myroslava@example.org');
    assert.equal(original.duplicate_of, null);

    // Polish spelling, word order swapped, another e-mail and phone — the same birth date.
    await apply(w, new TestClient(w.t.app), validForm({ givenName: 'Tkaczenko', familyName: 'Mirosława', birthDate: '1979-02-03', phone: '+48 700 000 001', email: 'm.tkaczenko@example.org' }));
    assert.equal((await duplicateOf('m.tkaczenko@example.org')).duplicate_of, original.id, 'Latin "Mirosława Tkaczenko" is "Мирослава Ткаченко"');
    // The national transliteration with the same phone written otherwise, no birth date given.
    await apply(w, new TestClient(w.t.app), validForm({ givenName: 'Myroslava', familyName: 'Tkachenko', birthDate: undefined, phone: '0048601555123', email: 'myroslava.t@example.org' }));
    assert.equal((await duplicateOf('myroslava.t@example.org')).duplicate_of, original.id);
    // A namesake born on another day, with another phone, is someone else.
    await apply(w, new TestClient(w.t.app), validForm({ givenName: 'Myroslava', familyName: 'Tkachenko', birthDate: '1991-07-07', phone: '+48 602 000 002', email: 'namesake@example.org' }));
    assert.equal((await duplicateOf('namesake@example.org')).duplicate_of, null);
  });

  it('answers 404 for an unknown organisation', async () => {
    const client = new TestClient(w.t.app);
    assert.equal((await client.get('/o/no-such-org/apply')).status, 404);
    assert.equal((await client.get(`/o/${'x'.repeat(80)}/apply`)).status, 404);
    await client.get('/o/alpha/apply?lang=en');
    const before = await counts(w);
    const res = await client.post('/o/no-such-org/apply', { ...validForm({ email: 'ghost@example.org' }), _form: await backdatedToken(w, w.org.id), website: '' });
    assert.equal(res.status, 404);
    assert.deepEqual(await counts(w), before);
  });

  it('"Add another language" shows one more row, keeps what was typed and writes nothing (no JavaScript needed)', async () => {
    const client = new TestClient(w.t.app);
    const before = await counts(w);
    const first = await client.get('/o/alpha/apply?lang=en');
    assert.equal((first.body.match(/name="languages\.\d+\.code"/g) ?? []).length, 5);
    const form = validForm({ email: 'rows@example.org' });
    for (let i = 2; i < 5; i++) Object.assign(form, { [`languages.${i}.code`]: ['en', 'de', 'ru'][i - 2]!, [`languages.${i}.level`]: 'A2' });
    const token = /name="_form" value="([^"]+)"/.exec(first.body)![1]!;
    const res = await client.post('/o/alpha/apply?lang=en', { ...form, _form: token, website: '', _add: 'language' });
    assert.equal(res.status, 200);
    assert.equal((res.body.match(/name="languages\.\d+\.code"/g) ?? []).length, 8);
    assert.match(res.body, /<option value="ru" selected>/);
    assert.match(res.body, /value="rows@example.org"/);
    assert.deepEqual(await counts(w), before);
  });
});

describe('bad input: a clear message next to the field, nothing written', () => {
  const cases: { name: string; change: Record<string, string | string[] | undefined>; field: string; message: RegExp }[] = [
    { name: 'missing required consent', change: { 'consents.application': undefined }, field: 'consents.application', message: /only consider your application with this consent/ },
    { name: 'impossible date', change: { birthDate: '2023-02-30' }, field: 'birthDate', message: /real date/ },
    { name: 'birth date in the future', change: { birthDate: '2999-01-01' }, field: 'birthDate', message: /cannot be in the future/ },
    { name: 'birth date before 1900', change: { birthDate: '1899-12-31' }, field: 'birthDate', message: /before 1900/ },
    { name: '100 KB in a name', change: { givenName: 'A'.repeat(100_000) }, field: 'givenName', message: /at most 100 characters/ },
    { name: 'missing e-mail', change: { email: undefined }, field: 'email', message: /Fill in this field|e-mail address like/ },
    { name: 'bad e-mail', change: { email: 'not-an-address' }, field: 'email', message: /e-mail address like/ },
    { name: 'unknown activity', change: { activities: ['mentoring', 'hacking'] }, field: 'activities', message: /Choose one of the options/ },
    { name: 'no activity', change: { activities: undefined }, field: 'activities', message: /Choose at least 1 option|Fill in/ },
    { name: 'unknown availability slot', change: { availability: ['mon-night'] }, field: 'availability', message: /Choose one of the options/ },
    { name: 'unknown gender', change: { preferredGender: 'robot' }, field: 'preferredGender', message: /Choose one of the options/ },
    { name: 'unknown heard-from', change: { heardFrom: '<b>x</b>' }, field: 'heardFrom', message: /Choose one of the options/ },
    { name: 'unknown language', change: { 'languages.1.code': 'xx' }, field: 'languages.1.code', message: /Choose one of the options/ },
    { name: 'language without level', change: { 'languages.1.level': '' }, field: 'languages.1.level', message: /Choose one of the options|Fill in/ },
    { name: 'unknown planned length', change: { plannedLength: 'forever' }, field: 'plannedLength', message: /Choose one of the options/ },
    { name: 'missing planned length', change: { plannedLength: undefined }, field: 'plannedLength', message: /Fill in|Choose one/ },
    { name: 'hours out of range', change: { hoursPerMonth: '201' }, field: 'hoursPerMonth', message: /at most 200/ },
    { name: 'hours not a number', change: { hoursPerMonth: 'lots' }, field: 'hoursPerMonth', message: /not valid|number/ },
    { name: 'negative travel', change: { travelKm: '-1' }, field: 'travelKm', message: /at least 0/ },
    { name: 'motivation over 2000', change: { motivation: 'm'.repeat(2001) }, field: 'motivation', message: /at most 2,?000 characters/ },
    { name: 'interest over 60', change: { interests: `chess, ${'i'.repeat(61)}` }, field: 'interests', message: /at most 60 characters/ },
    { name: 'more than 20 interests', change: { interests: Array.from({ length: 21 }, (_, i) => `hobby${i}`).join(',') }, field: 'interests', message: /at most 20/ },
    { name: 'bad phone', change: { phone: 'call me maybe' }, field: 'phone', message: /phone number/ },
    { name: 'control characters', change: { familyName: 'Ko\u0007val' }, field: 'familyName', message: /control characters/ },
    { name: 'a line break in a name', change: { givenName: 'Olena\r\nBcc: victim@example.org' }, field: 'givenName', message: /control characters/ },
    { name: 'a tab in a single-line field', change: { profession: 'Teacher\tof maths' }, field: 'profession', message: /control characters/ },
    { name: 'a link in a name', change: { familyName: 'Visit https://spam.example' }, field: 'familyName', message: /without web or e-mail addresses/ },
    { name: 'an e-mail address in a name', change: { givenName: 'win@spam.example' }, field: 'givenName', message: /without web or e-mail addresses/ },
    {
      name: 'a link as the guardian’s name',
      change: { birthDate: `${new Date().getUTCFullYear() - 15}-01-01`, guardianName: 'www.spam.example', guardianEmail: 'guardian@example.org' },
      field: 'guardianName',
      message: /without web or e-mail addresses/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await counts(w);
      const res = await apply(w, new TestClient(w.t.app), validForm({ email: `bad-${Math.random()}@example.org`, ...c.change }));
      assert.equal(res.status, 422, res.body.slice(0, 300));
      assert.match(fieldError(res.body, c.field) ?? '(no message)', c.message);
      assert.match(res.body, /<div class="error-summary" role="alert"/);
      assert.deepEqual(await counts(w), before);
    });
  }

  it('a given name with CR/LF is refused next to the field in the visitor’s language, and nothing is written or mailed', async () => {
    const pl = translator('pl');
    const before = await counts(w);
    const res = await apply(w, new TestClient(w.t.app), validForm({ email: 'victim@example.org', givenName: 'Olena\r\nBcc: everyone@example.org' }), { lang: 'pl' });
    assert.equal(res.status, 422);
    assert.match(res.body, /<html lang="pl"/);
    assert.equal(fieldError(res.body, 'givenName'), pl('validation.controlChars'));
    assert.deepEqual(await counts(w), before, 'no person, volunteer, consent, event, audit entry or mail');
  });

  it('keeps a motivation on several lines, every line break stored as \\n', async () => {
    const res = await apply(w, new TestClient(w.t.app), validForm({ email: 'lines@example.org', motivation: 'Line one\r\nLine two\r\n\r\nLine\tthree' }));
    assert.equal(res.status, 303, fieldError(res.body, 'motivation'));
    const [stored] = await query<{ motivation: string }>(w, sql`select v.motivation from volunteers v join people p on p.id = v.person_id where p.email = 'lines@example.org'`);
    assert.equal(stored!.motivation, 'Line one\nLine two\n\nLine\tthree');
  });

  it('more than 20 language rows', async () => {
    const rows: Record<string, string> = {};
    for (let i = 0; i < 21; i++) Object.assign(rows, { [`languages.${i}.code`]: 'en', [`languages.${i}.level`]: 'B1' });
    const before = await counts(w);
    const res = await apply(w, new TestClient(w.t.app), { ...validForm({ email: 'many@example.org' }), ...rows });
    assert.equal(res.status, 422);
    assert.match(fieldError(res.body, 'languages') ?? '', /at most 20/);
    assert.deepEqual(await counts(w), before);
  });

  it('an applicant under 18 without a guardian is asked for one, in their language', async () => {
    const birth = `${new Date().getUTCFullYear() - 15}-01-01`;
    const before = await counts(w);
    const res = await apply(w, new TestClient(w.t.app), validForm({ email: 'young@example.org', birthDate: birth }), { lang: 'pl' });
    assert.equal(res.status, 422);
    const pl = translator('pl');
    assert.equal(fieldError(res.body, 'guardianName'), pl('volunteers.application.guardianRequired'));
    assert.equal(fieldError(res.body, 'guardianEmail'), pl('volunteers.application.guardianRequired'));
    assert.match(res.body, /<html lang="pl"/);
    assert.deepEqual(await counts(w), before);
  });

  it('keeps HTML and script inert: in the re-rendered form and when a coordinator views a stored application', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const texts = ['givenName', 'familyName', 'profession', 'education', 'district', 'motivation', 'guardianName'];
    const withHtml = Object.fromEntries(texts.map((f) => [f, `${f}${evil}`]));
    const bad = await apply(w, new TestClient(w.t.app), validForm({ ...withHtml, interests: `a${evil}`, email: 'html@example.org', hoursPerMonth: '999' }));
    assert.equal(bad.status, 422);
    assert.doesNotMatch(bad.body, /<script>alert/);
    assert.doesNotMatch(bad.body, /<img src=x/);
    assert.match(bad.body, /value="givenName&lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(2\)>"/);
    assert.match(bad.body, /<textarea[^>]*>motivation&lt;script>alert\(1\)/);

    const ok = await apply(w, new TestClient(w.t.app), validForm({ ...withHtml, givenName: `G${evil}`.slice(0, 100), interests: 'chess', email: 'html@example.org' }));
    assert.equal(ok.status, 303);
    const [stored] = await query<{ id: string; motivation: string }>(w, sql`select p.id, v.motivation from volunteers v join people p on p.id = v.person_id where p.email = 'html@example.org'`);
    assert.equal(stored!.motivation, `motivation${evil}`, 'kept as typed');
    const { client } = await signedIn(w, ['coordinator']);
    const view = await client.get(`/people/${stored!.id}`);
    assert.equal(view.status, 200);
    assert.doesNotMatch(view.body, /<script>alert/);
    assert.match(view.body, /&lt;script>alert\(1\)/);
    const [mail] = await query<{ html_body: string }>(w, sql`select html_body from outbox where to_address = 'html@example.org'`);
    assert.doesNotMatch(mail!.html_body, /<script>alert/);
  });
});

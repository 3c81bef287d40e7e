/**
 * Matching data that cannot silently fail (issue 11 point 3), through the real HTTP server and database: the
 * volunteer's gender from her application reaches matching; an unknown gender left out by a mentee's wish is named
 * (suggestions page and batch run); the distance limit is set per programme.
 *   npm test -- --only=pglite src/modules/matching/matching-data.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { withSystem } from '../../core/db/tx.js';
import { appSecret } from '../../core/http/secrets.js';
import { TestClient } from '../../core/testing/client.js';
import { issueFormToken, volunteers } from '../volunteers/index.js';
import { mentees } from '../mentees/index.js';
import { organisations, people, programmes } from '../../core/tenancy/tenancy.table.js';
import { backdatedToken } from '../volunteers/testing.js';
import { matchRunUnmatched } from './matching.table.js';
import { auditEntries, createDistrict, createMentee, createProgramme, createVolunteer, freshOrganisation, signedIn, suggestedNames, textOf, useWorld } from './test-helpers.js';

const w = useWorld();

/** Applies through the public form of organisation `alfa` and returns the new volunteer, approved for matching. */
async function applyAs(givenName: string, extra: Record<string, string>): Promise<{ volunteerId: string; gender: string | null }> {
  const client = new TestClient(w.t.app);
  await client.get('/o/alfa/apply?lang=en');
  const token = await backdatedToken(w, w.org.id);
  const res = await client.post('/o/alfa/apply?lang=en', {
    _form: token,
    website: '',
    givenName,
    familyName: 'Zgłoszona',
    email: `${givenName.toLowerCase()}@example.org`,
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    activities: ['leisure'],
    plannedLength: 'open',
    'consents.application': 'yes',
    ...extra,
  });
  assert.equal(res.status, 303, textOf(res.body).slice(0, 400));
  const [row] = await withSystem(w.db, (tx) =>
    tx
      .select({ id: volunteers.id, gender: people.gender })
      .from(volunteers)
      .innerJoin(people, eq(people.id, volunteers.personId))
      .where(and(eq(volunteers.organisationId, w.org.id), eq(people.givenName, givenName))),
  );
  // Approval is another story (pipeline tests); matching takes approved volunteers.
  await withSystem(w.db, (tx) => tx.update(volunteers).set({ stage: 'approved' }).where(eq(volunteers.id, row!.id)));
  return { volunteerId: row!.id, gender: row!.gender };
}

describe('the volunteer’s gender from her application', () => {
  it('asks it as optional with four choices in every language, stores it where matching reads it, and only woman/man satisfy a wish', async () => {
    const form = new TestClient(w.t.app);
    const en = textOf((await form.get('/o/alfa/apply?lang=en')).body);
    assert.match(en, /Your gender \(optional\)/);
    assert.match(en, /Woman Man Another gender Prefer not to say/);
    assert.match(textOf((await form.get('/o/alfa/apply?lang=pl')).body), /Kobieta Mężczyzna Inna Wolę nie podawać/);
    assert.match(textOf((await form.get('/o/alfa/apply?lang=ar')).body), /جنسكم/);
    const bad = await form.post('/o/alfa/apply?lang=en', { _form: await backdatedToken(w, w.org.id), website: '', gender: 'robot' });
    assert.equal(bad.status, 422);

    const hanna = await applyAs('Hanna', { gender: 'female' });
    const quiet = await applyAs('Iga', { gender: 'undisclosed' });
    const another = await applyAs('Jules', { gender: 'other' });
    const unasked = await applyAs('Kasia', {});
    assert.deepEqual([hanna.gender, quiet.gender, another.gender, unasked.gender], ['female', 'undisclosed', 'other', null]);

    const mentee = await createMentee(w, w.org.id, { givenName: 'Oksana', familyName: 'Chce', languages: [{ code: 'uk', level: 'native' }], preferredVolunteerGender: 'female' });
    const { client } = await signedIn(w, ['coordinator']);
    const page = await client.get(`/matching/mentees/${mentee}`);
    assert.equal(page.status, 200);
    assert.deepEqual(suggestedNames(page.body), ['Hanna Zgłoszona'], '"another" and "prefer not to say" are not a woman');
    // Only the never-asked gender is named as missing: a stated "prefer not to say" or "another" is an answer.
    const text = textOf(page.body);
    assert.match(text, /The person asked for a female volunteer, so volunteers whose gender is not recorded are left out\. 1 of them would otherwise fit:/);
    assert.match(page.body, new RegExp(`href="/matching/volunteers/${unasked.volunteerId}#profile">Record the gender of Kasia Zgłoszona</a>`));
    assert.doesNotMatch(page.body, new RegExp(`/matching/volunteers/(${quiet.volunteerId}|${another.volunteerId})#profile`));

    // The staff form where it is recorded shows the applicant's answer, and accepts "prefer not to say".
    const staff = await client.get(`/matching/volunteers/${quiet.volunteerId}`);
    assert.match(staff.body, /<option value="undisclosed" selected>Prefers not to say<\/option>/);
    assert.equal((await client.post(`/matching/volunteers/${unasked.volunteerId}/profile`, { capacity: '1', gender: 'female' })).status, 303);
    const after = await client.get(`/matching/mentees/${mentee}`);
    assert.deepEqual(suggestedNames(after.body).sort(), ['Hanna Zgłoszona', 'Kasia Zgłoszona']);
    assert.doesNotMatch(after.body, /id="gender-unknown"/);
  });
});

describe('a wish for a woman or a man that leaves out unknown genders is never silent', () => {
  it('the suggestions page names them in plain words with links, in Polish too; without a wish nothing is said', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['social_worker'], { organisationId: org.id });
    const nobody = await createVolunteer(w, org.id, { givenName: 'Lena', familyName: 'Nieznana', gender: null });
    await createVolunteer(w, org.id, { givenName: 'Marek', familyName: 'Mężczyzna', gender: 'male' });
    const wants = await createMentee(w, org.id, { givenName: 'Nadia', familyName: 'Prosi', preferredVolunteerGender: 'female' });
    const page = textOf((await client.get(`/matching/mentees/${wants}`)).body);
    assert.match(page, /No volunteer fits yet\./);
    assert.match(page, /1 of them would otherwise fit: Record the gender of Lena Nieznana/);
    const pl = textOf((await client.get(`/matching/mentees/${wants}?lang=pl`)).body);
    assert.match(pl, /Osoba prosi o wolontariuszkę, więc pomijane są osoby bez zapisanej płci\. Pasowałaby 1 taka osoba: Zapisz płeć: Lena Nieznana/);
    await client.get('/matching?lang=en');

    const any = await createMentee(w, org.id, { givenName: 'Olga', familyName: 'Obojętnie' });
    const anyPage = await client.get(`/matching/mentees/${any}`);
    assert.doesNotMatch(anyPage.body, /id="gender-unknown"/);
    assert.ok(suggestedNames(anyPage.body).includes('Lena Nieznana'));
    assert.ok(nobody);
  });

  it('the batch run reports who stayed unmatched because of it, as a reason in plain words', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['coordinator'], { organisationId: org.id });
    await createVolunteer(w, org.id, { givenName: 'Paula', familyName: 'Bezpłci', gender: null, activities: ['leisure'] });
    const petra = await createMentee(w, org.id, { givenName: 'Petra', familyName: 'Czeka', needs: ['leisure'], preferredVolunteerGender: 'female' });
    await client.get('/matching/batch');
    const res = await client.post('/matching/batch', { programmeId: 'all' });
    assert.equal(res.status, 303, textOf(res.body).slice(0, 300));
    const runId = res.location!.split('/').pop()!;
    const [row] = await withSystem(w.db, (tx) => tx.select().from(matchRunUnmatched).where(and(eq(matchRunUnmatched.runId, runId), eq(matchRunUnmatched.menteeId, petra))));
    assert.deepEqual(row!.leftOut, { count: 1, byKey: { mentee_gender_preference: 1 }, genderUnknown: 1 });
    const text = textOf((await client.get(`/matching/batch/${runId}`)).body);
    assert.match(
      text,
      /Petra Czeka No volunteer fits\. 1 volunteer left out: 1 because of the person's gender preference\. 1 volunteer would fit, but was left out because this person asked for a woman or a man as volunteer and that volunteer’s gender is not recorded: recording it would help\./,
    );
  });
});

describe('the distance limit per programme', () => {
  it('defaults to 15 km, is set on the programme’s weights page (1–200, audited), and scoring and the reason use it', async () => {
    const org = await freshOrganisation(w);
    const admin = (await signedIn(w, ['coordinator'], { organisationId: org.id })).client;
    // About 30 km apart (0.27° of latitude).
    await createDistrict(w, org.id, 'Wieś Północna', 52.27, 21.0);
    await createDistrict(w, org.id, 'Wieś Południowa', 52.0, 21.0);
    const rural = (await createProgramme(w, 'Program wiejski', { organisationId: org.id })).id;
    const city = (await createProgramme(w, 'Program miejski', { organisationId: org.id })).id;
    const form = await admin.get(`/matching/settings/weights/${rural}`);
    assert.match(form.body, /name="maxDistanceKm" type="text" value="15"[^>]* inputmode="numeric"/);
    for (const bad of ['0', '201', '2.5', 'daleko']) {
      const res = await admin.post(`/matching/settings/weights/${rural}`, { language: '25', availability: '20', distance: '15', interests: '10', needs: '20', waiting: '10', maxDistanceKm: bad });
      assert.equal(res.status, 422, bad);
      assert.match(textOf(res.body), /Enter a whole number of kilometres from 1 to 200\./);
    }
    const ok = await admin.post(`/matching/settings/weights/${rural}`, { language: '25', availability: '20', distance: '15', interests: '10', needs: '20', waiting: '10', maxDistanceKm: '40' });
    assert.equal(ok.status, 303);
    const [stored] = await withSystem(w.db, (tx) => tx.select({ km: programmes.matchingMaxDistanceKm }).from(programmes).where(eq(programmes.id, rural)));
    assert.equal(stored!.km, 40);
    assert.ok((await auditEntries(w, org.id, 'programme.weights')).some((a) => a.entityId === rural && a.fields?.includes('maxDistanceKm')));
    assert.match(textOf((await admin.get('/matching/settings')).body), /Longest distance: 40 km/);

    await createVolunteer(w, org.id, { givenName: 'Rafał', familyName: 'Daleki', district: 'Wieś Północna', activities: ['leisure'] });
    const far = await createMentee(w, org.id, { givenName: 'Roksana', familyName: 'Wiejska', programmeId: rural, district: 'Wieś Południowa', needs: ['leisure'] });
    const near = await createMentee(w, org.id, { givenName: 'Sara', familyName: 'Miejska', programmeId: city, district: 'Wieś Południowa', needs: ['leisure'] });
    const ruralPage = textOf((await admin.get(`/matching/mentees/${far}`)).body);
    assert.match(ruralPage, /30 km apart \(3\.\d+ of 15 points\)/, 'a non-zero distance score at 30 km with a 40 km limit');
    assert.doesNotMatch(ruralPage, /beyond the programme's limit/);
    const cityPage = textOf((await admin.get(`/matching/mentees/${near}`)).body);
    assert.match(cityPage, /30 km apart, beyond the programme's limit of 15 km \(0 of 15 points\)/);

    // "Restore the defaults" returns the limit to 15 km too.
    assert.equal((await admin.post(`/matching/settings/weights/${rural}/reset`)).status, 303);
    const [reset] = await withSystem(w.db, (tx) => tx.select({ km: programmes.matchingMaxDistanceKm }).from(programmes).where(eq(programmes.id, rural)));
    assert.equal(reset!.km, 15);
  });
});

describe('districts chosen from the organisation’s list', () => {
  /** Posts the public request form of `slug` (only the fields this test needs; district as given). */
  async function request(slug: string, organisationId: string, district: Record<string, string>) {
    const client = new TestClient(w.t.app);
    await client.get(`/o/${slug}/request?lang=en`);
    const token = issueFormToken(await appSecret(w.db, 'mentee-request-hmac'), organisationId, Date.now() - 10_000);
    return client.post(`/o/${slug}/request?lang=en`, {
      _form: token,
      website: '',
      givenName: 'Rita',
      familyName: `Prosząca${Math.random().toString(36).slice(2, 6)}`,
      age: '30',
      email: 'rita@example.org',
      locale: 'en',
      needs: ['leisure'],
      'languages.0.code': 'uk',
      'languages.0.level': 'native',
      'consents.support': 'yes',
      'consents.contactEmail': 'yes',
      ...district,
    });
  }

  it('the application and request forms offer the list, match a name without diacritics, refuse others unless the organisation allows "another place"', async () => {
    const org = await freshOrganisation(w);
    const slug = (await withSystem(w.db, (tx) => tx.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, org.id))))[0]!.slug;
    await createDistrict(w, org.id, 'Śródmieście', 52.2297, 21.0122);
    await createDistrict(w, org.id, 'Mokotów', 52.1935, 21.0455);
    const apply = async (givenName: string, district: Record<string, string>) => {
      const client = new TestClient(w.t.app);
      await client.get(`/o/${slug}/apply?lang=en`);
      return client.post(`/o/${slug}/apply?lang=en`, {
        _form: await backdatedToken(w, org.id),
        website: '',
        givenName,
        familyName: 'Dzielnicowa',
        email: `${givenName.toLowerCase()}@example.org`,
        activities: ['leisure'],
        plannedLength: 'open',
        'consents.application': 'yes',
        ...district,
      });
    };
    const districtOf = async (givenName: string) =>
      (await withSystem(w.db, (tx) => tx.select({ d: volunteers.district }).from(volunteers).innerJoin(people, eq(people.id, volunteers.personId)).where(and(eq(volunteers.organisationId, org.id), eq(people.givenName, givenName)))))[0]?.d;

    const form = await new TestClient(w.t.app).get(`/o/${slug}/apply?lang=en`);
    assert.match(form.body, /<select id="f-district" name="district"/);
    assert.match(form.body, /<option value="Śródmieście">Śródmieście<\/option>/);
    assert.match(form.body, /data-filter-select="Search the list of districts"/, 'the search box of app.js (progressive enhancement)');
    assert.doesNotMatch(form.body, /name="districtOther"/, '"another place" is off by default');

    assert.equal((await apply('Ala', { district: 'srodmiescie' })).status, 303);
    assert.equal(await districtOf('Ala'), 'Śródmieście', 'typed without diacritics, stored as the list spells it');
    const refused = await apply('Beata', { district: 'Wola' });
    assert.equal(refused.status, 422);
    assert.match(textOf(refused.body), /Choose a district from the list\./);
    assert.equal(await districtOf('Beata'), undefined, 'nothing written');
    const req = await request(slug, org.id, { district: 'Wola' });
    assert.equal(req.status, 422);
    assert.equal((await request(slug, org.id, { district: 'MOKOTOW' })).status, 303);
    const [m] = await withSystem(w.db, (tx) => tx.select({ d: mentees.district }).from(mentees).where(eq(mentees.organisationId, org.id)));
    assert.equal(m!.d, 'Mokotów');

    // The organisation allows another place, on the matching settings page (audited).
    const { client: admin } = await signedIn(w, ['administrator'], { organisationId: org.id });
    const settings = await admin.get('/matching/settings');
    assert.match(settings.body, /name="otherAllowed" value="true"(?! checked)/);
    assert.equal((await admin.post('/matching/settings/districts/other', { otherAllowed: 'true' })).status, 303);
    assert.equal((await auditEntries(w, org.id, 'organisation.district_other')).length, 1);
    const withOther = await new TestClient(w.t.app).get(`/o/${slug}/apply?lang=en`);
    assert.match(withOther.body, /<option value="_other">Another place \(type it below\)<\/option>/);
    assert.match(withOther.body, /name="districtOther"/);
    assert.equal((await apply('Celina', { district: '_other', districtOther: 'Wola' })).status, 303);
    assert.equal(await districtOf('Celina'), 'Wola');
    const empty = await apply('Dorota', { district: '_other', districtOther: '' });
    assert.equal(empty.status, 422);
    assert.match(textOf(empty.body), /Type the place, or choose a district from the list\./);
    assert.equal((await request(slug, org.id, { district: '_other', districtOther: 'Wola' })).status, 303);
    // And back off: a place outside the list is refused again.
    assert.equal((await admin.post('/matching/settings/districts/other', {})).status, 303);
    assert.equal((await apply('Ewa', { district: '_other', districtOther: 'Wola' })).status, 422);
  });
});

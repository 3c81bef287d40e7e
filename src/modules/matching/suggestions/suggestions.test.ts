/**
 * Suggestions for one mentee and one volunteer, through the real HTTP server and database.
 *   npx tsx scripts/test.ts --only=unit src/modules/matching/suggestions/suggestions.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { volunteers } from '../../volunteers/index.js';
import { matches } from '../matching.table.js';
import type { Need } from '../../mentees/index.js';
import { addSafeguardingCheck, auditEntries, countRows, createDistrict, createMentee, createVolunteer, signedIn, suggestedNames, textOf, useWorld, type World } from '../test-helpers.js';

const w = useWorld();
before(async () => {
  await createDistrict(w, w.org.id, 'Śródmieście', 52.2297, 21.0122);
  await createDistrict(w, w.org.id, 'Mokotów', 52.1935, 21.0455);
});

/** An active match inserted directly, to fill a volunteer's places. */
async function occupy(volunteerId: string, needs: Need[] = ['leisure']) {
  const menteeId = await createMentee(w, w.org.id, { givenName: 'Zajęty', familyName: `Z${Math.random().toString(36).slice(2, 7)}`, status: 'matched', needs });
  await withTenant(w.db, { organisationId: w.org.id, userId: null }, (tx) => tx.insert(matches).values({ organisationId: w.org.id, menteeId, volunteerId, needs }));
}

describe('suggestions for one mentee', () => {
  it('lists eligible volunteers best first with reasons in English and Polish, never an ineligible one', async () => {
    const { client, user } = await signedIn(w, ['social_worker']);
    const olena = await createMentee(w, w.org.id, {
      givenName: 'Olena',
      familyName: 'Kovalenko',
      needs: ['school_help', 'language_practice'],
      languages: [{ code: 'uk', level: 'native' }, { code: 'pl', level: 'A2' }],
      availability: ['tue-afternoon', 'thu-afternoon', 'sat-morning'],
      district: 'Śródmieście',
      interests: ['football'],
      preferredVolunteerGender: 'female',
      minor: true,
      daysWaiting: 45,
    });
    const best = await createVolunteer(w, w.org.id, {
      givenName: 'Anna',
      familyName: 'Nowak',
      capacity: 2,
      languages: [{ code: 'uk', level: 'B2' }, { code: 'pl', level: 'native' }],
      availability: ['tue-afternoon', 'thu-afternoon', 'mon-morning'],
      district: 'Śródmieście',
      interests: ['Football'],
      activities: ['school_help', 'language_help'],
    });
    const second = await createVolunteer(w, w.org.id, { givenName: 'Beata', familyName: 'Zielińska', languages: [{ code: 'pl', level: 'native' }], availability: ['tue-afternoon'], district: 'Mokotów', activities: ['school_help'], stage: 'active' });
    const noCheck = await createVolunteer(w, w.org.id, { givenName: 'Celina', familyName: 'Bezsprawdzenia', languages: [{ code: 'uk', level: 'native' }] });
    const man = await createVolunteer(w, w.org.id, { givenName: 'Dawid', familyName: 'Mężczyzna', gender: 'male', languages: [{ code: 'uk', level: 'native' }] });
    const full = await createVolunteer(w, w.org.id, { givenName: 'Ewa', familyName: 'Pełna', capacity: 1, languages: [{ code: 'uk', level: 'native' }] });
    const excluded = await createVolunteer(w, w.org.id, { givenName: 'Fiona', familyName: 'Wykluczona', languages: [{ code: 'uk', level: 'native' }] });
    const applied = await createVolunteer(w, w.org.id, { givenName: 'Gosia', familyName: 'Kandydatka', stage: 'applied' });
    const foreign = await createVolunteer(w, w.other.id, { givenName: 'Hanna', familyName: 'Obca' });
    for (const id of [best, second, man, full, excluded, applied, foreign]) await addSafeguardingCheck(w, id === foreign ? w.other.id : w.org.id, id, user.userId);
    await occupy(full);
    // Issue 11: the KRK information alone does not clear anyone for minors (the register check is missing too).
    const krkOnly = await createVolunteer(w, w.org.id, { givenName: 'Irena', familyName: 'Tylkokrk', languages: [{ code: 'uk', level: 'native' }] });
    await addSafeguardingCheck(w, w.org.id, krkOnly, user.userId, '2099-01-01', ['pl_criminal_record']);

    // Rule the pair out through the page, as a social worker would.
    await client.get(`/matching/mentees/${olena}`);
    const ex = await client.post('/matching/exclusions', { menteeId: olena, volunteerId: excluded, reason: 'Znają się prywatnie', from: 'mentee' });
    assert.equal(ex.status, 303);

    const page = await client.get(`/matching/mentees/${olena}`);
    assert.equal(page.status, 200);
    assert.deepEqual(suggestedNames(page.body), ['Anna Nowak', 'Beata Zielińska']);
    const text = textOf(page.body);
    assert.match(text, /both speak Ukrainian and Polish; 2 common free slots on Tuesday and Thursday; in the same district; both like football/);
    assert.match(text, /2 volunteers fit/);
    assert.match(text, /5 volunteers left out: /);
    assert.match(text, /2 because a safeguarding check is missing/);
    assert.match(text, /1 because of the person's gender preference/);
    assert.match(text, /1 because the places are all taken/);
    assert.match(text, /1 because a coordinator excluded the pair/);
    assert.match(text, /This person is a minor/);
    assert.ok(!/Bezsprawdzenia|Tylkokrk|Mężczyzna|Pełna|Kandydatka|Obca/.test(suggestedNames(page.body).join()), 'no ineligible volunteer is listed');
    // The exclusion is listed with its reason and can be lifted.
    assert.match(text, /Pairs ruled out .*Fiona Wykluczona Znają się prywatnie/);

    const pl = await signedIn(w, ['coordinator'], { locale: 'pl' });
    const polish = textOf((await pl.client.get(`/matching/mentees/${olena}`)).body);
    assert.match(polish, /wspólne języki: ukraiński i polski; 2 wspólne wolne pory: wtorek i czwartek; ta sama dzielnica; wspólne zainteresowanie: football/);
    assert.match(polish, /Pominięto 5 wolontariuszy: /);
    assert.match(polish, /Pasuje 2 wolontariuszy/);

    const views = await auditEntries(w, w.org.id, 'matching.suggestions.view');
    assert.ok(views.some((a) => a.entityId === olena && a.actorUserId === user.userId));
    assert.equal((await auditEntries(w, w.org.id, 'match_exclusion.create')).length, 1);
  });

  it('filters by district, language and weekday; full volunteers only on request, marked and without a match button', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const m = await createMentee(w, w.org.id, { givenName: 'Iryna', familyName: 'Filtrowa', needs: ['leisure'], languages: [{ code: 'uk', level: 'B1' }], district: 'Mokotów' });
    const a = await createVolunteer(w, w.org.id, { givenName: 'Jola', familyName: 'Mokotowska', district: 'Mokotów', languages: [{ code: 'uk', level: 'B1' }], availability: ['wed-evening'] });
    await createVolunteer(w, w.org.id, { givenName: 'Kasia', familyName: 'Centralna', district: 'Śródmieście', languages: [{ code: 'de', level: 'C1' }], availability: ['fri-morning'] });
    const full = await createVolunteer(w, w.org.id, { givenName: 'Lena', familyName: 'Zajęta', district: 'Mokotów', capacity: 1 });
    await occupy(full);
    const byDistrict = suggestedNames((await client.get(`/matching/mentees/${m}?district=mokot%C3%B3w`)).body);
    assert.ok(byDistrict.includes('Jola Mokotowska') && !byDistrict.includes('Kasia Centralna'), byDistrict.join());
    assert.deepEqual(suggestedNames((await client.get(`/matching/mentees/${m}?language=de`)).body), ['Kasia Centralna']);
    assert.deepEqual(suggestedNames((await client.get(`/matching/mentees/${m}?weekday=wed`)).body), ['Jola Mokotowska']);
    assert.ok(!suggestedNames((await client.get(`/matching/mentees/${m}?district=Mokot%C3%B3w`)).body).includes('Lena Zajęta'));
    const withFull = await client.get(`/matching/mentees/${m}?district=Mokot%C3%B3w&includeFull=true`);
    assert.ok(suggestedNames(withFull.body).includes('Lena Zajęta'));
    assert.match(textOf(withFull.body), /Lena Zajęta has no free place \(1 of 1 taken\)/);
    const card = /<li class="card">(?:(?!<\/li>)[\s\S])*Lena Zajęta[\s\S]*?<\/li>/.exec(withFull.body)?.[0] ?? '';
    assert.ok(card && !card.includes('/match"'), 'no match form for a full volunteer');
    // A hand-edited filter is dropped, not refused.
    assert.equal((await client.get(`/matching/mentees/${m}?weekday=someday&language=<x>`)).status, 200);
    assert.ok(a);
  });

  it('says so when nobody fits, and why', async () => {
    const { client } = await signedIn(w, ['social_worker']);
    const m = await createMentee(w, w.org.id, { givenName: 'Jan', familyName: 'Bezpary', needs: ['job_search'], preferredVolunteerAgeMin: 90, preferredVolunteerAgeMax: 95 });
    const text = textOf((await client.get(`/matching/mentees/${m}`)).body);
    assert.match(text, /No volunteer fits yet\./);
    assert.match(text, /because of the person's age preference/);
    assert.match(text, /No volunteer fits yet: every approved or active volunteer is ruled out/);
  });

  it('an exclusion without a reason is refused next to its field and nothing is written; lifting one is audited', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const m = await createMentee(w, w.org.id, { givenName: 'Kira', familyName: 'Powód', needs: ['leisure'] });
    const v = await createVolunteer(w, w.org.id, { givenName: 'Lucyna', familyName: 'Lubiana', activities: ['leisure'] });
    await client.get(`/matching/mentees/${m}`);
    const before = await countRows(w, 'match_exclusions');
    const bad = await client.post('/matching/exclusions', { menteeId: m, volunteerId: v, reason: '  ', from: 'mentee' });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /<details open="">|<details open>/);
    assert.match(textOf(bad.body), /Why should Lucyna Lubiana never be suggested here\? Error: Fill in this field\./);
    assert.equal(await countRows(w, 'match_exclusions'), before);

    await client.post('/matching/exclusions', { menteeId: m, volunteerId: v, reason: 'Konflikt', from: 'mentee' });
    assert.ok(!suggestedNames((await client.get(`/matching/mentees/${m}`)).body).includes('Lucyna Lubiana'));
    const exclusionId = /action="\/matching\/mentees\/[0-9a-f-]+\/exclusions\/([0-9a-f-]+)\/delete"/.exec((await client.get(`/matching/mentees/${m}`)).body)?.[1];
    assert.ok(exclusionId);
    const removed = await client.post(`/matching/mentees/${m}/exclusions/${exclusionId}/delete`, { from: 'mentee' });
    assert.equal(removed.status, 303);
    assert.ok(suggestedNames((await client.get(`/matching/mentees/${m}`)).body).includes('Lucyna Lubiana'));
    assert.ok((await auditEntries(w, w.org.id, 'match_exclusion.delete')).some((a) => a.entityId === exclusionId));
  });
});

describe('suggestions for one volunteer', () => {
  it('ranks waiting mentees with reasons; the matching profile saves capacity and gender with checks', async () => {
    const { client } = await signedIn(w, ['social_worker']);
    const v = await createVolunteer(w, w.org.id, { givenName: 'Marek', familyName: 'Odwrotny', gender: null, capacity: 1, languages: [{ code: 'ar', level: 'native' }], activities: ['errands'] });
    await createMentee(w, w.org.id, { givenName: 'Omar', familyName: 'Haddad', needs: ['official_matters'], languages: [{ code: 'ar', level: 'native' }], daysWaiting: 100 });
    await createMentee(w, w.org.id, { givenName: 'Nadia', familyName: 'Salem', needs: ['official_matters'], daysWaiting: 3 });
    await createMentee(w, w.org.id, { givenName: 'Rania', familyName: 'Kobieca', needs: ['official_matters'], languages: [{ code: 'ar', level: 'native' }], preferredVolunteerGender: 'female' });
    const page = await client.get(`/matching/volunteers/${v}`);
    assert.equal(page.status, 200);
    const names = suggestedNames(page.body);
    assert.equal(names[0], 'Omar Haddad');
    assert.ok(names.indexOf('Omar Haddad') < names.indexOf('Nadia Salem'));
    assert.ok(!names.includes('Rania Kobieca'), 'a stated gender preference is never broken (unknown gender fails it)');
    assert.match(textOf(page.body), /both speak Arabic/);
    assert.match(textOf(page.body), /because of the person's gender preference/);

    // The matching profile: bad values are refused at their fields, nothing changes.
    const bad = await client.post(`/matching/volunteers/${v}/profile`, { capacity: '0', gender: 'robot' });
    assert.equal(bad.status, 422);
    assert.match(textOf(bad.body), /Places \(people supported at once\)/);
    assert.match(bad.body, /id="f-capacity-error"/);
    assert.match(bad.body, /id="f-gender-error"/);
    const ok = await client.post(`/matching/volunteers/${v}/profile`, { capacity: '3', gender: 'female' });
    assert.equal(ok.status, 303);
    const after = textOf((await client.get(`/matching/volunteers/${v}`)).body);
    assert.match(after, /places taken: 0 of 3/);
    assert.ok(suggestedNames((await client.get(`/matching/volunteers/${v}`)).body).includes('Rania Kobieca'));
    const audits = await auditEntries(w, w.org.id, 'volunteer.matching_profile');
    assert.deepEqual(audits.find((a) => a.entityId === v)?.fields, ['capacity', 'gender']);
  });

  it('reads places typed in Arabic-Indic digits (a text field with a numeric keyboard, not a number field)', async () => {
    const { client } = await signedIn(w, ['coordinator'], { locale: 'ar' });
    const v = await createVolunteer(w, w.org.id, { givenName: 'Layla', familyName: 'Haddad', capacity: 1 });
    const page = await client.get(`/matching/volunteers/${v}`);
    assert.match(page.body, /name="capacity" type="text"[^>]* inputmode="numeric"/, 'type="number" would empty "٣" in Chromium');
    assert.equal((await client.post(`/matching/volunteers/${v}/profile`, { capacity: '٣', gender: 'female' })).status, 303);
    const [row] = await withSystem(w.db, (tx) => tx.select({ capacity: volunteers.capacity }).from(volunteers).where(eq(volunteers.id, v)));
    assert.equal(row!.capacity, 3);
  });

  it('places cannot drop below the active matches', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, w.org.id, { givenName: 'Paweł', familyName: 'Dwójka', capacity: 2 });
    await occupy(v, ['leisure']);
    await occupy(v, ['school_help']);
    await client.get(`/matching/volunteers/${v}`);
    const res = await client.post(`/matching/volunteers/${v}/profile`, { capacity: '1', gender: 'male' });
    assert.equal(res.status, 422);
    assert.match(textOf(res.body), /The volunteer already has 2 active matches: there cannot be fewer places/);
  });
});

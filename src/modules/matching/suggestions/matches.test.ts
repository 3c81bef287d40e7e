/**
 * Making a match from the suggestion pages: the re-check under row locks, what is written, the match pages.
 *   npx tsx scripts/test.ts --only=unit src/modules/matching/suggestions/matches.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { menteeEvents } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { matches } from '../matching.table.js';
import { auditEntries, countRows, createMentee, createVolunteer, matchesOf, menteeRow, signedIn, textOf, useWorld } from '../test-helpers.js';

const w = useWorld();

const eventsOf = (menteeId: string) => withSystem(w.db, (tx) => tx.select().from(menteeEvents).where(eq(menteeEvents.menteeId, menteeId)));

describe('making a match', () => {
  it('creates the match with the needs served, marks the mentee matched, adds a timeline event and an audit entry', async () => {
    const { client, user } = await signedIn(w, ['social_worker'], { name: 'Sara Socjalna' });
    const m = await createMentee(w, w.org.id, { givenName: 'Olha', familyName: 'Shevchenko', needs: ['school_help', 'leisure'], languages: [{ code: 'uk', level: 'native' }] });
    const v = await createVolunteer(w, w.org.id, { givenName: 'Anna', familyName: 'Nowak', capacity: 2, languages: [{ code: 'uk', level: 'C1' }], activities: ['school_help'] });
    await client.get(`/matching/mentees/${m}`);
    const res = await client.post(`/matching/mentees/${m}/match`, { volunteerId: v });
    assert.equal(res.status, 303);
    const [match] = await matchesOf(w, { menteeId: m });
    assert.ok(match);
    assert.equal(res.location, `/matching/matches/${match.id}`);
    assert.deepEqual(match.needs, ['school_help'], 'only the needs the volunteer serves');
    assert.equal(match.status, 'active');
    assert.equal(match.origin, 'suggestion');
    assert.equal(match.createdByUserId, user.userId);
    assert.ok(match.score! > 0);
    assert.deepEqual(match.components.map((c) => c.key), ['language', 'availability', 'distance', 'interests', 'needs', 'waiting']);
    const mentee = await menteeRow(w, m);
    assert.equal(mentee.status, 'matched');
    assert.equal(mentee.version, 2);
    const events = await eventsOf(m);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.kind, 'match');
    assert.deepEqual([events[0]!.fromStatus, events[0]!.toStatus], ['waiting', 'matched']);
    assert.equal(events[0]!.detail.matchId, match.id);
    const [vol] = await withSystem(w.db, (tx) => tx.select().from(volunteers).where(eq(volunteers.id, v)));
    assert.equal(vol!.stage, 'approved', 'the pipeline stage is not changed');
    assert.ok((await auditEntries(w, w.org.id, 'match.create')).some((a) => a.entityId === match.id && a.actorUserId === user.userId));

    const page = await client.get(res.location!);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /The match was made\./);
    assert.match(text, /Olha Shevchenko and Anna Nowak/);
    assert.match(text, /Needs served School help/);
    assert.match(text, /both speak Ukrainian/);
    assert.match(text, /Made by Sara Socjalna/);
    assert.match(page.body, new RegExp(`href="/matching/matches/${match.id}/introduction"`));
    assert.ok((await auditEntries(w, w.org.id, 'match.view')).some((a) => a.entityId === match.id));

    // The mentee still has an uncovered need: the same volunteer cannot be paired twice, another one covers leisure only.
    const again = await client.post(`/matching/mentees/${m}/match`, { volunteerId: v });
    assert.equal(again.status, 409);
    assert.match(textOf(again.body), /Olha Shevchenko and Anna Nowak are already a pair\./);
    const v2 = await createVolunteer(w, w.org.id, { givenName: 'Beata', familyName: 'Wszechstronna', activities: ['school_help', 'leisure'] });
    const second = await client.post(`/matching/mentees/${m}/match`, { volunteerId: v2 });
    assert.equal(second.status, 303);
    const [m2] = await matchesOf(w, { volunteerId: v2 });
    assert.deepEqual(m2!.needs, ['leisure'], 'never a need already served by another active match');
    assert.equal((await menteeRow(w, m)).status, 'matched');
    // Now every need is served: a third volunteer is refused, in words.
    const v3 = await createVolunteer(w, w.org.id, { givenName: 'Celina', familyName: 'Trzecia', activities: ['leisure'] });
    const third = await client.post(`/matching/mentees/${m}/match`, { volunteerId: v3 });
    assert.equal(third.status, 409);
    assert.match(textOf(third.body), /This match cannot be made Every need of Olha Shevchenko is already served by another active match\./);
    assert.equal((await matchesOf(w, { menteeId: m })).length, 2);
  });

  it('takes all uncovered needs when none of the volunteer’s offers maps to one', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const m = await createMentee(w, w.org.id, { givenName: 'Daria', familyName: 'Praca', needs: ['job_search', 'official_matters'] });
    const v = await createVolunteer(w, w.org.id, { givenName: 'Edyta', familyName: 'Eventowa', activities: ['events'] });
    await client.get(`/matching/volunteers/${v}`);
    const res = await client.post(`/matching/volunteers/${v}/match`, { menteeId: m });
    assert.equal(res.status, 303);
    const [match] = await matchesOf(w, { menteeId: m });
    assert.deepEqual(match!.needs, ['job_search', 'official_matters']);
  });

  it('re-checks capacity on fresh data: the second person is told why and nothing is written', async () => {
    const { client } = await signedIn(w, ['social_worker']);
    const v = await createVolunteer(w, w.org.id, { givenName: 'Anna', familyName: 'Jedynka', capacity: 1, activities: ['leisure'] });
    const first = await createMentee(w, w.org.id, { givenName: 'Fatima', familyName: 'Pierwsza', needs: ['leisure'] });
    const late = await createMentee(w, w.org.id, { givenName: 'Galyna', familyName: 'Druga', needs: ['leisure'] });
    await client.get(`/matching/mentees/${late}`); // the page still offers Anna…
    assert.equal((await client.post(`/matching/mentees/${first}/match`, { volunteerId: v })).status, 303); // …but someone takes her place first
    const matchesBefore = await countRows(w, 'matches');
    const eventsBefore = await countRows(w, 'mentee_events');
    const auditBefore = await countRows(w, 'audit_log');
    const res = await client.post(`/matching/mentees/${late}/match`, { volunteerId: v });
    assert.equal(res.status, 409);
    assert.match(textOf(res.body), /Anna Jedynka has no free place any more \(1 of 1 taken\)\./);
    assert.equal(await countRows(w, 'matches'), matchesBefore);
    assert.equal(await countRows(w, 'mentee_events'), eventsBefore);
    assert.equal((await menteeRow(w, late)).status, 'waiting');
    // Only the page view of the refusal page itself was audited.
    assert.equal(await countRows(w, 'audit_log'), auditBefore + 1);
  });

  it('refuses an ineligible pair (minor without a safeguarding check) and a mentee who is not waiting', async () => {
    const { client } = await signedIn(w, ['social_worker']);
    const child = await createMentee(w, w.org.id, { givenName: 'Iwan', familyName: 'Mały', birthDate: '2015-03-01', needs: ['school_help'] });
    const v = await createVolunteer(w, w.org.id, { givenName: 'Jerzy', familyName: 'Niesprawdzony', gender: 'male', activities: ['school_help'] });
    await client.get(`/matching/mentees/${child}`);
    const res = await client.post(`/matching/mentees/${child}/match`, { volunteerId: v });
    assert.equal(res.status, 409);
    assert.match(textOf(res.body), /Iwan Mały is a minor and Jerzy Niesprawdzony has no valid safeguarding check\./);
    const closed = await createMentee(w, w.org.id, { givenName: 'Karol', familyName: 'Zamknięty', status: 'closed', needs: ['leisure'] });
    const r2 = await client.post(`/matching/mentees/${closed}/match`, { volunteerId: v });
    assert.equal(r2.status, 409);
    assert.match(textOf(r2.body), /Karol Zamknięty is not waiting for a volunteer any more\./);
    assert.equal((await matchesOf(w, { volunteerId: v })).length, 0);
  });

  it('a tampered form is refused with 422; another organisation’s ids are 404; other roles 403', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const m = await createMentee(w, w.org.id, { givenName: 'Lidia', familyName: 'Bezpieczna', needs: ['leisure'] });
    const foreignVolunteer = await createVolunteer(w, w.other.id, { givenName: 'Obcy', familyName: 'Wolontariusz' });
    const foreignMentee = await createMentee(w, w.other.id, { givenName: 'Obca', familyName: 'Osoba' });
    await client.get(`/matching/mentees/${m}`);
    const tampered = await client.post(`/matching/mentees/${m}/match`, { volunteerId: 'not-an-id' });
    assert.equal(tampered.status, 422);
    assert.match(textOf(tampered.body), /The form could not be read/);
    assert.equal((await client.post(`/matching/mentees/${m}/match`, { volunteerId: foreignVolunteer })).status, 404);
    assert.equal((await client.get(`/matching/mentees/${foreignMentee}`)).status, 404);
    assert.equal((await client.get(`/matching/volunteers/${foreignVolunteer}`)).status, 404);
    assert.equal((await client.get('/matching/mentees/123')).status, 404);
    assert.equal((await client.post('/matching/exclusions', { menteeId: m, volunteerId: foreignVolunteer, reason: 'x' })).status, 404);
    assert.equal((await matchesOf(w, { menteeId: m })).length, 0);

    const pm = await signedIn(w, ['programme_manager']);
    assert.equal((await pm.client.get(`/matching/mentees/${m}`)).status, 403);
    assert.equal((await pm.client.get('/matching/matches')).status, 403);
    const vol = await signedIn(w, ['volunteer']);
    assert.equal((await vol.client.get(`/matching/mentees/${m}`)).status, 403);
  });
});

describe('the list of matches', () => {
  it('lists active matches newest first with search and paging, audited', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const zofia = await createVolunteer(w, w.org.id, { givenName: 'Zofia', familyName: 'Listowa', capacity: 20, activities: ['leisure'] });
    const zenon = await createVolunteer(w, w.org.id, { givenName: 'Zenon', familyName: 'Listowy', capacity: 20, gender: 'male', activities: ['leisure'] });
    // Made directly (the pages' own path is tested above): 27 matches, two pages of the list.
    for (let i = 0; i < 27; i++) {
      const v = i % 2 ? zenon : zofia;
      const m = await createMentee(w, w.org.id, { givenName: 'Osoba', familyName: `Numer${String(i).padStart(2, '0')}`, status: 'matched', needs: ['leisure'] });
      await withTenant(w.db, { organisationId: w.org.id, userId: null }, (tx) => tx.insert(matches).values({ organisationId: w.org.id, menteeId: m, volunteerId: v, needs: ['leisure'], startedAt: new Date(Date.now() - (27 - i) * 60_000) }));
    }
    const page1 = await client.get('/matching/matches?q=listow');
    assert.equal(page1.status, 200);
    assert.match(textOf(page1.body), /27 matches found/);
    assert.equal((page1.body.match(/<th scope="row">/g) ?? []).length, 25);
    assert.match(page1.body, /rel="next"/);
    const page2 = await client.get('/matching/matches?q=listow&page=2');
    assert.equal((page2.body.match(/<th scope="row">/g) ?? []).length, 2);
    assert.match(textOf(page2.body), /Osoba Numer00 and Zofia Listowa/);
    assert.match(textOf((await client.get('/matching/matches?q=nobody-like-this')).body), /No matches found/);
    assert.ok((await auditEntries(w, w.org.id, 'match.list')).length >= 3);
  });
});

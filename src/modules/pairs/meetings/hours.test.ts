import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { organisations } from '../../../core/tenancy/tenancy.table.js';
import { meetings, supervisionAttendees, supervisionSessions } from '../pairs.table.js';
import { hoursByMatch, hoursByMonth, hoursByProgramme, hoursByVolunteer, meetingTotals, toHours, trainingMinutes } from './hours.js';
import { logForm, logMeeting, myMeetings } from './meetings.service.js';
import { createMatch, matchedMentee, createProgramme, lastSunday, browserOf, textOf, volunteerAccount, useWorld, insertMeetings } from './test-helpers.js';

const w = useWorld();

const year = new Date().getUTCFullYear() - 1;
const scope = (organisationId = w.org.id) => ({ organisationId, userId: null });

describe('hours', () => {
  it('rounds minutes to hours with one decimal only at the end', () => {
    assert.deepEqual([0, 30, 45, 60, 90, 100, 195, 720].map(toHours), [0, 0.5, 0.8, 1, 1.5, 1.7, 3.3, 12]);
  });

  it('adds up per volunteer, per match, per month and per programme, within a date range, in one organisation only', async () => {
    const org = await (await import('../../../core/testing/fixtures.js')).createOrganisation(w.db, 'hours-org', 'Fundacja Godziny');
    const programme = await createProgramme(w, 'Mentoring rodzin', { organisationId: org.id });
    const a = await volunteerAccount(w, { organisationId: org.id });
    const b = await volunteerAccount(w, { organisationId: org.id, givenName: 'Łukasz' });
    const m1 = await createMatch(w, (await matchedMentee(w, { organisationId: org.id })).id, a.volunteer.id, { organisationId: org.id, programmeId: programme.id });
    const m2 = await createMatch(w, (await matchedMentee(w, { organisationId: org.id })).id, a.volunteer.id, { organisationId: org.id });
    const m3 = await createMatch(w, (await matchedMentee(w, { organisationId: org.id })).id, b.volunteer.id, { organisationId: org.id, programmeId: programme.id });
    await insertMeetings(w, a.user.userId, [
      [m1, `${year}-01-31`, 60],
      [m1, `${year}-02-01`, 90],
      [m2, `${year}-02-15`, 30],
      [m3, `${year}-02-28`, 120],
      [m3, `${year}-03-01`, 45],
    ]);
    // Another organisation's meeting never counts.
    const stranger = await volunteerAccount(w);
    const foreign = await createMatch(w, (await matchedMentee(w)).id, stranger.volunteer.id);
    await withSystem(w.db, (tx) => tx.insert(meetings).values({ organisationId: w.org.id, matchId: foreign.id, volunteerId: stranger.volunteer.id, loggedByUserId: stranger.user.userId, meetingDate: `${year}-02-10`, minutes: 600, activity: 'other' }));

    await withTenant(w.db, scope(org.id), async (tx) => {
      assert.deepEqual(await meetingTotals(tx, org.id), { minutes: 345, meetings: 5 });
      const byVolunteer = Object.fromEntries((await hoursByVolunteer(tx, org.id)).map((r) => [r.volunteerId, [r.minutes, r.meetings]]));
      assert.deepEqual(byVolunteer, { [a.volunteer.id]: [180, 3], [b.volunteer.id]: [165, 2] });
      const byMatch = Object.fromEntries((await hoursByMatch(tx, org.id)).map((r) => [r.matchId, [r.minutes, r.meetings, r.lastMeetingDate]]));
      assert.deepEqual(byMatch, { [m1.id]: [150, 2, `${year}-02-01`], [m2.id]: [30, 1, `${year}-02-15`], [m3.id]: [165, 2, `${year}-03-01`] });
      assert.deepEqual(
        (await hoursByMonth(tx, org.id)).map((r) => [r.month, r.minutes, r.meetings]),
        [
          [`${year}-01`, 60, 1],
          [`${year}-02`, 240, 3],
          [`${year}-03`, 45, 1],
        ],
        'the last and first days of months stay in their months',
      );
      const byProgramme = Object.fromEntries((await hoursByProgramme(tx, org.id)).map((r) => [String(r.programmeId), r.minutes]));
      assert.deepEqual(byProgramme, { [programme.id]: 315, null: 30 });
      assert.deepEqual(await meetingTotals(tx, org.id, { from: `${year}-02-01`, to: `${year}-02-28` }), { minutes: 240, meetings: 3 }, 'inclusive range');
      assert.deepEqual(await meetingTotals(tx, org.id, { volunteerIds: [b.volunteer.id], from: `${year}-03-01` }), { minutes: 45, meetings: 1 });
      assert.deepEqual(await meetingTotals(tx, org.id, { matchIds: [] }), { minutes: 0, meetings: 0 }, 'an empty list counts nothing');
    });
  });

  it('keeps meetings on the days of the clock changes and at month ends in their day and month, through the form and on the staff page', async () => {
    const { user, volunteer } = await volunteerAccount(w);
    const coordinator = await (await import('./test-helpers.js')).signedIn(w, ['coordinator']);
    const match = await createMatch(w, (await matchedMentee(w, { givenName: 'Daryna' })).id, volunteer.id, { coordinatorUserId: coordinator.user.userId, startedAt: new Date(Date.UTC(year - 1, 11, 1)) });
    const client = await browserOf(w, user);
    const days = [lastSunday(year, 2), lastSunday(year, 9), `${year}-03-31`, `${year}-04-01`, `${year}-10-31`, `${year}-11-01`];
    for (const meetingDate of days) {
      await client.get('/me/meetings/new');
      const res = await client.post('/me/meetings', { matchId: match.id, meetingDate, duration: '60', activity: 'conversation' });
      assert.equal(res.status, 303, meetingDate);
    }
    const stored = await withSystem(w.db, (tx) => tx.select({ d: meetings.meetingDate }).from(meetings).where(eq(meetings.matchId, match.id)).orderBy(meetings.meetingDate));
    assert.deepEqual(stored.map((r) => r.d), [...days].sort(), 'stored as the very dates typed');
    const months = await withTenant(w.db, scope(), (tx) => hoursByMonth(tx, w.org.id, { matchIds: [match.id] }));
    assert.deepEqual(
      months.map((m) => [m.month, m.meetings]),
      [
        [`${year}-03`, 2],
        [`${year}-04`, 1],
        [`${year}-10`, 2],
        [`${year}-11`, 1],
      ],
    );
    const page = textOf((await coordinator.client.get(`/pairs/${match.id}`)).body);
    assert.match(page, new RegExp(`November ${year} 1 1\\.0 October ${year} 2 2\\.0 April ${year} 1 1\\.0 March ${year} 2 2\\.0 Total 6 6\\.0`), 'months newest first');
    assert.match(page, new RegExp(`${Number(lastSunday(year, 2).slice(8))} March ${year} with Daryna`));
    assert.match(page, new RegExp(`31 October ${year} with Daryna`));
    assert.match(page, new RegExp(`1 November ${year} with Daryna`));
  });

  it('“today” is the organisation’s: at 23:30 UTC before a new month it is already the 1st in Warsaw, not in a UTC organisation', async () => {
    const { volunteer, actor } = await volunteerAccount(w);
    await createMatch(w, (await matchedMentee(w)).id, volunteer.id, { startedAt: new Date('2025-01-01T10:00:00Z') });
    const lateEvening = new Date('2025-03-31T23:30:00Z'); // 01:30 on 1 April in Warsaw (summer time since 30 March)
    assert.equal((await logForm(w.db, actor, lateEvening))!.today, '2025-04-01');
    const winter = new Date('2025-10-31T23:30:00Z'); // 00:30 on 1 November in Warsaw (winter time since 26 October)
    assert.equal((await logForm(w.db, actor, winter))!.today, '2025-11-01');

    const [pair] = (await logForm(w.db, actor, lateEvening))!.pairs;
    const body = { matchId: pair!.matchId, meetingDate: '2025-04-01', duration: '60', activity: 'conversation' };
    await logMeeting(w.db, actor, body, 'en', lateEvening);
    await assert.rejects(logMeeting(w.db, actor, { ...body, meetingDate: '2025-04-02' }, 'en', lateEvening), (e: { fields?: Record<string, { key: string }> }) => e.fields?.meetingDate?.key === 'pairs.meetings.error.dateInFuture');
    const mine = (await myMeetings(w.db, actor, lateEvening))!;
    assert.deepEqual(mine.totals.month, { minutes: 60, meetings: 1 }, 'the meeting of 1 April counts in "this month" at 23:30 UTC on 31 March');

    // The same instant in an organisation working in UTC is still 31 March.
    const utcOrg = await (await import('../../../core/testing/fixtures.js')).createOrganisation(w.db, 'utc-org', 'UTC Org');
    await withSystem(w.db, (tx) => tx.update(organisations).set({ timeZone: 'UTC' }).where(eq(organisations.id, utcOrg.id)));
    const there = await volunteerAccount(w, { organisationId: utcOrg.id });
    assert.equal((await logForm(w.db, there.actor, lateEvening))!.today, '2025-03-31');
  });

  it('counts supervision attendance as training hours on the session’s day in the organisation’s zone, separately from meetings', async () => {
    const a = await volunteerAccount(w);
    const b = await volunteerAccount(w);
    const sessions = await withSystem(w.db, (tx) =>
      tx
        .insert(supervisionSessions)
        .values([
          // 23:30 UTC on 31 May = 01:30 on 1 June in Warsaw: a June session.
          { organisationId: w.org.id, audience: 'volunteers', startsAt: new Date(`${year}-05-31T23:30:00Z`), minutes: 90, place: 'Sala 2', facilitator: 'Ewa', createdByUserId: a.user.userId },
          { organisationId: w.org.id, audience: 'volunteers', startsAt: new Date(`${year}-06-10T16:00:00Z`), minutes: 120, place: 'Sala 2', facilitator: 'Ewa', createdByUserId: a.user.userId },
          { organisationId: w.org.id, audience: 'volunteers', startsAt: new Date(`${year}-05-20T16:00:00Z`), minutes: 60, place: 'Sala 2', facilitator: 'Ewa', createdByUserId: a.user.userId },
        ])
        .returning(),
    );
    await withSystem(w.db, (tx) =>
      tx.insert(supervisionAttendees).values([
        { organisationId: w.org.id, sessionId: sessions[0]!.id, personId: a.volunteer.personId, attended: true },
        { organisationId: w.org.id, sessionId: sessions[1]!.id, personId: a.volunteer.personId, attended: true },
        { organisationId: w.org.id, sessionId: sessions[2]!.id, personId: a.volunteer.personId, attended: true },
        { organisationId: w.org.id, sessionId: sessions[1]!.id, personId: b.volunteer.personId, attended: false },
      ]),
    );
    await withTenant(w.db, scope(), async (tx) => {
      const june = await trainingMinutes(tx, w.org.id, [a.volunteer.personId, b.volunteer.personId], { from: `${year}-06-01`, to: `${year}-06-30` }, 'Europe/Warsaw');
      assert.deepEqual(june.get(a.volunteer.personId), { minutes: 210, sessions: 2 });
      assert.equal(june.get(b.volunteer.personId), undefined, 'registered but absent: no hours');
      const mayInUtc = await trainingMinutes(tx, w.org.id, [a.volunteer.personId], { from: `${year}-05-01`, to: `${year}-05-31` }, 'UTC');
      assert.deepEqual(mayInUtc.get(a.volunteer.personId), { minutes: 150, sessions: 2 }, 'the zone decides the day');
      assert.deepEqual(await meetingTotals(tx, w.org.id, { volunteerIds: [a.volunteer.id] }), { minutes: 0, meetings: 0 }, 'training is not meetings');
    });
  });
});

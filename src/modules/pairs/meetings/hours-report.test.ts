import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { withSystem } from '../../../core/db/tx.js';
import { todayIn } from '../../../core/i18n/time-zone.js';
import { meetings, supervisionAttendees, supervisionSessions } from '../pairs.table.js';
import { auditEntries, countRows, createMatch, matchedMentee, createProgramme, fieldError, signedIn, textOf, volunteerAccount, useWorld, insertMeetings } from './test-helpers.js';

const w = useWorld();

// Last year in the organisation's zone (Warsaw), so that the default year is `year + 1` even on New Year's Eve in UTC.
const year = Number(todayIn('Europe/Warsaw').slice(0, 4)) - 1;

/** The visible text of each cell of each row of the table whose caption contains `caption`. */
function table(html: string, caption: string): string[][] {
  const t = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!).find((body) => textOf(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(body)?.[1] ?? '').includes(caption));
  assert.ok(t, `a table captioned “${caption}”`);
  return [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!)));
}

/**
 * Two programmes and a pair without one in `w.org`, meetings in January and February of `year` (one on 31 January),
 * one in the year before, supervision attended by one volunteer with meetings and one without; and another
 * organisation's meeting and volunteer in the same months, which must never show.
 */
async function smallWorld() {
  const family = await createProgramme(w, 'Mentoring rodzin');
  const school = await createProgramme(w, 'Pomoc w nauce');
  const a = await volunteerAccount(w, { givenName: 'Zofia', familyName: 'Nowak' });
  const b = await volunteerAccount(w, { givenName: 'Łukasz', familyName: 'Kowalski' });
  const c = await volunteerAccount(w, { givenName: 'Ewa', familyName: 'Lis' });
  const m1 = await createMatch(w, (await matchedMentee(w)).id, a.volunteer.id, { programmeId: family.id });
  const m2 = await createMatch(w, (await matchedMentee(w)).id, b.volunteer.id, { programmeId: school.id });
  const m3 = await createMatch(w, (await matchedMentee(w)).id, a.volunteer.id);
  await insertMeetings(w, a.user.userId, [
    [m1, `${year}-01-31`, 60],
    [m1, `${year}-02-01`, 90],
    [m2, `${year}-01-15`, 45],
    [m2, `${year}-02-10`, 30],
    [m3, `${year}-02-14`, 120],
    [m1, `${year - 1}-12-31`, 600],
  ]);
  await withSystem(w.db, async (tx) => {
    const [s] = await tx
      .insert(supervisionSessions)
      .values({ organisationId: w.org.id, audience: 'volunteers', startsAt: new Date(`${year}-03-10T10:00:00Z`), minutes: 90, place: 'Sala 2', facilitator: 'Anna', createdByUserId: a.user.userId })
      .returning();
    await tx.insert(supervisionAttendees).values([
      { organisationId: w.org.id, sessionId: s!.id, personId: a.volunteer.personId },
      { organisationId: w.org.id, sessionId: s!.id, personId: c.volunteer.personId },
      { organisationId: w.org.id, sessionId: s!.id, personId: b.volunteer.personId, attended: false },
    ]);
  });

  const stranger = await volunteerAccount(w, { organisationId: w.other.id, givenName: 'Obcy', familyName: 'Gość' });
  const foreignProgramme = await createProgramme(w, 'Program Beta', { organisationId: w.other.id });
  const foreign = await createMatch(w, (await matchedMentee(w, { organisationId: w.other.id })).id, stranger.volunteer.id, { organisationId: w.other.id, programmeId: foreignProgramme.id });
  await withSystem(w.db, (tx) =>
    tx.insert(meetings).values({ organisationId: w.other.id, matchId: foreign.id, volunteerId: stranger.volunteer.id, loggedByUserId: stranger.user.userId, meetingDate: `${year}-01-20`, minutes: 300, activity: 'other' }),
  );
}

describe('hours report /pairs/hours', () => {
  before(smallWorld);

  it('adds up meeting hours per programme and month and per volunteer, for the chosen year only, in this organisation only', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const res = await client.get(`/pairs/hours?year=${year}`);
    assert.equal(res.status, 200);
    const zeros = (n: number) => new Array<string>(n).fill('0.0');

    const grid = table(res.body, `per programme and month in ${year}`);
    assert.deepEqual(grid[0]!.slice(0, 3), ['Programme', `Jan January ${year}`, `Feb February ${year}`]);
    assert.equal(grid[0]!.at(-1), 'Total');
    assert.deepEqual(grid.slice(1), [
      ['Mentoring rodzin', '1.0', '1.5', ...zeros(10), '2.5'],
      ['Pomoc w nauce', '0.8', '0.5', ...zeros(10), '1.3'],
      ['No programme', '0.0', '2.0', ...zeros(10), '2.0'],
      ['Total', '1.8', '4.0', ...zeros(10), '5.8'],
    ], 'the meeting of 31 January stays in January; 12 months and a total per row; totals from exact minutes (345 min = 5.8 h)');

    const people = table(res.body, `with hours in ${year}`);
    assert.deepEqual(people, [
      ['Volunteer', 'Meeting hours', 'Meetings', 'Training hours'],
      ['Zofia Nowak', '4.5', '3', '1.5'],
      ['Łukasz Kowalski', '1.3', '2', '0.0'],
      ['Ewa Lis', '0.0', '0', '1.5'],
      ['Total', '5.8', '5', '3.0'],
    ], 'sorted by meeting hours; supervision not attended does not count');

    const text = textOf(res.body);
    assert.match(text, new RegExp(`5 meetings in ${year}, 5\\.8 hours in total`));
    assert.doesNotMatch(text, /Obcy|Gość|Program Beta/, 'another organisation’s data never shows');
    const options = [...res.body.matchAll(/<option value="(\d{4})"( selected)?/g)].map((m) => `${m[1]}${m[2] ? '*' : ''}`);
    assert.deepEqual(options, [String(year + 1), `${year}*`, String(year - 1)], 'the years with meetings and the current year, newest first');
  });

  it('shows the year before on its own, in the user’s language and number format', async () => {
    const { client } = await signedIn(w, ['programme_manager'], { locale: 'pl' });
    const res = await client.get(`/pairs/hours?year=${year - 1}`);
    assert.equal(res.status, 200);
    const grid = table(res.body, `w roku ${year - 1}`);
    assert.deepEqual(grid.at(-1), ['Razem', ...new Array<string>(11).fill('0,0'), '10,0', '10,0']);
    assert.match(textOf(res.body), new RegExp(`Zofia Nowak 10,0 1 0,0`));
  });

  it('defaults to the current year and shows empty states when nothing happened', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const res = await client.get('/pairs/hours');
    assert.equal(res.status, 200);
    const text = textOf(res.body);
    assert.match(text, new RegExp(`No meetings were logged in ${year + 1}\\.`));
    assert.match(text, new RegExp(`No volunteer has meeting or training hours in ${year + 1}\\.`));
    assert.doesNotMatch(res.body, /<table>/);
  });

  it('answers a year that is not one with 422, the message next to the select and nothing changed', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const before = await countRows(w, 'meetings');
    for (const bad of ['abc', '1999', '20255', '2025-01']) {
      const res = await client.get(`/pairs/hours?year=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 422, bad);
      assert.equal(fieldError(res.body, 'year'), 'Choose a year from the list. The current year is shown.');
      assert.match(res.body, /class="error-summary"/);
    }
    assert.equal(await countRows(w, 'meetings'), before);
  });

  it('is refused to social workers, volunteers and mentees', async () => {
    for (const role of ['social_worker', 'volunteer', 'mentee'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get(`/pairs/hours?year=${year}`)).status, 403, role);
    }
  });

  it('shows another organisation only its own hours', async () => {
    const { client } = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    const res = await client.get(`/pairs/hours?year=${year}`);
    assert.equal(res.status, 200);
    assert.deepEqual(table(res.body, `per programme and month in ${year}`).slice(1), [
      ['Program Beta', '5.0', ...new Array<string>(11).fill('0.0'), '5.0'],
      ['Total', '5.0', ...new Array<string>(11).fill('0.0'), '5.0'],
    ]);
    assert.doesNotMatch(textOf(res.body), /Zofia|Łukasz|Mentoring rodzin/);
  });

  it('audits every view as hours.report.view of the organisation', async () => {
    const beforeCount = (await auditEntries(w, w.org.id, 'hours.report.view')).length;
    const { client, user } = await signedIn(w, ['coordinator']);
    await client.get(`/pairs/hours?year=${year}`);
    const entries = await auditEntries(w, w.org.id, 'hours.report.view');
    assert.equal(entries.length, beforeCount + 1);
    assert.equal(entries.at(-1)!.actorUserId, user.userId);
    assert.equal(entries.at(-1)!.entityId, w.org.id);
  });

  it('is linked from the list of pairs for administrators and coordinators only', async () => {
    const coordinator = await signedIn(w, ['coordinator']);
    assert.match((await coordinator.client.get('/pairs')).body, /href="\/pairs\/hours"/);
    const socialWorker = await signedIn(w, ['social_worker']);
    const page = await socialWorker.client.get('/pairs');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /href="\/pairs\/hours"/);
  });
});

/**
 * The JSON API of the staff views of the meeting logs and of the hours report: GET /api/v1/pairs, GET /api/v1/pairs/:id,
 * POST /api/v1/pairs/:id/meetings/:meetingId/comments, GET /api/v1/pairs/hours (the same services as the pages).
 *   npm test -- src/modules/pairs/meetings/pairs.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { withSystem } from '../../../core/db/tx.js';
import { apiUser } from '../../../core/testing/world.js';
import { meetings } from '../pairs.table.js';
import { HoursReportOutput } from './hours-report.schemas.js';
import { CommentOutput, PairLogOutput, PairsOutput } from './meetings.schemas.js';
import { apiCall, auditEntries, countAll, createMatch, daysAgo, matchedMentee, tokenFor, volunteerAccount, world, type ErrorBody, type World } from './test-helpers.js';

let w: World;
before(async () => {
  w = await world();
});
after(() => w.t.close());

async function logged(match: { id: string; volunteerId: string; organisationId: string }, meetingDate: string, minutes: number) {
  const [row] = await withSystem(w.db, (tx) => tx.insert(meetings).values({ organisationId: match.organisationId, matchId: match.id, volunteerId: match.volunteerId, loggedByUserId: match.volunteerId, meetingDate, minutes, activity: 'conversation' }).returning());
  return row!;
}

/** A coordinator (with a token) following Zofia's pair with Олена (two meetings), not Anna's with Mariam; another organisation's pair. */
async function scene() {
  const coordinator = await apiUser(w, ['coordinator']);
  const zofia = await volunteerAccount(w, { givenName: 'Zofia', familyName: 'Wiśniewska' });
  const anna = await volunteerAccount(w, { givenName: 'Anna', familyName: 'Kowalczyk' });
  const followed = await createMatch(w, (await matchedMentee(w, { givenName: 'Олена', familyName: 'Коваленко' })).id, zofia.volunteer.id, { coordinatorUserId: coordinator.user.userId });
  const other = await createMatch(w, (await matchedMentee(w, { givenName: 'Mariam', familyName: 'Haddad' })).id, anna.volunteer.id);
  const first = await logged(followed, daysAgo(10), 60);
  const second = await logged(followed, daysAgo(3), 30);
  const theirs = await logged(other, daysAgo(2), 90);
  const stranger = await volunteerAccount(w, { organisationId: w.other.id });
  const foreign = await createMatch(w, (await matchedMentee(w, { organisationId: w.other.id })).id, stranger.volunteer.id, { organisationId: w.other.id });
  const foreignMeeting = await logged(foreign, daysAgo(1), 60);
  return { coordinator, followed, other, first, second, theirs, foreign, foreignMeeting };
}

describe('GET /api/v1/pairs and /api/v1/pairs/:id', () => {
  it('lists only the pairs I follow (administrators: all), and one pair’s log with comments and months; audited', async () => {
    const s = await scene();
    const list = await apiCall(w, 'GET', '/api/v1/pairs', s.coordinator.token);
    assert.equal(list.statusCode, 200, list.body);
    const mine = PairsOutput.parse(list.json());
    assert.equal(mine.all, false);
    assert.deepEqual(mine.pairs.map((p) => [p.id, p.volunteer.givenName, p.mentee.givenName, p.status, p.lastMeetingDate]), [[s.followed.id, 'Zofia', 'Олена', 'active', daysAgo(3)]]);
    assert.ok((await auditEntries(w, w.org.id, 'match.list')).some((a) => a.actorUserId === s.coordinator.user.userId));
    const all = PairsOutput.parse((await apiCall(w, 'GET', '/api/v1/pairs', await tokenFor(w, ['administrator']))).json());
    assert.equal(all.all, true);
    assert.ok(all.pairs.some((p) => p.id === s.other.id) && !all.pairs.some((p) => p.id === s.foreign.id));

    const res = await apiCall(w, 'GET', `/api/v1/pairs/${s.followed.id}`, s.coordinator.token);
    assert.equal(res.statusCode, 200, res.body);
    const log = PairLogOutput.parse(res.json());
    assert.equal(log.pair.id, s.followed.id);
    assert.deepEqual(log.meetings.map((m) => m.id), [s.second.id, s.first.id], 'newest first');
    assert.deepEqual(log.total, { minutes: 90, meetings: 2 });
    assert.equal(log.months.reduce((n, m) => n + m.minutes, 0), 90);
    assert.ok((await auditEntries(w, w.org.id, 'meeting.list')).some((a) => a.entityId === s.followed.id && a.actorUserId === s.coordinator.user.userId));
  });

  it('security: a pair I do not follow, another organisation’s or a malformed id 404; a volunteer 403; no token 401', async () => {
    const s = await scene();
    for (const id of [s.other.id, s.foreign.id, 'nope']) assert.equal((await apiCall(w, 'GET', `/api/v1/pairs/${id}`, s.coordinator.token)).statusCode, 404, id);
    const volunteer = await tokenFor(w, ['volunteer']);
    assert.equal((await apiCall(w, 'GET', '/api/v1/pairs', volunteer)).statusCode, 403);
    assert.equal((await apiCall(w, 'GET', `/api/v1/pairs/${s.followed.id}`, volunteer)).statusCode, 403);
    assert.equal((await apiCall(w, 'GET', '/api/v1/pairs', null)).statusCode, 401);
  });
});

describe('POST /api/v1/pairs/:id/meetings/:meetingId/comments', () => {
  const url = (matchId: string, meetingId: string) => `/api/v1/pairs/${matchId}/meetings/${meetingId}/comments`;

  it('answers 201 with the comment, shown under the meeting in the log; audited', async () => {
    const s = await scene();
    const res = await apiCall(w, 'POST', url(s.followed.id, s.first.id), s.coordinator.token, { body: '  Świetnie, dziękuję.\r\nZadzwonię w piątek.  ' });
    assert.equal(res.statusCode, 201, res.body);
    const comment = CommentOutput.parse(res.json());
    assert.deepEqual([comment.meetingId, comment.body, comment.authorName], [s.first.id, 'Świetnie, dziękuję.\nZadzwonię w piątek.', 'Test User']);
    const log = PairLogOutput.parse((await apiCall(w, 'GET', `/api/v1/pairs/${s.followed.id}`, s.coordinator.token)).json());
    assert.deepEqual(log.meetings.find((m) => m.id === s.first.id)?.comments.map((c) => c.id), [comment.id]);
    assert.ok((await auditEntries(w, w.org.id, 'meeting_comment.create')).some((a) => a.entityId === comment.id));
  });

  it('refuses an empty, a too long or an unknown field with 422, writing nothing', async () => {
    const s = await scene();
    const counted = await countAll(w);
    for (const body of [{}, { body: '   ' }, { body: 'x'.repeat(501) }, { body: 'ok', extra: 1 }]) {
      const res = await apiCall(w, 'POST', url(s.followed.id, s.first.id), s.coordinator.token, body);
      assert.equal(res.statusCode, 422, JSON.stringify(body).slice(0, 40));
      assert.equal(res.json<ErrorBody>().error.code, 'VALIDATION');
    }
    assert.deepEqual(await countAll(w), counted);
  });

  it('security: a pair I do not follow, another pair’s meeting, another organisation’s 404; a volunteer 403; no token 401 — nothing written', async () => {
    const s = await scene();
    const counted = await countAll(w);
    const body = { body: 'Komentarz' };
    for (const [matchId, meetingId] of [[s.other.id, s.theirs.id], [s.followed.id, s.theirs.id], [s.foreign.id, s.foreignMeeting.id], [s.followed.id, s.foreignMeeting.id]] as const) {
      assert.equal((await apiCall(w, 'POST', url(matchId, meetingId), s.coordinator.token, body)).statusCode, 404);
    }
    assert.equal((await apiCall(w, 'POST', url(s.followed.id, s.first.id), await tokenFor(w, ['volunteer']), body)).statusCode, 403);
    assert.equal((await apiCall(w, 'POST', url(s.followed.id, s.first.id), null, body)).statusCode, 401);
    assert.deepEqual(await countAll(w), counted);
  });
});

describe('GET /api/v1/pairs/hours', () => {
  it('answers the year’s minutes per programme, month and volunteer; audited; a bad year 422; social workers 403', async () => {
    await scene();
    const token = await tokenFor(w, ['programme_manager']);
    const year = Number(daysAgo(3).slice(0, 4));
    const res = await apiCall(w, 'GET', `/api/v1/pairs/hours?year=${year}`, token);
    assert.equal(res.statusCode, 200, res.body);
    const report = HoursReportOutput.parse(res.json());
    assert.equal(report.year, year);
    assert.equal(report.months.length, 12);
    assert.equal(report.monthMinutes.reduce((a, b) => a + b, 0), report.total.minutes);
    assert.ok(report.volunteers.some((v) => v.givenName === 'Zofia'));
    assert.ok((await auditEntries(w, w.org.id, 'hours.report.view')).length >= 1);
    for (const bad of ['abc', '1999', '20255']) {
      const refused = await apiCall(w, 'GET', `/api/v1/pairs/hours?year=${bad}`, token);
      assert.equal(refused.statusCode, 422, bad);
      assert.ok(refused.json<ErrorBody>().error.fields?.year, bad);
    }
    assert.equal((await apiCall(w, 'GET', '/api/v1/pairs/hours', await tokenFor(w, ['social_worker']))).statusCode, 403);
    assert.equal((await apiCall(w, 'GET', '/api/v1/pairs/hours', null)).statusCode, 401);
  });
});

/**
 * The JSON API of the volunteer's meeting log: GET and POST /api/v1/me/meetings (the same service as /me/meetings).
 *   npm test -- src/modules/pairs/meetings/meetings.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { concerns, meetingComments, meetings } from '../pairs.table.js';
import { LoggedMeetingOutput, MyMeetingsOutput } from './meetings.schemas.js';
import { apiCall, auditEntries, countAll, createMatch, daysAgo, matchedMentee, tokenFor, volunteerWithToken, world, type ErrorBody, type World } from './test-helpers.js';

let w: World;
before(async () => {
  w = await world();
});
after(() => w.t.close());

/** A volunteer with a token and one active pair with Олена. */
async function volunteerWithPair() {
  const account = await volunteerWithToken(w);
  const match = await createMatch(w, (await matchedMentee(w, { givenName: 'Олена' })).id, account.volunteer.id);
  return { ...account, match };
}

const log = (token: string | null, body: unknown) => apiCall(w, 'POST', '/api/v1/me/meetings', token, body);

describe('POST /api/v1/me/meetings', () => {
  it('logs a meeting from JSON (numbers, a boolean) and answers 201 with it; audited', async () => {
    const { token, match, volunteer, user } = await volunteerWithPair();
    const res = await log(token, { matchId: match.id, meetingDate: daysAgo(2), duration: 90, minutes: 45, activity: 'office_visit', place: 'Urząd Wojewódzki', note: 'Wniosek złożony.', worry: false });
    assert.equal(res.statusCode, 201, res.body);
    const body = LoggedMeetingOutput.parse(res.json());
    assert.deepEqual(
      { matchId: body.matchId, meetingDate: body.meetingDate, minutes: body.minutes, activity: body.activity, place: body.place, note: body.note, worry: body.worry, mentee: body.menteeGivenName, comments: body.comments, concernId: body.concernId },
      { matchId: match.id, meetingDate: daysAgo(2), minutes: 45, activity: 'office_visit', place: 'Urząd Wojewódzki', note: 'Wniosek złożony.', worry: false, mentee: 'Олена', comments: [], concernId: null },
      'typed minutes win over the duration, as on the form',
    );
    const [row] = await withSystem(w.db, (tx) => tx.select().from(meetings).where(eq(meetings.id, body.id)));
    assert.deepEqual([row?.volunteerId, row?.loggedByUserId, row?.minutes], [volunteer.id, user.userId, 45]);
    assert.ok((await auditEntries(w, w.org.id, 'meeting.create')).some((a) => a.entityId === body.id && a.actorUserId === user.userId));
  });

  it('with `worry: true` opens the concern with the severity and summary given', async () => {
    const { token, match } = await volunteerWithPair();
    const res = await log(token, { matchId: match.id, meetingDate: daysAgo(1), duration: 60, activity: 'errand', note: 'Rodzina nie ma jedzenia.', worry: true, worrySeverity: 'high', worrySummary: 'Brak jedzenia w domu' });
    assert.equal(res.statusCode, 201, res.body);
    const body = LoggedMeetingOutput.parse(res.json());
    assert.equal(body.worry, true);
    assert.ok(body.concernId);
    const [concern] = await withSystem(w.db, (tx) => tx.select().from(concerns).where(eq(concerns.id, body.concernId!)));
    assert.deepEqual([concern?.meetingId, concern?.severity, concern?.summary], [body.id, 'high', 'Brak jedzenia w domu']);
  });

  it('refuses bad input with 422 and a message next to the field, writing nothing', async () => {
    const { token, match } = await volunteerWithPair();
    const ok = { matchId: match.id, meetingDate: daysAgo(1), duration: 60, activity: 'conversation' };
    const cases: { body: Record<string, unknown>; field: string; message: RegExp }[] = [
      { body: { ...ok, meetingDate: daysAgo(-1) }, field: 'meetingDate', message: /cannot be in the future/ },
      { body: { ...ok, meetingDate: '2000-01-01' }, field: 'meetingDate', message: /The pair started on/ },
      { body: { ...ok, minutes: 1800 }, field: 'minutes', message: /at most 12 hours/ },
      { body: { ...ok, minutes: 1.5 }, field: 'minutes', message: /whole number of minutes/ },
      { body: { ...ok, duration: 45 }, field: 'duration', message: /./ },
      { body: { ...ok, duration: undefined }, field: 'duration', message: /Choose how long/ },
      { body: { ...ok, worry: true }, field: 'worrySeverity', message: /Choose how serious/ },
      { body: { ...ok, extra: 'x' }, field: '_form', message: /extra/ },
    ];
    const counted = await countAll(w);
    for (const c of cases) {
      const res = await log(token, c.body);
      assert.equal(res.statusCode, 422, JSON.stringify(c.body));
      const err = res.json<ErrorBody>().error;
      assert.equal(err.code, 'VALIDATION');
      assert.match(err.fields?.[c.field] ?? '', c.message, `${c.field}: ${JSON.stringify(err.fields)}`);
    }
    assert.deepEqual(await countAll(w), counted);
  });

  it('security: another volunteer’s or another organisation’s pair 404, staff 403, no token 401 — nothing written', async () => {
    const { token } = await volunteerWithPair();
    const someone = await volunteerWithToken(w, { givenName: 'Anna' });
    const theirs = await createMatch(w, (await matchedMentee(w)).id, someone.volunteer.id);
    const foreignVolunteer = await volunteerWithToken(w, { organisationId: w.other.id });
    const foreign = await createMatch(w, (await matchedMentee(w, { organisationId: w.other.id })).id, foreignVolunteer.volunteer.id, { organisationId: w.other.id });
    const counted = await countAll(w);
    for (const matchId of [theirs.id, foreign.id]) {
      const res = await log(token, { matchId, meetingDate: daysAgo(1), duration: 60, activity: 'conversation' });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json<ErrorBody>().error.code, 'NOT_FOUND');
    }
    const body = { matchId: theirs.id, meetingDate: daysAgo(1), duration: 60, activity: 'conversation' };
    assert.equal((await log(await tokenFor(w, ['coordinator']), body)).statusCode, 403);
    assert.equal((await log(null, body)).statusCode, 401);
    assert.deepEqual(await countAll(w), counted);
  });
});

describe('GET /api/v1/me/meetings', () => {
  it('answers the volunteer’s pairs, meetings newest first with staff comments, and totals', async () => {
    const { token, match } = await volunteerWithPair();
    for (const [days, minutes] of [[3, 60], [1, 30]] as const) assert.equal((await log(token, { matchId: match.id, meetingDate: daysAgo(days), minutes, activity: 'conversation' })).statusCode, 201);
    const [newest] = await withSystem(w.db, (tx) => tx.select().from(meetings).where(and(eq(meetings.matchId, match.id), eq(meetings.meetingDate, daysAgo(1)))));
    await withSystem(w.db, (tx) => tx.insert(meetingComments).values({ organisationId: w.org.id, meetingId: newest!.id, authorUserId: newest!.loggedByUserId, body: 'Dziękuję!' }));

    const res = await apiCall(w, 'GET', '/api/v1/me/meetings', token);
    assert.equal(res.statusCode, 200, res.body);
    const me = MyMeetingsOutput.parse(res.json());
    assert.deepEqual(me.pairs.map((p) => [p.matchId, p.menteeGivenName]), [[match.id, 'Олена']]);
    assert.deepEqual(me.meetings.map((m) => [m.meetingDate, m.minutes]), [[daysAgo(1), 30], [daysAgo(3), 60]]);
    assert.deepEqual(me.meetings[0]!.comments.map((c) => c.body), ['Dziękuję!']);
    assert.deepEqual(me.totals.all, { minutes: 90, meetings: 2 });
    assert.ok(!('organisationId' in me.meetings[0]!) && !('loggedByUserId' in me.meetings[0]!), 'no database row leaks');
  });

  it('security: staff 403, an account without a volunteer record 404, no token 401', async () => {
    assert.equal((await apiCall(w, 'GET', '/api/v1/me/meetings', await tokenFor(w, ['administrator']))).statusCode, 403);
    assert.equal((await apiCall(w, 'GET', '/api/v1/me/meetings', await tokenFor(w, ['volunteer']))).statusCode, 404);
    assert.equal((await apiCall(w, 'GET', '/api/v1/me/meetings', null)).statusCode, 401);
  });
});

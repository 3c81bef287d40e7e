/**
 * The JSON API of ending a pair: GET and POST /api/v1/pairs/:id/close (the same schema and service as the page).
 *   npm test -- src/modules/pairs/closure/closure.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { addDays, todayIn } from '../../../core/i18n/time-zone.js';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';
import { auditEntries, countRows } from '../../../core/testing/rows.js';
import { tokenFor, world, type World } from '../../../core/testing/world.js';
import { matches } from '../../matching/index.js';
import { mentees } from '../../mentees/index.js';
import { checkIns } from '../pairs.table.js';
import { assertFollowersOnly, followedPair } from '../testing.js';
import { CloseFormOutput, ClosedOutput } from './closure.schemas.js';

let w: World;
before(async () => {
  w = await world();
});
after(() => w.t.close());

const url = (matchId: string) => `/api/v1/pairs/${matchId}/close`;
const today = () => todayIn('Europe/Warsaw');
const matchRow = async (id: string) => (await withSystem(w.db, (tx) => tx.select().from(matches).where(eq(matches.id, id))))[0]!;
const closings = (matchId: string) => withSystem(w.db, (tx) => tx.select().from(checkIns).where(and(eq(checkIns.matchId, matchId), eq(checkIns.kind, 'closing'))));

/** A coordinator with a token following a pair that started 60 days ago (the volunteer has an e-mail address). */
const followed = (seed: Parameters<typeof followedPair>[1] = {}) => followedPair(w, seed);

describe('GET /api/v1/pairs/:id/close', () => {
  it('answers what the form shows, with the version to send back; audited; 409 once the pair has ended', async () => {
    const { token, user, pair } = await followed();
    const res = await apiCall(w, 'GET', url(pair.id), token);
    assert.equal(res.statusCode, 200, res.body);
    const data = CloseFormOutput.parse(res.json());
    assert.deepEqual([data.matchId, data.status, data.version, data.today, data.volunteer.givenName, data.volunteer.hasEmail, data.mentee.status], [pair.id, 'active', 1, today(), 'Zofia', true, 'matched']);
    assert.equal(data.startedOn, addDays(today(), -60));
    assert.ok((await auditEntries(w, w.org.id, 'match.view')).some((a) => a.entityId === pair.id && a.actorUserId === user.userId));
    const ended = await followed({ status: 'closed' });
    assert.equal((await apiCall(w, 'GET', url(ended.pair.id), ended.token)).statusCode, 409);
  });

  it('security: another organisation’s pair 404, a pair I do not follow 403, a programme manager 403, no token 401', async () => {
    const { pair } = await assertFollowersOnly(w, (matchId, token) => apiCall(w, 'GET', url(matchId), token));
    assert.equal((await apiCall(w, 'GET', url(pair.id), await tokenFor(w, ['programme_manager']))).statusCode, 403);
  });
});

describe('POST /api/v1/pairs/:id/close', () => {
  it('ends the pair from JSON and answers 200 with what happened; the mentee is back on the waiting list; audited', async () => {
    const { token, user, pair } = await followed();
    const res = await apiCall(w, 'POST', url(pair.id), token, { version: 1, reason: 'no_contact', returnChoice: 'auto', sendThanks: true, volunteerHeldOn: today(), volunteerRating: 3, volunteerNotes: 'Brak kontaktu od października.' });
    assert.equal(res.statusCode, 200, res.body);
    const closed = ClosedOutput.parse(res.json());
    assert.deepEqual([closed.matchId, closed.status, closed.version, closed.reason, closed.reasonText, closed.menteeStatus, closed.returned, closed.thanked], [pair.id, 'closed', 2, 'no_contact', null, 'waiting', true, true]);
    const m = await matchRow(pair.id);
    assert.deepEqual([m.status, m.version, m.endReason, m.endedAt?.toISOString()], ['closed', 2, 'no_contact', closed.endedAt]);
    const [mentee] = await withSystem(w.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, pair.menteeId)));
    assert.equal(mentee?.status, 'waiting');
    assert.deepEqual((await closings(pair.id)).map((c) => [c.side, c.heldOn, c.rating, c.notes]), [['volunteer', today(), 3, 'Brak kontaktu od października.']]);
    assert.ok((await auditEntries(w, w.org.id, 'match.close')).some((a) => a.entityId === pair.id && a.actorUserId === user.userId));
  });

  it('refuses bad input with 422 next to the field, writing nothing', async () => {
    const { token, pair } = await followed();
    const ok = { version: 1, reason: 'goal_reached' };
    const cases: [Record<string, unknown>, string][] = [
      [{ version: 1 }, 'reason'],
      [{ ...ok, reason: 'bored' }, 'reason'],
      [{ ...ok, reason: 'other' }, 'reasonText'],
      [{ ...ok, menteeRating: 4 }, 'menteeHeldOn'],
      [{ ...ok, menteeRating: 7, menteeHeldOn: today() }, 'menteeRating'],
      [{ ...ok, volunteerNotes: 'Za wcześnie.', volunteerHeldOn: addDays(today(), 1) }, 'volunteerHeldOn'],
      [{ ...ok, volunteerNotes: 'Przed startem.', volunteerHeldOn: addDays(today(), -61) }, 'volunteerHeldOn'],
      [{ reason: 'goal_reached' }, 'version'],
    ];
    const before = await countRows(w, 'check_ins');
    for (const [body, field] of cases) {
      const res = await apiCall(w, 'POST', url(pair.id), token, body);
      assert.equal(res.statusCode, 422, JSON.stringify(body));
      assert.ok(res.json<ErrorBody>().error.fields?.[field], `${field}: ${JSON.stringify(res.json<ErrorBody>().error.fields)}`);
    }
    assert.deepEqual([(await matchRow(pair.id)).status, (await matchRow(pair.id)).version], ['active', 1]);
    assert.equal(await countRows(w, 'check_ins'), before);
  });

  it('refuses fields it does not know (mass assignment) with 422, and the pair stays as it was', async () => {
    const { token, pair } = await followed();
    for (const extra of [{ organisationId: w.other.id }, { status: 'active' }, { endedAt: '2020-01-01T00:00:00Z' }, { closedByUserId: pair.volunteerId }]) {
      const res = await apiCall(w, 'POST', url(pair.id), token, { version: 1, reason: 'moved_away', ...extra });
      assert.equal(res.statusCode, 422, `${Object.keys(extra)[0]}: ${res.body}`);
      assert.match(res.json<ErrorBody>().error.fields?._form ?? '', new RegExp(Object.keys(extra)[0]!));
    }
    assert.deepEqual([(await matchRow(pair.id)).status, (await matchRow(pair.id)).version], ['active', 1]);
  });

  it('answers 409 for a stale version and for a pair already ended, writing nothing', async () => {
    const { token, pair } = await followed();
    const stale = await apiCall(w, 'POST', url(pair.id), token, { version: 2, reason: 'moved_away' });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<ErrorBody>().error.code, 'CONFLICT');
    assert.equal((await matchRow(pair.id)).status, 'active');
    assert.equal((await apiCall(w, 'POST', url(pair.id), token, { version: 1, reason: 'moved_away' })).statusCode, 200);
    assert.equal((await apiCall(w, 'POST', url(pair.id), token, { version: 2, reason: 'moved_away' })).statusCode, 409);
    assert.equal((await matchRow(pair.id)).version, 2);
  });

  it('security: another organisation’s pair 404, a pair I do not follow 403, a volunteer 403, no token 401 — nothing changed', async () => {
    const body = { version: 1, reason: 'moved_away' };
    const { pair, foreign } = await assertFollowersOnly(w, (matchId, token) => apiCall(w, 'POST', url(matchId), token, body), 'social_worker');
    assert.equal((await apiCall(w, 'POST', url(pair.id), await tokenFor(w, ['volunteer']), body)).statusCode, 403);
    assert.equal((await matchRow(pair.id)).status, 'active');
    assert.equal((await matchRow(foreign.id)).status, 'active');
  });
});

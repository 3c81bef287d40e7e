/**
 * The JSON API of a pair's check-ins: GET and POST /api/v1/pairs/:id/check-ins (the same service as the pages).
 *   npm test -- src/modules/pairs/check-ins/check-ins.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';
import { tokenFor } from '../../../core/testing/world.js';
import { checkIns } from '../pairs.table.js';
import { CheckInOutput, CheckInsOutput } from './check-ins.schemas.js';
import { addCheckIn, assertFollowersOnly, auditEntries, countRows, day, followedPair, world, type World } from './test-helpers.js';

let w: World;
before(async () => {
  w = await world();
});
after(() => w.t.close());

const url = (matchId: string) => `/api/v1/pairs/${matchId}/check-ins`;
const rowsOf = (matchId: string) => withSystem(w.db, (tx) => tx.select().from(checkIns).where(eq(checkIns.matchId, matchId)));

/** A coordinator with a token following a pair that started 40 days ago. */
const followed = (seed: Parameters<typeof followedPair>[1] = {}) => followedPair(w, { startedDaysAgo: 40, ...seed });

describe('POST /api/v1/pairs/:id/check-ins', () => {
  it('records a check-in from JSON (a number for the rating) and answers 201 with it; audited', async () => {
    const { token, user, pair } = await followed();
    const res = await apiCall(w, 'POST', url(pair.id), token, { side: 'mentee', heldOn: day(-2), rating: 4, howItGoes: 'Spotykają się co tydzień.', notes: 'Zadzwonić za miesiąc.' });
    assert.equal(res.statusCode, 201, res.body);
    const body = CheckInOutput.parse(res.json());
    assert.deepEqual(
      [body.matchId, body.side, body.kind, body.heldOn, body.rating, body.howItGoes, body.notes, body.recordedBy],
      [pair.id, 'mentee', 'regular', day(-2), 4, 'Spotykają się co tydzień.', 'Zadzwonić za miesiąc.', 'Test User'],
    );
    const [row] = await rowsOf(pair.id);
    assert.deepEqual([row?.id, row?.recordedByUserId], [body.id, user.userId]);
    assert.ok((await auditEntries(w, w.org.id, 'check_in.create')).some((a) => a.entityId === body.id && a.actorUserId === user.userId));
  });

  it('refuses bad input with 422 and the message next to the field, writing nothing', async () => {
    const { token, pair } = await followed();
    const ok = { side: 'volunteer', heldOn: day(-1), rating: 3, howItGoes: 'Dobrze.' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...ok, heldOn: day(1) }, 'heldOn', /future/],
      [{ ...ok, heldOn: day(-41) }, 'heldOn', /before/],
      [{ ...ok, rating: 6 }, 'rating', /./],
      [{ ...ok, rating: 2.5 }, 'rating', /./],
      [{ ...ok, side: 'coordinator' }, 'side', /./],
      [{ ...ok, howItGoes: '' }, 'howItGoes', /./],
      [{ ...ok, extra: true }, '_form', /extra/],
    ];
    for (const [body, field, message] of cases) {
      const res = await apiCall(w, 'POST', url(pair.id), token, body);
      assert.equal(res.statusCode, 422, JSON.stringify(body));
      assert.match(res.json<ErrorBody>().error.fields?.[field] ?? '', message, JSON.stringify(res.json<ErrorBody>().error.fields));
    }
    assert.equal((await rowsOf(pair.id)).length, 0);
  });

  it('answers 409 for an ended pair, writing nothing', async () => {
    const { token, pair } = await followed({ status: 'closed' });
    const res = await apiCall(w, 'POST', url(pair.id), token, { side: 'volunteer', heldOn: day(-1), rating: 3, howItGoes: 'Dobrze.' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json<ErrorBody>().error.code, 'CONFLICT');
    assert.equal((await rowsOf(pair.id)).length, 0);
  });

  it('security: another organisation’s pair 404, a pair I do not follow or a volunteer 403, no token 401 — nothing written', async () => {
    const body = { side: 'volunteer', heldOn: day(-1), rating: 3, howItGoes: 'Dobrze.' };
    const before = await countRows(w, 'check_ins');
    const { pair, token } = await assertFollowersOnly(w, (matchId, t) => apiCall(w, 'POST', url(matchId), t, body));
    assert.equal((await apiCall(w, 'POST', url('nope'), token, body)).statusCode, 404);
    assert.equal((await apiCall(w, 'POST', url(pair.id), await tokenFor(w, ['volunteer']), body)).statusCode, 403);
    assert.equal(await countRows(w, 'check_ins'), before);
  });
});

describe('GET /api/v1/pairs/:id/check-ins', () => {
  it('answers the check-ins newest first and when the next one is due; audited', async () => {
    const { token, user, pair } = await followed();
    await addCheckIn(w, pair.id, 'volunteer', day(-20), user.userId);
    await addCheckIn(w, pair.id, 'mentee', day(-5), user.userId);
    const res = await apiCall(w, 'GET', url(pair.id), token);
    assert.equal(res.statusCode, 200, res.body);
    const data = CheckInsOutput.parse(res.json());
    assert.equal(data.pair.id, pair.id);
    assert.deepEqual(data.items.map((c) => [c.side, c.heldOn]), [['mentee', day(-5)], ['volunteer', day(-20)]]);
    assert.ok(data.due.volunteer && data.due.mentee);
    assert.equal(data.today, day());
    assert.ok((await auditEntries(w, w.org.id, 'check_in.list')).some((a) => a.entityId === pair.id && a.actorUserId === user.userId));
  });

  it('security: another organisation’s pair 404, a pair I do not follow 403, no token 401', async () => {
    await assertFollowersOnly(w, (matchId, token) => apiCall(w, 'GET', url(matchId), token), 'social_worker');
  });
});

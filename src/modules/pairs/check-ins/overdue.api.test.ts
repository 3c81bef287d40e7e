/**
 * The JSON API of the overdue list: GET /api/v1/pairs/overdue (the same service as /pairs/overdue).
 *   npm test -- src/modules/pairs/check-ins/overdue.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';
import { apiUser, tokenFor } from '../../../core/testing/world.js';
import { OverdueOutput } from './check-ins.schemas.js';
import { addMeeting, auditEntries, createPair, day, world, type World } from './test-helpers.js';

let w: World;
before(async () => {
  w = await world();
});
after(() => w.t.close());

describe('GET /api/v1/pairs/overdue', () => {
  it('lists the overdue check-ins and quiet pairs of the pairs I follow, or of all with all=1; audited', async () => {
    const coordinator = await apiUser(w, ['coordinator']);
    const silent = await createPair(w, { coordinatorUserId: coordinator.user.userId, startedDaysAgo: 40, volunteer: { givenName: 'Celina' } });
    const ofOther = await createPair(w, { startedDaysAgo: 30, volunteer: { givenName: 'Ewa' } });
    await addMeeting(w, ofOther, day(-25));
    await createPair(w, { organisationId: w.other.id, startedDaysAgo: 100 });

    const res = await apiCall(w, 'GET', '/api/v1/pairs/overdue', coordinator.token);
    assert.equal(res.statusCode, 200, res.body);
    const mine = OverdueOutput.parse(res.json());
    assert.equal(mine.all, false);
    assert.deepEqual(mine.overdue.map((o) => [o.matchId, o.side, o.days, o.dueOn]), [[silent.id, 'mentee', 26, day(-26)], [silent.id, 'volunteer', 26, day(-26)]]);
    assert.deepEqual(mine.quiet.map((q) => [q.matchId, q.days, q.lastMeetingOn, q.volunteer.givenName]), [[silent.id, 40, null, 'Celina']]);
    assert.ok((await auditEntries(w, w.org.id, 'pairs.overdue.view')).some((a) => a.actorUserId === coordinator.user.userId));

    const all = OverdueOutput.parse((await apiCall(w, 'GET', '/api/v1/pairs/overdue?all=1', coordinator.token)).json());
    assert.equal(all.all, true);
    assert.deepEqual([...new Set(all.quiet.map((q) => q.matchId))].sort(), [silent.id, ofOther.id].sort(), 'every pair of the organisation, none of another');
    // A social worker may not widen the list: they get the pairs they follow, and the answer says so.
    const social = OverdueOutput.parse((await apiCall(w, 'GET', '/api/v1/pairs/overdue?all=1', await tokenFor(w, ['social_worker']))).json());
    assert.deepEqual([social.all, social.overdue, social.quiet], [false, [], []]);
  });

  it('refuses a bad query with 422; volunteers 403; no token 401', async () => {
    const token = await tokenFor(w, ['coordinator']);
    for (const qs of ['all=yes', 'page=2']) {
      const res = await apiCall(w, 'GET', `/api/v1/pairs/overdue?${qs}`, token);
      assert.equal(res.statusCode, 422, qs);
      assert.equal(res.json<ErrorBody>().error.code, 'VALIDATION');
    }
    assert.equal((await apiCall(w, 'GET', '/api/v1/pairs/overdue', await tokenFor(w, ['volunteer']))).statusCode, 403);
    assert.equal((await apiCall(w, 'GET', '/api/v1/pairs/overdue', null)).statusCode, 401);
  });
});

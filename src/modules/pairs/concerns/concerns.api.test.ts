/**
 * The JSON API of concerns: /api/v1/concerns… for the staff on a case, /api/v1/me/concerns for the pair's volunteer.
 * The same visibility as the pages (visibility.test.ts): someone not on the case gets 404.
 *   npm test -- src/modules/pairs/concerns/concerns.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';
import { apiUser } from '../../../core/testing/world.js';
import { ConcernList, ConcernOutput, MyConcern, MyConcerns, RaisablePairs } from './concerns.schemas.js';
import { auditEntries, concernRows, countRows, pairOf, volunteerFor, world, type World } from './test-helpers.js';

type Caller = Awaited<ReturnType<typeof apiUser>>;
let w: World;
let coord: Caller, sw: Caller, outsider: Caller, admin: Caller, vol: Caller, pm: Caller, foreign: Caller;
let matchId: string, foreignMatchId: string;

before(async () => {
  w = await world();
  [coord, sw, outsider, admin, vol, pm] = await Promise.all([
    apiUser(w, ['coordinator']),
    apiUser(w, ['social_worker']),
    apiUser(w, ['coordinator']),
    apiUser(w, ['administrator']),
    apiUser(w, ['volunteer']),
    apiUser(w, ['programme_manager']),
  ]);
  foreign = await apiUser(w, ['coordinator', 'administrator'], w.other.id);
  matchId = (await pairOf(w, { volunteerId: await volunteerFor(w, vol), coordinatorUserId: coord.user.userId, caseStaff: [sw.user.userId] })).match.id;
  foreignMatchId = (await pairOf(w, { organisationId: w.other.id, coordinatorUserId: foreign.user.userId })).match.id;
});
after(() => w.t.close());

const call = (who: Caller | null, method: 'GET' | 'POST', url: string, body?: unknown) => apiCall(w, method, url, who?.token ?? null, body);
const raise = { severity: 'high', summary: 'Olena seemed frightened', description: 'She said the landlord shouted at her.' };

/** A concern about the pair raised by its coordinator through the API: its output. */
async function raised(summary = raise.summary): Promise<ConcernOutput> {
  const res = await call(coord, 'POST', '/api/v1/concerns', { ...raise, matchId, summary });
  assert.equal(res.statusCode, 201, res.body);
  return ConcernOutput.parse(res.json());
}

/** A refused request: its status, and nothing written to the concern (version and history unchanged). */
async function refused(who: Caller, path: string, body: unknown, status: number, concern: ConcernOutput) {
  const res = await call(who, 'POST', path, body);
  assert.equal(res.statusCode, status, `${path} ${JSON.stringify(body)}: ${res.body}`);
  const now = ConcernOutput.parse((await call(coord, 'GET', `/api/v1/concerns/${concern.id}`)).json());
  assert.equal(now.version, concern.version, 'nothing changed');
  assert.equal(now.history.length, concern.history.length, 'no history entry');
  return res.json<ErrorBody>().error;
}

describe('raising a concern', () => {
  it('as the pair’s volunteer: 201 with what they may know, in their list; audited and the staff told', async () => {
    const res = await call(vol, 'POST', '/api/v1/me/concerns', { ...raise, matchId });
    assert.equal(res.statusCode, 201, res.body);
    const mine = MyConcern.parse(res.json());
    assert.deepEqual([mine.summary, mine.severity, mine.status, mine.menteeGivenName], ['Olena seemed frightened', 'high', 'open', 'Олена']);
    assert.ok(!('description' in res.json<object>()), 'status only');
    assert.ok((await auditEntries(w, w.org.id, 'concern.create')).some((a) => a.entityId === mine.id && a.actorUserId === vol.user.userId));
    assert.equal((await concernRows(w)).find((r) => r.id === mine.id)!.raised_as, 'volunteer');

    const list = MyConcerns.parse((await call(vol, 'GET', '/api/v1/me/concerns')).json());
    assert.deepEqual(list.concerns.map((c) => c.id), [mine.id]);
    assert.deepEqual(list.pairs, [{ matchId, menteeGivenName: 'Олена' }]);
    const seen = ConcernOutput.parse((await call(coord, 'GET', `/api/v1/concerns/${mine.id}`)).json());
    assert.equal(seen.raisedAs, 'volunteer');
  });

  it('as staff: 201 with the concern and its first history entry; the pairs offered are the ones they follow', async () => {
    const pairs = (who: Caller) => call(who, 'GET', '/api/v1/concerns/pairs').then((r) => RaisablePairs.parse(r.json()).items.map((p) => p.matchId));
    assert.deepEqual(await pairs(coord), [matchId]);
    assert.deepEqual(await pairs(outsider), [], 'follows no pair');
    assert.deepEqual(await pairs(admin), [matchId], 'administrators: any pair of the organisation');
    const c = await raised('Raised by the coordinator');
    assert.deepEqual([c.raisedAs, c.status, c.version, c.matchId], ['coordinator', 'open', 1, matchId]);
    assert.deepEqual(c.nextStatuses, ['in_progress', 'resolved']);
    assert.deepEqual(c.escalateTo, ['safeguarding']);
    assert.deepEqual(c.history.map((h) => [h.kind, h.to]), [['status', 'open']]);
  });

  it('refuses bad input (422 at the field) and a pair the caller may not raise about (404); nothing written', async () => {
    const before = await countRows(w, 'concerns');
    for (const [who, path] of [[coord, '/api/v1/concerns'], [vol, '/api/v1/me/concerns']] as const) {
      for (const [body, field] of [
        [{ ...raise, matchId, severity: 'dire' }, 'severity'],
        [{ ...raise, matchId, summary: ' ' }, 'summary'],
        [{ ...raise, matchId: 'nope' }, 'matchId'],
        [{ ...raise, matchId, extra: 1 }, '_form'],
      ] as const) {
        const res = await call(who, 'POST', path, body);
        assert.equal(res.statusCode, 422, `${path} ${field}`);
        assert.ok(res.json<ErrorBody>().error.fields?.[field], `${path}: message at ${field}: ${res.body}`);
      }
      assert.equal((await call(who, 'POST', path, { ...raise, matchId: foreignMatchId })).statusCode, 404, `${path}: another organisation’s pair`);
    }
    assert.equal((await call(outsider, 'POST', '/api/v1/concerns', { ...raise, matchId })).statusCode, 404, 'a pair they do not follow');
    assert.equal(await countRows(w, 'concerns'), before);
  });

  it('security: no token 401; staff may not use the volunteer’s door nor volunteers the staff’s (403)', async () => {
    assert.equal((await call(null, 'POST', '/api/v1/me/concerns', { ...raise, matchId })).statusCode, 401);
    assert.equal((await call(coord, 'POST', '/api/v1/me/concerns', { ...raise, matchId })).statusCode, 403);
    assert.equal((await call(coord, 'GET', '/api/v1/me/concerns')).statusCode, 403);
    for (const who of [vol, pm]) {
      assert.equal((await call(who, 'POST', '/api/v1/concerns', { ...raise, matchId })).statusCode, 403);
      assert.equal((await call(who, 'GET', '/api/v1/concerns/pairs')).statusCode, 403);
    }
  });
});

describe('the staff list and one concern', () => {
  it('lists only the concerns the caller is on the case of, with the page’s filters (bad filter 422); audited', async () => {
    const c = await raised('Listed concern');
    const ids = async (who: Caller, qs = '') => ConcernList.parse((await call(who, 'GET', `/api/v1/concerns${qs}`)).json()).items.map((i) => i.id);
    assert.ok((await ids(coord)).includes(c.id));
    assert.ok((await ids(sw)).includes(c.id), 'the mentee’s case staff');
    assert.ok(!(await ids(outsider)).includes(c.id), 'not on the case');
    assert.ok(!(await ids(admin)).includes(c.id), 'an administrator not on the case');
    assert.deepEqual(await ids(foreign), []);
    assert.ok((await ids(coord, '?status=open&severity=high')).includes(c.id));
    assert.ok((await ids(coord, '?status=&severity=')).includes(c.id), 'blank filters are no filter');
    assert.deepEqual(await ids(coord, '?status=closed'), []);
    for (const qs of ['?status=gone', '?severity=dire']) assert.equal((await call(coord, 'GET', `/api/v1/concerns${qs}`)).statusCode, 422, qs);
    assert.ok((await auditEntries(w, w.org.id, 'concern.list')).some((a) => a.actorUserId === coord.user.userId));
    assert.equal((await call(vol, 'GET', '/api/v1/concerns')).statusCode, 403);
  });

  it('shows one concern to the staff on its case (audited), 404 to anyone else or another organisation', async () => {
    const c = await raised('One concern');
    const views = (await auditEntries(w, w.org.id, 'concern.view')).length;
    const res = await call(sw, 'GET', `/api/v1/concerns/${c.id}`);
    assert.equal(res.statusCode, 200);
    const seen = ConcernOutput.parse(res.json());
    assert.equal(seen.description, raise.description);
    assert.ok(seen.staff.some((s) => s.userId === coord.user.userId), 'the staff it may be assigned to');
    assert.ok(!('organisationId' in res.json<object>()) && !('raisedByUserId' in res.json<object>()), 'no row leaks');
    for (const who of [outsider, admin, foreign]) assert.equal((await call(who, 'GET', `/api/v1/concerns/${c.id}`)).statusCode, 404);
    assert.equal((await call(coord, 'GET', '/api/v1/concerns/nope')).statusCode, 404);
    assert.equal((await call(vol, 'GET', `/api/v1/concerns/${c.id}`)).statusCode, 403, 'the volunteer has their own list');
    assert.equal((await auditEntries(w, w.org.id, 'concern.view')).length, views + 1, 'refused views leave no entry');
  });
});

describe('working on a concern', () => {
  it('acknowledge: 200 with who and when, once; audited; 404 for someone not on the case', async () => {
    const c = await raised('To acknowledge');
    await refused(outsider, `/api/v1/concerns/${c.id}/acknowledge`, {}, 404, c);
    await refused(coord, `/api/v1/concerns/${c.id}/acknowledge`, { seen: true }, 422, c);
    const res = await call(sw, 'POST', `/api/v1/concerns/${c.id}/acknowledge`, {});
    assert.equal(res.statusCode, 200);
    const done = ConcernOutput.parse(res.json());
    assert.ok(done.acknowledgedAt);
    assert.equal(done.history.at(-1)!.kind, 'acknowledged');
    const again = ConcernOutput.parse((await call(coord, 'POST', `/api/v1/concerns/${c.id}/acknowledge`)).json());
    assert.equal(again.acknowledgedAt, done.acknowledgedAt, 'once');
    assert.equal(again.history.length, done.history.length);
    assert.equal((await auditEntries(w, w.org.id, 'concern.acknowledge')).filter((a) => a.entityId === c.id).length, 1);
  });

  it('add a note or an action: 200 with it in the history; 422 for bad input; audited', async () => {
    const c = await raised('To note');
    for (const body of [{ kind: 'gossip', text: 'x' }, { kind: 'note', text: '' }, { kind: 'note' }]) await refused(coord, `/api/v1/concerns/${c.id}/actions`, body, 422, c);
    await refused(foreign, `/api/v1/concerns/${c.id}/actions`, { kind: 'note', text: 'Nope' }, 404, c);
    const res = await call(coord, 'POST', `/api/v1/concerns/${c.id}/actions`, { kind: 'action', text: 'Called Olena.' });
    assert.equal(res.statusCode, 200);
    const last = ConcernOutput.parse(res.json()).history.at(-1)!;
    assert.deepEqual([last.kind, last.text], ['action', 'Called Olena.']);
    assert.ok((await auditEntries(w, w.org.id, 'concern.action')).some((a) => a.entityId === c.id));
  });

  it('assign: 200 with the assignee; 409 on a stale version, 422 for someone not on the staff; audited', async () => {
    const c = await raised('To assign');
    const path = `/api/v1/concerns/${c.id}/assign`;
    const notStaff = await refused(coord, path, { version: 1, assigneeUserId: vol.user.userId }, 422, c);
    assert.ok(notStaff.fields?.assigneeUserId);
    await refused(coord, path, { version: 'one', assigneeUserId: outsider.user.userId }, 422, c);
    await refused(pm, path, { version: 1, assigneeUserId: outsider.user.userId }, 403, c);
    const res = await call(coord, 'POST', path, { version: 1, assigneeUserId: outsider.user.userId });
    assert.equal(res.statusCode, 200, res.body);
    const done = ConcernOutput.parse(res.json());
    assert.deepEqual([done.assignedToUserId, done.version], [outsider.user.userId, 2]);
    assert.equal((await call(outsider, 'GET', `/api/v1/concerns/${c.id}`)).statusCode, 200, 'the assignee sees it now');
    const stale = await refused(coord, path, { version: 1, assigneeUserId: sw.user.userId }, 409, done);
    assert.equal(stale.code, 'CONFLICT');
    assert.ok((await auditEntries(w, w.org.id, 'concern.assign')).some((a) => a.entityId === c.id));
  });

  it('escalate: 200 with the higher severity; never lower (422), stale 409; audited', async () => {
    const c = await raised('To escalate');
    const path = `/api/v1/concerns/${c.id}/escalate`;
    const lower = await refused(coord, path, { version: 1, severity: 'medium', reason: 'Calmer now' }, 422, c);
    assert.ok(lower.fields?.severity);
    await refused(coord, path, { version: 1, severity: 'safeguarding', reason: '' }, 422, c);
    await refused(outsider, path, { version: 1, severity: 'safeguarding', reason: 'Locked in' }, 404, c);
    await refused(coord, path, { version: 2, severity: 'safeguarding', reason: 'Locked in' }, 409, c);
    const res = await call(sw, 'POST', path, { version: 1, severity: 'safeguarding', reason: 'Locked in her room' });
    assert.equal(res.statusCode, 200, res.body);
    const done = ConcernOutput.parse(res.json());
    assert.deepEqual([done.severity, done.escalateTo], ['safeguarding', []]);
    assert.deepEqual([done.history.at(-1)!.kind, done.history.at(-1)!.from, done.history.at(-1)!.to, done.history.at(-1)!.text], ['escalated', 'high', 'safeguarding', 'Locked in her room']);
    assert.ok((await auditEntries(w, w.org.id, 'concern.escalate')).some((a) => a.entityId === c.id));
  });

  it('status: moves on to closed; resolving needs the resolution, a move not allowed is 422, stale 409; closed takes no more', async () => {
    const c = await raised('To close');
    const path = `/api/v1/concerns/${c.id}/status`;
    const noResolution = await refused(coord, path, { version: 1, status: 'resolved' }, 422, c);
    assert.ok(noResolution.fields?.resolution);
    assert.ok((await refused(coord, path, { version: 1, status: 'closed' }, 422, c)).fields?.status, 'closing only once resolved');
    await refused(coord, path, { version: 3, status: 'in_progress' }, 409, c);
    const step = async (body: object) => {
      const res = await call(coord, 'POST', path, body);
      assert.equal(res.statusCode, 200, res.body);
      return ConcernOutput.parse(res.json());
    };
    assert.equal((await step({ version: 1, status: 'in_progress' })).status, 'in_progress');
    const resolved = await step({ version: 2, status: 'resolved', resolution: 'Moved to her sister’s.' });
    assert.deepEqual([resolved.status, resolved.resolution, resolved.nextStatuses], ['resolved', 'Moved to her sister’s.', ['closed', 'in_progress']]);
    const closed = await step({ version: 3, status: 'closed' });
    assert.ok(closed.closedAt);
    assert.deepEqual(closed.nextStatuses, []);
    assert.ok((await refused(coord, `/api/v1/concerns/${c.id}/acknowledge`, {}, 422, closed)).fields?._form, 'closed');
    assert.equal((await auditEntries(w, w.org.id, 'concern.status')).filter((a) => a.entityId === c.id).length, 3);
  });

  it('is documented in the OpenAPI document under the concerns tag, with a 409 where a version can be stale', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> }>();
    for (const [path, method] of [['/api/v1/concerns', 'get'], ['/api/v1/concerns', 'post'], ['/api/v1/concerns/pairs', 'get'], ['/api/v1/concerns/{id}', 'get'], ['/api/v1/me/concerns', 'get'], ['/api/v1/me/concerns', 'post']] as const)
      assert.deepEqual(doc.paths[path]?.[method]?.tags, ['concerns'], `${method} ${path}`);
    for (const action of ['assign', 'escalate', 'status']) assert.ok(doc.paths[`/api/v1/concerns/{id}/${action}`]?.post?.responses['409'], action);
    for (const action of ['acknowledge', 'actions']) assert.ok(!doc.paths[`/api/v1/concerns/{id}/${action}`]?.post?.responses['409'], action);
  });
});

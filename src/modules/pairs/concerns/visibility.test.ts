import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { signedIn, addCover, auditEntries, concernRows, countRows, fieldError, flashOn, idsVisibleTo, pairOf, volunteerFor, useWorld, type SignedIn } from './test-helpers.js';

const w = useWorld();
let coord: SignedIn, cover: SignedIn, laterCover: SignedIn, sw: SignedIn, otherSw: SignedIn, admin: SignedIn, assignee: SignedIn, foreign: SignedIn, vol: SignedIn, otherVol: SignedIn;
let matchId: string;
let otherMatchId: string;
let foreignMatchId: string;

before(async () => {
  coord = await signedIn(w, ['coordinator'], { name: 'Celina Nowak' });
  cover = await signedIn(w, ['coordinator'], { name: 'Krystyna Zastępska' });
  laterCover = await signedIn(w, ['coordinator'], { name: 'Marek Później' });
  sw = await signedIn(w, ['social_worker'], { name: 'Ольга Шевченко' });
  otherSw = await signedIn(w, ['social_worker'], { name: 'Piotr Obcy' });
  admin = await signedIn(w, ['administrator'], { name: 'Anna Admin' });
  assignee = await signedIn(w, ['coordinator'], { name: 'Tomasz Przydzielony' });
  foreign = await signedIn(w, ['coordinator', 'administrator'], { organisationId: w.other.id });
  vol = await signedIn(w, ['volunteer'], { name: 'Zofia Wiśniewska' });
  otherVol = await signedIn(w, ['volunteer'], { name: 'Jan Inny' });
  const volunteerId = await volunteerFor(w, vol);
  matchId = (await pairOf(w, { volunteerId, coordinatorUserId: coord.user.userId, caseStaff: [sw.user.userId] })).match.id;
  otherMatchId = (await pairOf(w, { volunteerId: await volunteerFor(w, otherVol), coordinatorUserId: otherSw.user.userId })).match.id;
  foreignMatchId = (await pairOf(w, { organisationId: w.other.id, coordinatorUserId: foreign.user.userId })).match.id;
  await addCover(w, coord.user.userId, cover.user.userId);
  await addCover(w, coord.user.userId, laterCover.user.userId, 10, 5);
});

async function raiseAsVolunteer(summary: string, severity = 'high') {
  await vol.client.get(`/me/concerns/new?matchId=${matchId}`);
  const res = await vol.client.post('/me/concerns', { matchId, severity, summary, description: 'She said the landlord shouted at her twice this week.' });
  assert.equal(res.status, 303);
  const id = /#concern-([0-9a-f-]{36})$/.exec(res.location ?? '')?.[1];
  assert.ok(id, res.location);
  return { id, res };
}

describe('concerns: who can see which', () => {
  it('a volunteer raises a concern about their pair; only the staff of the case see it, through the pages and in the database', async () => {
    const form = await vol.client.get(`/me/concerns/new?matchId=${matchId}`);
    assert.equal(form.status, 200);
    assert.match(form.body, /Your pair with Олена/);
    assert.match(form.body, /Someone may be at risk of harm or abuse/, 'each severity explained');
    assert.match(form.body, /aria-describedby="severity-safeguarding-hint"/);

    const { id, res } = await raiseAsVolunteer('Olena seemed frightened');
    assert.match(await flashOn(vol.client, res.location!), /Your coordinator has been told/);
    const row = (await concernRows(w)).find((r) => r.id === id)!;
    assert.deepEqual([row.status, row.severity, row.raised_as, row.version], ['open', 'high', 'volunteer', 1]);
    assert.ok((await auditEntries(w, w.org.id, 'concern.create')).some((a) => a.entityId === id && a.actorUserId === vol.user.userId));

    const viewsBefore = (await auditEntries(w, w.org.id, 'concern.view')).length;
    for (const [who, a] of [['coordinator', coord], ['cover today', cover], ['case social worker', sw]] as const) {
      const page = await a.client.get(`/concerns/${id}`);
      assert.equal(page.status, 200, who);
      assert.match(page.body, /Olena seemed frightened/, who);
      assert.match(page.body, /Zofia Wiśniewska with Олена Коваленко/, who);
      assert.match((await a.client.get('/concerns')).body, /Olena seemed frightened/, `${who}: in the list`);
      assert.ok((await idsVisibleTo(w, a.user.userId)).includes(id), `${who}: row-level security lets them read it`);
    }
    const views = (await auditEntries(w, w.org.id, 'concern.view')).slice(viewsBefore);
    assert.deepEqual(views.map((v) => v.actorUserId).sort(), [coord.user.userId, cover.user.userId, sw.user.userId].sort(), 'every view audited, by whom');
    assert.ok(views.every((v) => v.entityId === id));

    for (const [who, a] of [['cover on another day', laterCover], ['another social worker', otherSw], ['administrator not on the case', admin], ['assignee-to-be', assignee]] as const) {
      assert.equal((await a.client.get(`/concerns/${id}`)).status, 404, `${who}: 404, its existence not revealed`);
      assert.doesNotMatch((await a.client.get('/concerns')).body, /Olena seemed frightened/, `${who}: not in the list`);
      assert.ok(!(await idsVisibleTo(w, a.user.userId)).includes(id), `${who}: row-level security hides it`);
    }
    assert.equal((await foreign.client.get(`/concerns/${id}`)).status, 404, 'another organisation');
    assert.deepEqual(await idsVisibleTo(w, foreign.user.userId, w.other.id), []);
    assert.deepEqual(await idsVisibleTo(w, foreign.user.userId, w.org.id), [], 'not even pretending to be in the organisation');
    assert.ok((await idsVisibleTo(w, vol.user.userId)).includes(id), 'the raiser');
    assert.equal((await auditEntries(w, w.org.id, 'concern.view')).length, viewsBefore + 3, 'refused views leave no view entry');

    // Assigned: the assignee sees it from then on.
    const page = await coord.client.get(`/concerns/${id}`);
    assert.match(page.body, /Tomasz Przydzielony/);
    const assigned = await coord.client.post(`/concerns/${id}/assign`, { version: '1', assigneeUserId: assignee.user.userId });
    assert.equal(assigned.status, 303);
    assert.equal((await assignee.client.get(`/concerns/${id}`)).status, 200);
    assert.ok((await idsVisibleTo(w, assignee.user.userId)).includes(id));
    assert.ok((await auditEntries(w, w.org.id, 'concern.assign')).some((a) => a.entityId === id && a.actorUserId === coord.user.userId));

    // The assignee, on the case only by assignment, cannot hand it on and lock themselves out.
    const page2 = await assignee.client.get(`/concerns/${id}`);
    assert.doesNotMatch(page2.body, /name="assigneeUserId"/, 'no one else to offer');
    const away = await assignee.client.post(`/concerns/${id}/assign`, { version: '2', assigneeUserId: otherSw.user.userId });
    assert.equal(away.status, 422);
    assert.match(away.body, /only because it is assigned to you/);

    // Staff notes stay with staff: the volunteer sees the status only.
    await coord.client.get(`/concerns/${id}`);
    assert.equal((await coord.client.post(`/concerns/${id}/actions`, { kind: 'note', text: 'Called the landlord’s office' })).status, 303);
    const mine = await vol.client.get('/me/concerns');
    assert.equal(mine.status, 200);
    assert.match(mine.body, /Olena seemed frightened/);
    assert.match(mine.body, /<td[^>]*>Open<\/td>/);
    assert.doesNotMatch(mine.body, /landlord’s office|Tomasz/);
    const redirect = await vol.client.get(`/concerns/${id}`);
    assert.equal(redirect.status, 303, 'a volunteer sent to the staff page lands on their own list');
    assert.equal(redirect.location, `/me/concerns#concern-${id}`);
    assert.equal((await vol.client.get('/concerns')).status, 403);
    assert.equal((await otherVol.client.get('/me/concerns')).body.includes('Olena seemed frightened'), false, 'another volunteer');
  });

  it('refuses bad input with messages at the fields and writes nothing; pairs that are not yours are 404', async () => {
    await vol.client.get('/me/concerns/new');
    const before = [await countRows(w, 'concerns'), await countRows(w, 'concern_actions'), await countRows(w, 'jobs')];
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ matchId, summary: 'No severity' }, 'severity', /Fill in this field/],
      [{ matchId, severity: 'apocalyptic', summary: 'Wrong severity' }, 'severity', /Choose one of the options/],
      [{ matchId, severity: 'low', summary: '   ' }, 'summary', /Fill in this field/],
      [{ matchId, severity: 'low', summary: 'x'.repeat(201) }, 'summary', /at most 200 characters/],
      [{ matchId: 'not-a-pair', severity: 'low', summary: 'Bad pair' }, 'matchId', /./],
    ];
    for (const [form, field, message] of cases) {
      const res = await vol.client.post('/me/concerns', form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(fieldError(res.body, field) ?? '', message, JSON.stringify(form));
      assert.match(res.body, /class="error-summary"/);
    }
    for (const other of [otherMatchId, foreignMatchId]) {
      assert.equal((await vol.client.get(`/me/concerns/new?matchId=${other}`)).status, 404);
      assert.equal((await vol.client.post('/me/concerns', { matchId: other, severity: 'low', summary: 'Not my pair' })).status, 404);
    }
    // Staff not following the pair cannot raise about it either.
    assert.equal((await otherSw.client.get(`/concerns/new?matchId=${matchId}`)).status, 404);
    await otherSw.client.get('/concerns/new');
    assert.equal((await otherSw.client.post('/concerns', { matchId, severity: 'low', summary: 'Not my pair' })).status, 404);
    assert.deepEqual([await countRows(w, 'concerns'), await countRows(w, 'concern_actions'), await countRows(w, 'jobs')], before, 'nothing written');
    assert.equal((await sw.client.get('/me/concerns')).status, 403, 'staff have no volunteer pages');
  });

  it('works a concern through: status rules, resolution required, closing only after resolving, a stale form is 409', async () => {
    const { id } = await raiseAsVolunteer('Meetings keep being cancelled', 'medium');
    const c = coord.client;
    await c.get(`/concerns/${id}`);
    const actions = await countRows(w, 'concern_actions');
    const closeEarly = await c.post(`/concerns/${id}/status`, { version: '1', status: 'closed' });
    assert.equal(closeEarly.status, 422);
    assert.match(fieldError(closeEarly.body, 'status') ?? '', /closing only after it is resolved/);
    const noResolution = await c.post(`/concerns/${id}/status`, { version: '1', status: 'resolved', resolution: '' });
    assert.equal(noResolution.status, 422);
    assert.match(fieldError(noResolution.body, 'resolution') ?? '', /Describe the resolution/);
    assert.equal(await countRows(w, 'concern_actions'), actions, 'nothing written');

    assert.equal((await c.post(`/concerns/${id}/status`, { version: '1', status: 'in_progress' })).status, 303);
    const stale = await sw.client.post(`/concerns/${id}/status`, { version: '1', status: 'resolved', resolution: 'Talked to both' });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Someone changed this concern while you were looking at it/);
    assert.equal((await concernRows(w)).find((r) => r.id === id)!.status, 'in_progress', 'the stale form changed nothing');

    await c.get(`/concerns/${id}`);
    assert.equal((await c.post(`/concerns/${id}/actions`, { kind: 'action', text: 'Met the volunteer and agreed a fixed weekday' })).status, 303);
    assert.equal((await c.post(`/concerns/${id}/status`, { version: '2', status: 'resolved', resolution: 'A fixed weekday was agreed.' })).status, 303);
    const resolved = await c.get(`/concerns/${id}`);
    assert.match(resolved.body, /A fixed weekday was agreed\./);
    assert.match(resolved.body, /Celina Nowak recorded an action taken/);
    assert.equal((await c.post(`/concerns/${id}/status`, { version: '3', status: 'closed' })).status, 303);
    const row = (await concernRows(w)).find((r) => r.id === id)!;
    assert.deepEqual([row.status, row.resolution, row.version], ['closed', 'A fixed weekday was agreed.', 4]);
    const closed = await c.get(`/concerns/${id}`);
    assert.doesNotMatch(closed.body, /action="\/concerns\/[^"]+\/status"/, 'no status form once closed');
    const late = await c.post(`/concerns/${id}/assign`, { version: '4', assigneeUserId: assignee.user.userId });
    assert.equal(late.status, 422);
    assert.match(late.body, /This concern is closed/);
    const statusAudits = (await auditEntries(w, w.org.id, 'concern.status')).filter((a) => a.entityId === id);
    assert.equal(statusAudits.length, 3);
    assert.ok((await auditEntries(w, w.org.id, 'concern.action')).some((a) => a.entityId === id));
    assert.match((await vol.client.get('/me/concerns')).body, /<td[^>]*>Closed<\/td>/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { programmes } from '../../../core/tenancy/tenancy.table.js';
import { checkIns } from '../pairs.table.js';
import { addCheckIn, addMeeting, auditEntries, countRows, createPair, createProgramme, day, fieldError, flashOn, signedIn, createAccount, useWorld } from './test-helpers.js';

const w = useWorld();

describe('recording a check-in', () => {
  it('the coordinator records one with each side; the list shows them newest first with what is due next', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const pair = await createPair(w, { coordinatorUserId: user.userId, startedDaysAgo: 40, volunteer: { givenName: 'Łucja' } });
    await addMeeting(w, pair, day(-35));
    const form = await client.get(`/pairs/${pair.id}/check-ins/new?side=mentee`);
    assert.equal(form.status, 200);
    assert.match(form.body, /<legend>How it goes/);
    assert.match(form.body, /value="mentee" checked/);
    assert.match(form.body, new RegExp(`name="heldOn" type="date" value="${day()}"`), 'today in the organisation’s zone by default');
    assert.match(form.body, /5 – very well/);

    const res = await client.post(`/pairs/${pair.id}/check-ins/new`, { side: 'mentee', heldOn: day(-2), rating: '4', howItGoes: 'Spotykają się co tydzień.', notes: '' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/pairs/${pair.id}/check-ins`);
    assert.match(await flashOn(client, `/pairs/${pair.id}/check-ins`), /The check-in with the person supported was saved/);
    await client.get(`/pairs/${pair.id}/check-ins/new`);
    assert.equal((await client.post(`/pairs/${pair.id}/check-ins/new`, { side: 'volunteer', heldOn: day(), rating: '2', howItGoes: 'Trudniej.', notes: 'Zadzwonić za tydzień.' })).status, 303);

    const rows = await withSystem(w.db, (tx) => tx.select().from(checkIns).where(eq(checkIns.matchId, pair.id)));
    assert.deepEqual(rows.map((r) => [r.side, r.heldOn, r.rating, r.kind, r.recordedByUserId]).sort(), [
      ['mentee', day(-2), 4, 'regular', user.userId],
      ['volunteer', day(), 2, 'regular', user.userId],
    ]);
    const list = await client.get(`/pairs/${pair.id}/check-ins`);
    assert.equal(list.status, 200);
    assert.ok(list.body.indexOf('Trudniej.') < list.body.indexOf('Spotykają się co tydzień.'), 'newest first');
    assert.match(list.body, /Notes: Zadzwonić za tydzień\./);
    assert.match(list.body, /2 – not well/);
    assert.match(list.body, /With the volunteer, Łucja Wiśniewska\d+: due on/);
    assert.doesNotMatch(list.body, /overdue/);
    assert.equal((await auditEntries(w, w.org.id, 'check_in.create')).length, 2);
    assert.ok((await auditEntries(w, w.org.id, 'check_in.list')).some((a) => a.entityId === pair.id && a.actorUserId === user.userId));
  });

  it('shows an overdue check-in on the pair’s page in Polish with the right plural', async () => {
    const { user, client } = await signedIn(w, ['coordinator'], { locale: 'pl' });
    const pair = await createPair(w, { coordinatorUserId: user.userId, startedDaysAgo: 20 });
    await addMeeting(w, pair, day(-19));
    const page = await client.get(`/pairs/${pair.id}/check-ins`);
    // Due 14 days after the first meeting (day −5): 5 days overdue.
    assert.match(page.body, /5 dni po terminie/);
    await addCheckIn(w, pair.id, 'volunteer', day(-10), user.userId);
    const after = (await client.get(`/pairs/${pair.id}/check-ins`)).body;
    assert.equal((after.match(/5 dni po terminie/g) ?? []).length, 1, 'only the side without a check-in is still overdue');
    const fresh = await createPair(w, { coordinatorUserId: user.userId, startedDaysAgo: 15 });
    assert.equal(((await client.get(`/pairs/${fresh.id}/check-ins`)).body.match(/1 dzień po terminie/g) ?? []).length, 2, 'no meeting yet: due 14 days after the start');
  });

  it('refuses bad input with a message next to the field and writes nothing', async () => {
    const { user, client } = await signedIn(w, ['coordinator'], { locale: 'pl' });
    const pair = await createPair(w, { coordinatorUserId: user.userId, startedDaysAgo: 10 });
    await client.get(`/pairs/${pair.id}/check-ins/new`);
    const before = [await countRows(w, 'check_ins'), (await auditEntries(w, w.org.id, 'check_in.create')).length];
    const good = { side: 'volunteer', heldOn: day(-1), rating: '3', howItGoes: 'Dobrze.', notes: '' };
    const cases: [Record<string, string>, string, string][] = [
      [{ ...good, heldOn: day(1) }, 'heldOn', 'Data rozmowy nie może być w przyszłości.'],
      [{ ...good, heldOn: day(-11) }, 'heldOn', 'Rozmowa nie może być wcześniejsza niż początek pary.'],
      [{ ...good, heldOn: '2026-02-30' }, 'heldOn', ''],
      [{ ...good, rating: '6' }, 'rating', 'Wybierz, jak idzie – od 1 (źle) do 5 (bardzo dobrze).'],
      [{ ...good, rating: '' }, 'rating', 'Wybierz, jak idzie – od 1 (źle) do 5 (bardzo dobrze).'],
      [{ ...good, side: 'coordinator' }, 'side', 'Wybierz, z kim była rozmowa.'],
      [{ ...good, howItGoes: '   ' }, 'howItGoes', ''],
    ];
    for (const [form, field, message] of cases) {
      const res = await client.post(`/pairs/${pair.id}/check-ins/new`, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      const shown = fieldError(res.body, field);
      assert.ok(shown, `${field} has a message`);
      if (message) assert.equal(shown, message);
      assert.match(res.body, /class="error-summary"/);
    }
    const { rating: _r, ...missing } = good;
    assert.equal((await client.post(`/pairs/${pair.id}/check-ins/new`, missing)).status, 422);
    assert.deepEqual([await countRows(w, 'check_ins'), (await auditEntries(w, w.org.id, 'check_in.create')).length], before);
  });

  it('a closed pair takes no regular check-in', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const pair = await createPair(w, { coordinatorUserId: user.userId, status: 'closed' });
    assert.equal((await client.get(`/pairs/${pair.id}/check-ins/new`)).status, 409);
    assert.equal((await client.get(`/pairs/${pair.id}/check-ins`)).status, 200);
  });
});

describe('who may see and record check-ins', () => {
  it('staff who do not follow the pair get 403, another organisation’s pair 404, volunteers 403; case staff, covers and administrators may', async () => {
    const coordinator = await createAccount(w, ['coordinator']);
    const social = await createAccount(w, ['social_worker']);
    const pair = await createPair(w, { coordinatorUserId: coordinator.userId, caseStaffUserId: social.userId });
    const foreign = await createPair(w, { organisationId: w.other.id });

    const stranger = (await signedIn(w, ['coordinator'])).client;
    assert.equal((await stranger.get(`/pairs/${pair.id}/check-ins`)).status, 403);
    assert.equal((await stranger.get(`/pairs/${pair.id}/check-ins/new`)).status, 403);
    await stranger.get('/pairs/overdue');
    const before = await countRows(w, 'check_ins');
    assert.equal((await stranger.post(`/pairs/${pair.id}/check-ins/new`, { side: 'volunteer', heldOn: day(), rating: '3', howItGoes: 'x' })).status, 403);
    assert.equal(await countRows(w, 'check_ins'), before);

    const admin = (await signedIn(w, ['administrator'])).client;
    assert.equal((await admin.get(`/pairs/${pair.id}/check-ins`)).status, 200);
    assert.equal((await admin.get(`/pairs/${foreign.id}/check-ins`)).status, 404);
    assert.equal((await admin.get(`/pairs/${foreign.id}/check-ins/new`)).status, 404);
    await admin.get(`/pairs/${pair.id}/check-ins/new`);
    assert.equal((await admin.post(`/pairs/${foreign.id}/check-ins/new`, { side: 'volunteer', heldOn: day(), rating: '3', howItGoes: 'x' })).status, 404);
    assert.equal((await admin.get('/pairs/not-a-uuid/check-ins')).status, 404);

    assert.equal((await (await signedIn(w, ['social_worker'], { user: social })).client.get(`/pairs/${pair.id}/check-ins`)).status, 200, 'the mentee’s case staff');
    assert.equal((await (await signedIn(w, ['volunteer'])).client.get(`/pairs/${pair.id}/check-ins`)).status, 403);
    const anonymous = await w.t.app.inject({ method: 'GET', url: `/pairs/${pair.id}/check-ins` });
    assert.ok([302, 303, 401].includes(anonymous.statusCode));
  });
});

describe('follow-up settings of a programme', () => {
  const stored = async (id: string) => (await withSystem(w.db, (tx) => tx.select({ f: programmes.followUp }).from(programmes).where(eq(programmes.id, id))))[0]!.f;

  it('shows the defaults, saves all three (audited) and refuses bad numbers with nothing written', async () => {
    const p = await createProgramme(w, 'Tandem językowy');
    const { client } = await signedIn(w, ['coordinator']);
    const form = await client.get(`/pairs/settings/${p.id}`);
    assert.equal(form.status, 200);
    assert.match(form.body, /name="firstCheckInDays" type="text" value="14"[^>]* inputmode="numeric"/);
    assert.match(form.body, /Default: 21\./);
    assert.equal((await client.post(`/pairs/settings/${p.id}`, { firstCheckInDays: '10', everyDays: '28', quietAfterDays: '14' })).status, 303);
    assert.deepEqual(await stored(p.id), { firstCheckInDays: 10, everyDays: 28, quietAfterDays: 14 });
    const entry = (await auditEntries(w, w.org.id, 'programme.follow_up')).find((a) => a.entityId === p.id)!;
    assert.deepEqual(entry.fields, ['followUp.firstCheckInDays', 'followUp.everyDays', 'followUp.quietAfterDays']);
    assert.match((await client.get('/pairs/settings')).body, /Set for this programme/);

    const pl = (await signedIn(w, ['administrator'], { locale: 'pl' })).client;
    await pl.get(`/pairs/settings/${p.id}`);
    for (const bad of ['0', '400', '2.5', 'dużo', '']) {
      const res = await pl.post(`/pairs/settings/${p.id}`, { firstCheckInDays: '10', everyDays: bad, quietAfterDays: '14' });
      assert.equal(res.status, 422, bad);
      assert.ok(fieldError(res.body, 'everyDays'), bad);
    }
    assert.equal(fieldError((await pl.post(`/pairs/settings/${p.id}`, { firstCheckInDays: '10', everyDays: '0', quietAfterDays: '14' })).body, 'everyDays'), 'Wpisz liczbę całkowitą dni od 1 do 365.');
    assert.deepEqual(await stored(p.id), { firstCheckInDays: 10, everyDays: 28, quietAfterDays: 14 });
    assert.equal((await auditEntries(w, w.org.id, 'programme.follow_up')).filter((a) => a.entityId === p.id).length, 1);
  });

  it('reads days typed in Arabic-Indic and Extended Arabic-Indic digits', async () => {
    const p = await createProgramme(w, 'برنامج الإرشاد');
    const { client } = await signedIn(w, ['coordinator'], { locale: 'ar' });
    await client.get(`/pairs/settings/${p.id}`);
    assert.equal((await client.post(`/pairs/settings/${p.id}`, { firstCheckInDays: '٧', everyDays: ' ٣٠ ', quietAfterDays: '۲۱' })).status, 303);
    assert.deepEqual(await stored(p.id), { firstCheckInDays: 7, everyDays: 30, quietAfterDays: 21 });
  });

  it('a programme’s settings change who is overdue; another organisation’s programme is 404; social workers 403', async () => {
    const p = await createProgramme(w, 'Szybki program', { followUp: { firstCheckInDays: 3 } });
    const { user, client } = await signedIn(w, ['coordinator']);
    const pair = await createPair(w, { coordinatorUserId: user.userId, startedDaysAgo: 5, programmeId: p.id });
    assert.match((await client.get(`/pairs/${pair.id}/check-ins`)).body, /2 days overdue/);
    const foreign = await createProgramme(w, 'Program Beta', { organisationId: w.other.id });
    assert.equal((await client.get(`/pairs/settings/${foreign.id}`)).status, 404);
    await client.get(`/pairs/settings/${p.id}`);
    assert.equal((await client.post(`/pairs/settings/${foreign.id}`, { firstCheckInDays: '1', everyDays: '1', quietAfterDays: '1' })).status, 404);
    assert.equal((await (await signedIn(w, ['social_worker'])).client.get(`/pairs/settings/${p.id}`)).status, 403);
    assert.deepEqual(await stored(foreign.id), {});
  });
});

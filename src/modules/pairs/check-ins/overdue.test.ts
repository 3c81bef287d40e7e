import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import { covers } from '../pairs.table.js';
import { overdueCheckIns, quietPairs } from './index.js';
import { addCheckIn, addMeeting, auditEntries, countRows, createPair, day, fieldError, flashOn, signedIn, createAccount, useWorld } from './test-helpers.js';
import type { TestUser } from '../../../core/testing/world.js';

const w = useWorld();
let a: TestUser;
let b: TestUser;
const pairs: Record<string, Awaited<ReturnType<typeof createPair>>> = {};

before(async () => {
  a = await createAccount(w, ['coordinator'], { name: 'Anna Nowak' });
  b = await createAccount(w, ['coordinator'], { name: 'Bogdan Zieliński' });
  pairs.silent = await createPair(w, { coordinatorUserId: a.userId, startedDaysAgo: 40, volunteer: { givenName: 'Celina' } });
  pairs.fine = await createPair(w, { coordinatorUserId: a.userId, startedDaysAgo: 40, volunteer: { givenName: 'Dorota' } });
  await addMeeting(w, pairs.fine, day(-3));
  await addCheckIn(w, pairs.fine.id, 'volunteer', day(-5), a.userId);
  await addCheckIn(w, pairs.fine.id, 'mentee', day(-5), a.userId);
  pairs.ofB = await createPair(w, { coordinatorUserId: b.userId, startedDaysAgo: 30, volunteer: { givenName: 'Ewa' } });
  await addMeeting(w, pairs.ofB, day(-25));
  pairs.paused = await createPair(w, { coordinatorUserId: a.userId, startedDaysAgo: 100, status: 'paused', volunteer: { givenName: 'Felicja' } });
  pairs.foreign = await createPair(w, { organisationId: w.other.id, startedDaysAgo: 100, volunteer: { givenName: 'Grażyna' } });
});

const names = (html: string) => ['Celina', 'Dorota', 'Ewa', 'Felicja', 'Grażyna'].filter((n) => html.includes(`${n} Wiśniewska`));

describe('overdue check-ins and quiet pairs', () => {
  it('the service functions list active pairs of the organisation by the rules, most urgent first', async () => {
    const today = clockAt(new Date());
    const { overdue, quiet } = await withTenant(w.db, { organisationId: w.org.id, userId: a.userId }, async (tx) => ({
      overdue: await overdueCheckIns(tx, w.org.id, null, today),
      quiet: await quietPairs(tx, w.org.id, null, today),
    }));
    assert.deepEqual(overdue.map((o) => [o.matchId, o.side, o.days, o.dueOn]), [
      [pairs.silent!.id, 'mentee', 26, day(-26)],
      [pairs.silent!.id, 'volunteer', 26, day(-26)],
      [pairs.ofB!.id, 'mentee', 11, day(-11)],
      [pairs.ofB!.id, 'volunteer', 11, day(-11)],
    ].sort((x, y) => (y[2] as number) - (x[2] as number) || String(x[0]).localeCompare(String(y[0])) || String(x[1]).localeCompare(String(y[1]))));
    assert.deepEqual(quiet.map((q) => [q.matchId, q.days, q.lastMeetingOn]), [
      [pairs.silent!.id, 40, null],
      [pairs.ofB!.id, 25, day(-25)],
    ]);
    const onlyFine = await withTenant(w.db, { organisationId: w.org.id, userId: a.userId }, (tx) => overdueCheckIns(tx, w.org.id, [pairs.fine!.id], today));
    assert.deepEqual(onlyFine, []);
    assert.deepEqual(await withTenant(w.db, { organisationId: w.org.id, userId: a.userId }, (tx) => quietPairs(tx, w.org.id, [], today)), []);
  });

  it('a coordinator sees the pairs they follow, with days in words; "all pairs" adds their colleagues’; audited', async () => {
    const { client } = await signedIn(w, ['coordinator'], { user: a });
    const mine = await client.get('/pairs/overdue');
    assert.equal(mine.status, 200);
    assert.deepEqual(names(mine.body), ['Celina']);
    assert.match(mine.body, /26 days overdue/);
    assert.match(mine.body, /None logged since the start on/);
    assert.match(mine.body, /<td[^>]*>40 days<\/td>/);
    assert.match(mine.body, new RegExp(`href="/pairs/${pairs.silent!.id}/check-ins/new\\?side=mentee"`));
    const all = await client.get('/pairs/overdue?all=1');
    assert.deepEqual(names(all.body), ['Celina', 'Ewa']);
    assert.match(all.body, /aria-current="page">All pairs/);
    assert.ok((await auditEntries(w, w.org.id, 'pairs.overdue.view')).some((e) => e.actorUserId === a.userId && e.fields?.includes('scope.all')));
  });

  it('Polish and Ukrainian plurals; a social worker sees only their clients’ pairs, even when asking for all', async () => {
    const { client } = await signedIn(w, ['coordinator'], { user: b, locale: 'pl' });
    const pl = await client.get('/pairs/overdue');
    assert.match(pl.body, /11 dni po terminie/);
    assert.match(pl.body, /<td[^>]*>25 dni<\/td>/);
    const uk = await client.get('/pairs/overdue?lang=uk');
    assert.match(uk.body, /прострочено на 11 днів/);
    assert.match(uk.body, /<td[^>]*>25 днів<\/td>/);

    const social = await createAccount(w, ['social_worker']);
    const client2 = await createPair(w, { caseStaffUserId: social.userId, startedDaysAgo: 22, volunteer: { givenName: 'Halina' } });
    const sw = (await signedIn(w, ['social_worker'], { user: social })).client;
    const page = await sw.get('/pairs/overdue?all=1');
    assert.ok(page.body.includes('Halina Wiśniewska'));
    assert.deepEqual(names(page.body), []);
    assert.doesNotMatch(page.body, /All pairs/);
    assert.match(page.body, /8 days overdue/, 'no meeting in 22 days: due 14 days after the start');
    assert.ok(client2.id);
  });

  it('empty states, and 403 for volunteers', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const page = await client.get('/pairs/overdue');
    assert.match(page.body, /No check-in is overdue\./);
    assert.match(page.body, /No pair has gone quiet\./);
    assert.equal((await (await signedIn(w, ['volunteer'])).client.get('/pairs/overdue')).status, 403);
  });
});

describe('covers', () => {
  it('while a cover runs, the cover follows the absent coordinator’s pairs; a future cover does not yet', async () => {
    const admin = (await signedIn(w, ['administrator'])).client;
    const form = await admin.get('/pairs/covers');
    assert.equal(form.status, 200);
    assert.match(form.body, /Nobody is being covered now or soon\./);
    assert.match(form.body, /<option value="[^"]+">Anna Nowak<\/option>/);
    const res = await admin.post('/pairs/covers', { absentUserId: b.userId, coverUserId: a.userId, startsOn: day(-1), endsOn: day(5), note: 'Urlop' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(admin, '/pairs/covers'), /The cover was saved/);
    const list = await admin.get('/pairs/covers');
    assert.match(list.body, /<th scope="row">Bogdan Zieliński<\/th>\s*<td[^>]*>Anna Nowak<\/td>/);
    assert.match(list.body, /Running now/);
    assert.equal((await auditEntries(w, w.org.id, 'cover.create')).length, 1);

    const coverClient = (await signedIn(w, ['coordinator'], { user: a })).client;
    assert.deepEqual(names((await coverClient.get('/pairs/overdue')).body), ['Celina', 'Ewa'], 'Anna covers Bogdan now');
    assert.equal((await coverClient.get(`/pairs/${pairs.ofB!.id}/check-ins`)).status, 200);

    const later = await createAccount(w, ['coordinator'], { name: 'Celestyna Later' });
    await admin.get('/pairs/covers');
    assert.equal((await admin.post('/pairs/covers', { absentUserId: a.userId, coverUserId: later.userId, startsOn: day(10), endsOn: day(12), note: '' })).status, 303);
    const laterClient = (await signedIn(w, ['coordinator'], { user: later })).client;
    assert.deepEqual(names((await laterClient.get('/pairs/overdue')).body), [], 'the cover starts in ten days');
    assert.equal((await laterClient.get(`/pairs/${pairs.silent!.id}/check-ins`)).status, 403);
  });

  it('refuses an end before the start, the same person, non-staff, another organisation’s staff, overlaps and gaps — nothing written', async () => {
    const client = (await signedIn(w, ['coordinator'], { locale: 'pl' })).client;
    await client.get('/pairs/covers');
    const volunteer = await createAccount(w, ['volunteer']);
    const foreign = await createAccount(w, ['coordinator'], { organisationId: w.other.id });
    const before = [await countRows(w, 'covers'), (await auditEntries(w, w.org.id, 'cover.create')).length];
    const good = { absentUserId: a.userId, coverUserId: b.userId, startsOn: day(20), endsOn: day(25), note: '' };
    const cases: [Record<string, string>, string, string][] = [
      [{ ...good, endsOn: day(19) }, 'endsOn', 'Koniec nie może być przed początkiem.'],
      [{ ...good, coverUserId: a.userId }, 'coverUserId', 'Wybierz inną osobę niż ta, która będzie nieobecna.'],
      [{ ...good, coverUserId: volunteer.userId }, 'coverUserId', 'Wybierz pracownika tej organizacji.'],
      [{ ...good, absentUserId: foreign.userId }, 'absentUserId', 'Wybierz pracownika tej organizacji.'],
      [{ ...good, startsOn: day(11), endsOn: day(11) }, 'startsOn', 'Ta osoba ma już zastępstwo w niektóre z tych dni.'],
      [{ ...good, coverUserId: '' }, 'coverUserId', 'Wybierz, kto zastępuje.'],
      [{ ...good, startsOn: '' }, 'startsOn', ''],
    ];
    for (const [form, field, message] of cases) {
      const res = await client.post('/pairs/covers', form);
      assert.equal(res.status, 422, JSON.stringify(form));
      const shown = fieldError(res.body, field);
      assert.ok(shown, `${field}: ${JSON.stringify(form)}`);
      if (message) assert.equal(shown, message);
    }
    assert.deepEqual([await countRows(w, 'covers'), (await auditEntries(w, w.org.id, 'cover.create')).length], before);
    const rows = await withSystem(w.db, (tx) => tx.select().from(covers).where(eq(covers.organisationId, w.other.id)));
    assert.deepEqual(rows, []);
  });

  it('social workers and volunteers may not manage covers; another organisation does not see them', async () => {
    assert.equal((await (await signedIn(w, ['social_worker'])).client.get('/pairs/covers')).status, 403);
    assert.equal((await (await signedIn(w, ['volunteer'])).client.get('/pairs/covers')).status, 403);
    const other = (await signedIn(w, ['administrator'], { organisationId: w.other.id })).client;
    const page = await other.get('/pairs/covers');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /Bogdan Zieliński/);
    assert.match(page.body, /Nobody is being covered now or soon\./);
  });
});

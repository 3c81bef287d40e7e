import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { scheduledTasks } from '../../../core/jobs/scheduled.js';
import { enqueue } from '../../../core/jobs/queue.js';
import { createWorker } from '../../../core/jobs/worker.js';
import { createMailer, mailJob } from '../../../core/mail/sender.js';
import { addMonths, daysBetween, todayIn, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { decodeMail } from '../../../core/testing/mail.js';
import { covers } from '../pairs.table.js';
import { dueInZone, isoWeek, JOB } from './digest.service.js';
import { pairsModule } from '../index.js';
import { checkInsJobs } from './index.js';
import { followUpJobs } from './jobs.js';
import { addMeeting, countRows, createPair, day, createAccount, useWorld } from './test-helpers.js';

const w = useWorld({ smtp: true });
const mailer = () => createMailer(w.smtp.url, 'Tandem <no-reply@tandem.test>');

/** Two workers as two app instances would run them, with the clock fixed at `now`. */
function twoWorkers(now: Date) {
  const make = () => {
    const m = mailer();
    const handlers = { ...followUpJobs(w.db, { baseUrl: () => 'http://tandem.test', calendar: true, clock: () => now }), 'mail.send': mailJob(w.db, m) };
    return { worker: createWorker(w.db, handlers, w.t.app.log), close: () => m.close() };
  };
  return [make(), make()] as const;
}

const mailsTo = (email: string) => w.smtp.received.filter((m) => m.to.includes(email)).map((m) => decodeMail(m.raw));
const hourly = (key: string) => withSystem(w.db, (tx) => enqueue(tx, JOB.hourly, {}, { uniqueKey: key }));

describe('when the digests and reminders are due', () => {
  it('the digest on Monday from 07:00 and the reminder on the 1st from 09:00, in the organisation’s own zone', () => {
    const org = '00000000-0000-4000-8000-000000000001';
    // Monday 2 March 2026, 06:30 UTC = 07:30 in Warsaw, still 01:30 in New York.
    const at = new Date('2026-03-02T06:30:00Z');
    assert.deepEqual(dueInZone(org, 'Europe/Warsaw', at).map((d) => d.uniqueKey), [`pairs-digest:${org}:2026-W10`]);
    assert.deepEqual(dueInZone(org, 'America/New_York', at), []);
    assert.deepEqual(dueInZone(org, 'Europe/Warsaw', new Date('2026-03-02T05:30:00Z')), [], '06:30 in Warsaw: too early');
    // Sunday 31 May 2026 22:30 UTC is already Monday 1 June 00:30 in Warsaw: neither yet (digest from 07:00, reminder from 09:00).
    assert.deepEqual(dueInZone(org, 'Europe/Warsaw', new Date('2026-05-31T22:30:00Z')), []);
    const first = dueInZone(org, 'Europe/Warsaw', new Date('2026-06-01T08:00:00Z'));
    assert.deepEqual(first.map((d) => [d.kind, d.payload]), [
      [JOB.digest, { organisationId: org, week: '2026-W23' }],
      [JOB.reminder, { organisationId: org, month: '2026-05' }],
    ]);
    assert.deepEqual(['2026-01-01', '2027-01-01', '2026-12-31', '2021-01-03'].map(isoWeek), ['2026-W01', '2026-W53', '2026-W53', '2020-W53']);
  });

  it('each tick enqueues the hourly job once per hour, and the app registers a handler for it that ignores the calendar in tests', async () => {
    assert.ok(pairsModule.hourlyJobs?.includes(JOB.hourly));
    await scheduledTasks.tick(w.db, pairsModule.hourlyJobs);
    await scheduledTasks.tick(w.db, pairsModule.hourlyJobs);
    const hour = new Date().toISOString().slice(0, 13);
    assert.ok((await countRows(w, 'jobs', sql`unique_key = ${`${JOB.hourly}:${hour}`}`)) <= 1);
    const handlers = checkInsJobs(w.db, w.t.config);
    for (const kind of Object.values(JOB)) assert.equal(typeof handlers[kind], 'function', kind);
    const before = await countRows(w, 'jobs');
    await handlers[JOB.hourly]!({ id: 'x', kind: JOB.hourly, payload: {}, attempts: 1, max_attempts: 8 });
    assert.equal(await countRows(w, 'jobs'), before);
  });
});

describe('the weekly digest', () => {
  it('goes exactly once to each person with something to report, in their language, also when two workers run twice', async () => {
    const today = todayIn('Europe/Warsaw');
    const shift = (7 + 1 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7;
    const monday = day(shift);
    const now = zonedToUtc(monday, '08:00', 'Europe/Warsaw')!;
    const ago = (n: number) => n - shift; // "n days before that Monday", as days before today

    const a = await createAccount(w, ['coordinator'], { name: 'Anna Nowak', email: 'anna@example.org', locale: 'pl' });
    const b = await createAccount(w, ['coordinator'], { name: 'Bohdan Шевченко', email: 'bohdan@example.org', locale: 'uk' });
    const c = await createAccount(w, ['coordinator'], { name: 'Cyryl Zastępca', email: 'cyryl@example.org', locale: 'uk' });
    const d = await createAccount(w, ['coordinator'], { name: 'Daria Spokojna', email: 'daria@example.org', locale: 'en' });
    const e = await createAccount(w, ['coordinator'], { name: 'Edyta Urlop', email: 'edyta@example.org', locale: 'de' });
    const s = await createAccount(w, ['social_worker'], { name: 'Sara Socjalna', email: 'sara@example.org' });
    const silent = await createPair(w, { coordinatorUserId: a.userId, caseStaffUserId: s.userId, startedDaysAgo: ago(40), volunteer: { givenName: 'Łucja' }, mentee: { givenName: 'Олена' } });
    const late = await createPair(w, { coordinatorUserId: b.userId, startedDaysAgo: ago(30), volunteer: { givenName: 'Marta' }, mentee: { givenName: 'Ірина' } });
    await addMeeting(w, late, day(-ago(20)));
    const fine = await createPair(w, { coordinatorUserId: d.userId, startedDaysAgo: ago(5) });
    await addMeeting(w, fine, day(-ago(2)));
    await createPair(w, { coordinatorUserId: e.userId, startedDaysAgo: ago(40), volunteer: { givenName: 'Nina' }, mentee: { givenName: 'Тарас' } });
    await withSystem(w.db, (tx) => tx.insert(covers).values({ organisationId: w.org.id, absentUserId: e.userId, coverUserId: c.userId, startsOn: day(shift - 1), endsOn: day(shift + 3), createdByUserId: a.userId }));

    const week = isoWeek(monday);
    const [w1, w2] = twoWorkers(now);
    // Two instances, each ticking in a different hour of that Monday: both enqueue the hourly job.
    await hourly(`${JOB.hourly}:test-${week}-08`);
    await hourly(`${JOB.hourly}:test-${week}-09`);
    await Promise.all([w1.worker.runDue(), w2.worker.runDue(), w1.worker.runDue(), w2.worker.runDue()]);
    // And the week's job run again by hand (a retry after a crash): nobody gets a second digest.
    await followUpJobs(w.db, { baseUrl: () => 'http://tandem.test', calendar: true, clock: () => now })[JOB.digest]!({ id: 'again', kind: JOB.digest, payload: { organisationId: w.org.id, week }, attempts: 2, max_attempts: 8 });
    await Promise.all([w1.worker.runDue(), w2.worker.runDue()]);
    w1.close();
    w2.close();

    const counts = Object.fromEntries(['anna', 'bohdan', 'cyryl', 'daria', 'edyta', 'sara'].map((n) => [n, mailsTo(`${n}@example.org`).length]));
    assert.deepEqual(counts, { anna: 1, bohdan: 1, cyryl: 1, daria: 0, edyta: 0, sara: 1 });
    assert.equal(await countRows(w, 'jobs', sql`kind = ${JOB.digest} and unique_key = ${`pairs-digest:${w.org.id}:${week}`}`), 1);
    assert.equal(await countRows(w, 'jobs', sql`kind = ${JOB.digestSend} and payload->>'organisationId' = ${w.org.id}`), 4);

    const [toAnna] = mailsTo('anna@example.org');
    assert.match(toAnna!.subject, /^Pary do sprawdzenia w tym tygodniu – Stowarzyszenie Łączy Nas$/);
    assert.match(toAnna!.text, /2 zaległe rozmowy monitorujące:/);
    assert.match(toAnna!.text, /Łucja i Олена: rozmowa z wolontariuszem lub wolontariuszką, 26 dni po terminie/);
    assert.match(toAnna!.text, /1 cicha para:/);
    assert.match(toAnna!.text, /Łucja i Олена: brak zapisanego spotkania od początku, czyli od 40 dni/);
    assert.match(toAnna!.text, /http:\/\/tandem\.test\/pairs\/overdue/);
    assert.doesNotMatch(toAnna!.text, /Wiśniewska|Коваленко/, 'first names only');

    const [toBohdan] = mailsTo('bohdan@example.org');
    assert.match(toBohdan!.subject, /^Пари, які варто перевірити цього тижня/);
    assert.match(toBohdan!.text, /Marta і Ірина: розмова з волонтером\/волонтеркою, прострочено на 6 днів/);
    assert.doesNotMatch(toBohdan!.text, /тих/, 'a meeting 20 days ago: not quiet');

    const [toCyryl] = mailsTo('cyryl@example.org');
    assert.match(toCyryl!.text, /Nina і Тарас/, 'the cover receives the absent coordinator’s items');
    assert.match(mailsTo('sara@example.org')[0]!.text, /Łucja i Олена/, 'case staff, in the organisation’s language');
  });
});

describe('the monthly reminder', () => {
  it('goes exactly once to each volunteer with an active pair and no meeting last month, in their language', async () => {
    const today = todayIn('Europe/Warsaw');
    const firstOfNext = addMonths(`${today.slice(0, 7)}-01`, 1);
    const month = today.slice(0, 7);
    const now = zonedToUtc(firstOfNext, '10:00', 'Europe/Warsaw')!;
    const before = (n: number) => daysBetween(today, firstOfNext) + n; // "n days before the 1st", as days before today

    const quietPl = await createPair(w, { startedDaysAgo: before(70), volunteer: { givenName: 'Paulina', email: 'paulina@example.org', locale: 'pl' } });
    await addMeeting(w, quietPl, addMonths(`${month}-01`, -1));
    const quietUk = await createPair(w, { startedDaysAgo: before(70), volunteer: { givenName: 'Oksana', email: 'oksana@example.org', locale: 'uk' } });
    const met = await createPair(w, { startedDaysAgo: before(70), volunteer: { givenName: 'Renata', email: 'renata@example.org', locale: 'de' } });
    await addMeeting(w, met, `${month}-01`);
    await createPair(w, { startedDaysAgo: before(70), status: 'closed', volunteer: { givenName: 'Stefania', email: 'stefania@example.org' } });
    await createPair(w, { startedDaysAgo: before(70), organisationId: w.other.id, volunteer: { givenName: 'Teresa', email: 'teresa@example.org' } });
    assert.ok(quietUk.id);

    const [w1, w2] = twoWorkers(now);
    await hourly(`${JOB.hourly}:test-${month}-a`);
    await hourly(`${JOB.hourly}:test-${month}-b`);
    await Promise.all([w1.worker.runDue(), w2.worker.runDue(), w1.worker.runDue(), w2.worker.runDue()]);
    await followUpJobs(w.db, { baseUrl: () => 'http://tandem.test', calendar: true, clock: () => now })[JOB.reminder]!({ id: 'again', kind: JOB.reminder, payload: { organisationId: w.org.id, month }, attempts: 2, max_attempts: 8 });
    await Promise.all([w1.worker.runDue(), w2.worker.runDue()]);
    w1.close();
    w2.close();

    const counts = Object.fromEntries(['paulina', 'oksana', 'renata', 'stefania', 'teresa'].map((n) => [n, mailsTo(`${n}@example.org`).length]));
    // Teresa's organisation gets its own reminder; her pair is active with no meeting, so she is reminded once too.
    assert.deepEqual(counts, { paulina: 1, oksana: 1, renata: 0, stefania: 0, teresa: 1 });
    const [pl] = mailsTo('paulina@example.org');
    assert.match(pl!.subject, /^Czy spotkaliście się w zeszłym miesiącu\? – Stowarzyszenie Łączy Nas$/);
    assert.match(pl!.text, /^Dzień dobry, Paulina,/);
    assert.match(pl!.text, /http:\/\/tandem\.test\/me\/meetings\/new/);
    const monthPl = new Intl.DateTimeFormat('pl-PL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));
    assert.ok(pl!.text.includes(monthPl), monthPl);
    const [uk] = mailsTo('oksana@example.org');
    assert.match(uk!.subject, /^Чи зустрічалися ви минулого місяця\?/);
    assert.match(uk!.text, /Записати зустріч/);
  });
});

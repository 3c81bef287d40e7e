import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { localDaysAgo } from '../../../core/testing/clock.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { outbox } from '../../../core/mail/mail.table.js';
import { introductions } from '../matching.table.js';
import { auditEntries, clockChanges, countRows, createMatch, matchedMentee, createVenue, activeVolunteer, fieldError, flashOn, header, icsProp, mimePart, signedIn, stamp, useWorld } from './test-helpers.js';
import { textOf } from '../test-helpers.js';

const w = useWorld({ smtp: true });

const { year, springForward, afterAutumn } = clockChanges();
const introsOf = (matchId: string) => withSystem(w.db, (tx) => tx.select().from(introductions).where(eq(introductions.matchId, matchId)).orderBy(introductions.createdAt));
const receivedBy = (to: string) => w.smtp.received.filter((m) => m.to.includes(to));
const runJobs = () => w.t.worker.runDue();

/** A pair whose three people read three languages: volunteer Polish, mentee Ukrainian, social worker English. */
async function pair(opts: { volunteerLocale?: 'pl' | 'ar'; menteeEmail?: string | null; socialWorker?: boolean } = {}) {
  const sw = opts.socialWorker === false ? null : await createUser(w.db, { organisationId: w.org.id, roles: ['social_worker'], name: 'Paweł Szymański', locale: 'en' });
  const volunteer = await activeVolunteer(w, { givenName: opts.volunteerLocale === 'ar' ? 'عمر' : 'Zofia', familyName: opts.volunteerLocale === 'ar' ? 'الخطيب' : 'Wiśniewska', locale: opts.volunteerLocale ?? 'pl' });
  const mentee = await matchedMentee(w, { givenName: 'Олена', familyName: 'Коваленко', locale: 'uk', email: opts.menteeEmail, socialWorkerUserId: sw?.userId ?? null });
  const match = await createMatch(w, mentee.id, volunteer.id);
  return { sw, volunteer, mentee, match };
}

describe('introductions', () => {
  it('schedules at a café: three notices in three languages with a valid .ics; moving keeps the UID with SEQUENCE 1; cancelling sends METHOD:CANCEL', async () => {
    const cafe = await createVenue(w, { name: 'Kawiarnia Pod Lipami', address: 'ul. Lipowa 4, Zielona Dolina', openingHours: 'pon.–pt. 8:00–20:00', stepFree: true });
    await createVenue(w, { name: 'Stara Kawiarnia', active: false });
    const { sw, volunteer, mentee, match } = await pair();
    const { client } = await signedIn(w, ['coordinator']);

    const page = await client.get(`/matching/matches/${match.id}/introduction`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Introduction: Zofia Wiśniewska and Олена Коваленко/);
    assert.match(page.body, /Paweł Szymański/);
    assert.match(page.body, /Kawiarnia Pod Lipami/);
    assert.match(page.body, /Opening hours not given<\/span><br\/><span dir="auto">pon\.–pt\. 8:00–20:00/, 'unknown hours, and the note');
    assert.doesNotMatch(page.body, /Stara Kawiarnia/, 'deactivated venues are not offered');
    assert.match(page.body, /name="minutes" type="text" value="60"[^>]* inputmode="numeric"/);
    assert.ok((await auditEntries(w, w.org.id, 'match.view')).some((a) => a.entityId === match.id));

    const res = await client.post(`/matching/matches/${match.id}/introduction`, { venueId: cafe.id, date: afterAutumn, time: '10:00', minutes: '60', note: 'Czekam przy wejściu z czerwoną torbą' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/matching/matches/${match.id}/introduction`);
    assert.match(await flashOn(client, res.location!), /The first meeting is scheduled/);
    const [row] = await introsOf(match.id);
    assert.equal(row!.status, 'scheduled');
    assert.equal(row!.sequence, 0);
    assert.equal(row!.startsAt.toISOString(), `${afterAutumn}T09:00:00.000Z`, '10:00 in Warsaw after the autumn change (UTC+1) is 09:00 UTC');
    assert.match(row!.icsUid, /@tandem\.test$/);
    assert.ok((await auditEntries(w, w.org.id, 'introduction.schedule')).some((a) => a.entityId === row!.id));
    const queued = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.organisationId, w.org.id)));
    assert.deepEqual(queued.map((m) => [m.toAddress, m.locale]).sort(), [[mentee.email, 'uk'], [sw!.email, 'en'], [volunteer.email, 'pl']].sort());

    await runJobs();
    const [toVolunteer] = receivedBy(volunteer.email!);
    const [toMentee] = receivedBy(mentee.email!);
    const [toStaff] = receivedBy(sw!.email);
    assert.ok(toVolunteer && toMentee && toStaff, 'all three received by the SMTP server');
    assert.match(header(toVolunteer.raw, 'Subject'), /^Pierwsze spotkanie z osobą o imieniu Олена: /);
    assert.match(header(toMentee.raw, 'Subject'), /^Ваша перша зустріч з особою на ім’я Zofia: /);
    assert.match(header(toStaff.raw, 'Subject'), /^Introduction of Zofia and Олена: /);

    const volunteerText = mimePart(toVolunteer.raw, 'text/plain');
    assert.match(volunteerText, /Miejsce: Kawiarnia Pod Lipami, ul\. Lipowa 4, Zielona Dolina/);
    assert.match(volunteerText, /Godziny otwarcia: pon\.–pt\. 8:00–20:00/);
    assert.match(volunteerText, /Wejście jest bez schodów/);
    assert.match(volunteerText, /Uwagi: Czekam przy wejściu z czerwoną torbą/);
    assert.match(volunteerText, /10:00/, 'the time in Warsaw, as the volunteer reads it');
    assert.doesNotMatch(volunteerText, /Коваленко/, 'only the first name of the other person');
    const menteeText = mimePart(toMentee.raw, 'text/plain');
    assert.match(menteeText, /Години роботи: pon\.–pt\. 8:00–20:00/);
    assert.doesNotMatch(menteeText, /Wiśniewska/);
    assert.match(mimePart(toStaff.raw, 'text/plain'), /Open the introduction: http:\/\/tandem\.test\/matching\/matches\//);

    for (const mail of [toVolunteer, toMentee, toStaff]) {
      const ics = mimePart(mail.raw, 'text/calendar');
      assert.match(ics, /^BEGIN:VCALENDAR\r?$/m);
      assert.equal(icsProp(ics, 'METHOD'), 'REQUEST');
      assert.equal(icsProp(ics, 'UID'), row!.icsUid);
      assert.equal(icsProp(ics, 'SEQUENCE'), '0');
      assert.equal(icsProp(ics, 'DTSTART'), stamp(afterAutumn, '09:00'));
      assert.equal(icsProp(ics, 'DURATION'), 'PT1H');
      assert.equal(icsProp(ics, 'LOCATION'), 'Kawiarnia Pod Lipami\\, ul. Lipowa 4\\, Zielona Dolina');
      assert.match(ics, new RegExp(`^ATTENDEE;.*:mailto:${mail.to[0]!.replace(/[.+]/g, '\\$&')}`, 'm'));
      assert.match(ics, /^ORGANIZER;CN="Stowarzyszenie Łączy Nas":MAILTO:no-reply@tandem\.local/m);
    }

    // Moved to summer time (UTC+2): the same event, one SEQUENCE higher.
    const form = await client.get(`/matching/introductions/${row!.id}/reschedule`);
    assert.match(form.body, new RegExp(`name="date" type="date" value="${afterAutumn}"`));
    assert.match(form.body, /name="time" type="time" value="10:00"/);
    const moved = await client.post(`/matching/introductions/${row!.id}/reschedule`, { venueId: cafe.id, date: `${year + 1}-06-10`, time: '18:00', minutes: '90', note: '' });
    assert.equal(moved.status, 303);
    await runJobs();
    const update = receivedBy(mentee.email!)[1]!;
    assert.match(header(update.raw, 'Subject'), /^Зміна: ваша перша зустріч з особою на ім’я Zofia/);
    const updatedIcs = mimePart(update.raw, 'text/calendar');
    assert.equal(icsProp(updatedIcs, 'UID'), row!.icsUid);
    assert.equal(icsProp(updatedIcs, 'SEQUENCE'), '1');
    assert.equal(icsProp(updatedIcs, 'DTSTART'), stamp(`${year + 1}-06-10`, '16:00'), '18:00 in Warsaw in summer is 16:00 UTC');
    assert.equal(icsProp(updatedIcs, 'DURATION'), 'PT1H30M');
    assert.equal(receivedBy(volunteer.email!).length, 2);
    assert.equal(receivedBy(sw!.email).length, 2);
    assert.deepEqual((await auditEntries(w, w.org.id, 'introduction.reschedule')).find((a) => a.entityId === row!.id)?.fields?.sort(), ['minutes', 'note', 'startsAt']);

    const cancelled = await client.post(`/matching/introductions/${row!.id}/cancel`);
    assert.equal(cancelled.status, 303);
    await runJobs();
    for (const to of [volunteer.email!, mentee.email!, sw!.email]) {
      const ics = mimePart(receivedBy(to)[2]!.raw, 'text/calendar');
      assert.equal(icsProp(ics, 'METHOD'), 'CANCEL', to);
      assert.equal(icsProp(ics, 'UID'), row!.icsUid);
      assert.equal(icsProp(ics, 'SEQUENCE'), '2');
      assert.equal(icsProp(ics, 'STATUS'), 'CANCELLED');
    }
    assert.match(header(receivedBy(volunteer.email!)[2]!.raw, 'Subject'), /^Odwołane: /);
    assert.equal((await introsOf(match.id))[0]!.status, 'cancelled');
    assert.equal((await client.post(`/matching/introductions/${row!.id}/cancel`)).status, 409, 'cancelled once');
    const after = await client.get(`/matching/matches/${match.id}/introduction`);
    assert.match(after.body, /Cancelled/);
    assert.match(after.body, /Schedule and send the notices/, 'a new one can be scheduled after a cancellation');
  });

  it('writes an Arabic notice right to left, and when the mentee has no e-mail and no social worker is set, tells the scheduler', async () => {
    const venue = await createVenue(w, { name: 'Biblioteka Miejska', address: 'ul. Słoneczna 12', openingHours: 'wt.–sob. 10:00–18:00' });
    const { volunteer, mentee, match } = await pair({ volunteerLocale: 'ar', menteeEmail: null, socialWorker: false });
    const { client, user } = await signedIn(w, ['social_worker']);
    await client.get(`/matching/matches/${match.id}/introduction`);
    const res = await client.post(`/matching/matches/${match.id}/introduction`, { venueId: venue.id, date: `${year}-05-12`, time: '16:30', minutes: '45' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, res.location!), /Олена has no e-mail address: please tell them the date and the place/);
    await runJobs();
    const [arabic] = receivedBy(volunteer.email!);
    const html = mimePart(arabic!.raw, 'text/html');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    // The Cyrillic name sits in a first-strong isolate (U+2068 … U+2069) so the Arabic line keeps its order.
    assert.match(header(arabic!.raw, 'Subject'), /^لقاؤكم الأول مع \u2068Олена\u2069/);
    assert.equal(icsProp(mimePart(arabic!.raw, 'text/calendar'), 'DTSTART'), stamp(`${year}-05-12`, '14:30'));
    const [staff] = receivedBy(user.email);
    assert.ok(staff, 'the scheduler gets the staff notice');
    assert.match(mimePart(staff!.raw, 'text/plain'), /Osoba o imieniu Олена nie ma adresu e-mail i nie otrzymała tego powiadomienia/, 'in the organisation’s language (the account has none)');
    const uid = (await introsOf(match.id))[0]!.icsUid;
    assert.equal(w.smtp.received.filter((m) => mimePart(m.raw, 'text/calendar').includes(`UID:${uid}`)).length, 2, 'two notices: nobody to send the mentee’s to');
    assert.equal(mentee.email, null);
  });

  it('reads the length typed in Arabic-Indic digits', async () => {
    const venue = await createVenue(w, { name: 'Świetlica' });
    const { match } = await pair({ volunteerLocale: 'ar' });
    const { client } = await signedIn(w, ['coordinator'], { locale: 'ar' });
    await client.get(`/matching/matches/${match.id}/introduction`);
    const res = await client.post(`/matching/matches/${match.id}/introduction`, { venueId: venue.id, date: `${year}-05-13`, time: '11:00', minutes: '٩٠' });
    assert.equal(res.status, 303);
    assert.equal((await introsOf(match.id))[0]!.minutes, 90);
  });

  it('refuses bad input at the fields and writes nothing: past dates, a time skipped by the clock change, lengths, venues', async () => {
    const venue = await createVenue(w, { name: 'Dom Sąsiedzki' });
    const inactive = await createVenue(w, { name: 'Zamknięta Kawiarnia', active: false });
    const foreignVenue = await createVenue(w, { name: 'Kawiarnia Beta', organisationId: w.other.id });
    const { match } = await pair();
    const pl = (await signedIn(w, ['coordinator'], { locale: 'pl' })).client;
    await pl.get(`/matching/matches/${match.id}/introduction`);
    const before = [await countRows(w, 'introductions'), await countRows(w, 'outbox')];
    const good = { venueId: venue.id, date: `${year}-04-20`, time: '12:00', minutes: '60', note: '' };
    const yesterday = localDaysAgo(1);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ...good, date: yesterday }, 'date', /Spotkanie musi odbyć się w przyszłości/],
      [{ ...good, date: `${year}-02-30` }, 'date', /./],
      [{ ...good, date: springForward, time: '02:30' }, 'time', /ta godzina nie istnieje/],
      [{ ...good, time: '24:10' }, 'time', /Wpisz godzinę/],
      [{ ...good, minutes: '10' }, 'minutes', /Wpisz liczbę całkowitą minut od 15 do 480/],
      [{ ...good, minutes: '481' }, 'minutes', /od 15 do 480/],
      [{ ...good, minutes: 'godzina' }, 'minutes', /od 15 do 480/],
      [{ ...good, venueId: '' }, 'venueId', /Wybierz miejsce spotkania/],
      [{ ...good, venueId: inactive.id }, 'venueId', /To miejsce nie jest już proponowane/],
      [{ ...good, venueId: foreignVenue.id }, 'venueId', /To miejsce nie jest już proponowane/],
      [{ ...good, note: 'x'.repeat(1001) }, 'note', /./],
    ];
    for (const [form, field, message] of cases) {
      const res = await pl.post(`/matching/matches/${match.id}/introduction`, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(fieldError(res.body, field) ?? '', message, `${field}: ${JSON.stringify(form)}`);
    }
    const en = (await signedIn(w, ['coordinator'])).client;
    await en.get(`/matching/matches/${match.id}/introduction`);
    const past = await en.post(`/matching/matches/${match.id}/introduction`, { ...good, date: yesterday });
    assert.equal(fieldError(past.body, 'date'), 'The meeting must be in the future.');
    assert.deepEqual([await countRows(w, 'introductions'), await countRows(w, 'outbox')], before);

    assert.equal((await en.post(`/matching/matches/${match.id}/introduction`, good)).status, 303);
    const twice = await en.post(`/matching/matches/${match.id}/introduction`, good);
    assert.equal(twice.status, 409, 'one scheduled introduction at a time');
    assert.match(twice.body, /already scheduled/);
  });

  it('marks a meeting as held once its time has passed; not before', async () => {
    const venue = await createVenue(w, { name: 'Park' });
    const { match } = await pair();
    const { client, user } = await signedIn(w, ['coordinator']);
    const [past] = await withSystem(w.db, (tx) =>
      tx.insert(introductions).values({ organisationId: w.org.id, matchId: match.id, venueId: venue.id, startsAt: new Date(Date.now() - 3_600_000), icsUid: 'past@tandem.test', createdByUserId: user.userId }).returning(),
    );
    const page = await client.get(`/matching/matches/${match.id}/introduction`);
    assert.match(page.body, /Mark as held/);
    assert.equal((await client.post(`/matching/introductions/${past!.id}/held`)).status, 303);
    assert.equal((await introsOf(match.id))[0]!.status, 'held');
    assert.ok((await auditEntries(w, w.org.id, 'introduction.held')).some((a) => a.entityId === past!.id));

    await client.post(`/matching/matches/${match.id}/introduction`, { venueId: venue.id, date: `${year}-03-03`, time: '12:00', minutes: '60' });
    const future = (await introsOf(match.id)).find((i) => i.status === 'scheduled')!;
    const early = await client.post(`/matching/introductions/${future.id}/held`);
    assert.equal(early.status, 409);
    assert.match(early.body, /has not started yet/);
  });

  it('an inactive pair cannot get an introduction', async () => {
    const venue = await createVenue(w, { name: 'Klub Seniora' });
    const v = await activeVolunteer(w);
    const m = await matchedMentee(w);
    const match = await createMatch(w, m.id, v.id, { status: 'closed' });
    const { client } = await signedIn(w, ['coordinator']);
    const page = await client.get(`/matching/matches/${match.id}/introduction`);
    assert.match(page.body, /This pair is not active/);
    const res = await client.post(`/matching/matches/${match.id}/introduction`, { venueId: venue.id, date: `${year}-03-03`, time: '12:00', minutes: '60' });
    assert.equal(res.status, 409);
    assert.equal((await introsOf(match.id)).length, 0);
  });
});

describe('introductions and the venue’s opening hours', () => {
  const nine = [{ from: '09:00', to: '13:00' }, { from: '15:00', to: '18:00' }];
  const weekdays = { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [], sun: [] };
  /** afterAutumn is a Monday; the Saturday before it. */
  const monday = afterAutumn;
  const saturday = new Date(Date.parse(`${afterAutumn}T12:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);

  it('refuses a time outside the hours next to the time field, naming that day’s hours; inside is accepted; “schedule anyway” needs a reason and is audited', async () => {
    const venue = await createVenue(w, { name: 'Biblioteka Godzinowa', weeklyHours: weekdays });
    const { match } = await pair();
    const { client } = await signedIn(w, ['coordinator']);
    const page = textOf((await client.get(`/matching/matches/${match.id}/introduction`)).body);
    assert.match(page, /Biblioteka Godzinowa ul\. Lipowa 4, Zielona Dolina Monday–Friday: 09:00–13:00, 15:00–18:00 Saturday–Sunday: closed/, 'the hours in the venue choice');
    const before = [await countRows(w, 'introductions'), await countRows(w, 'outbox')];
    const form = { venueId: venue.id, date: monday, time: '12:30', minutes: '60' };

    const refused = await client.post(`/matching/matches/${match.id}/introduction`, form);
    assert.equal(refused.status, 422);
    assert.equal(fieldError(refused.body, 'time'), 'The meeting (12:30–13:30) is outside the opening hours of Biblioteka Godzinowa that day (Monday: 09:00–13:00, 15:00–18:00). Choose another time, or tick “Schedule anyway” and give a reason.');
    assert.match(refused.body, /name="outsideHours"/, 'the “schedule anyway” checkbox is offered');
    assert.match(refused.body, /name="outsideHoursReason"/);
    const noReason = await client.post(`/matching/matches/${match.id}/introduction`, { ...form, outsideHours: 'true', outsideHoursReason: '  ' });
    assert.equal(noReason.status, 422);
    assert.equal(fieldError(noReason.body, 'outsideHoursReason'), 'Give a short reason for scheduling outside the opening hours.');
    const pl = (await signedIn(w, ['coordinator'], { locale: 'pl' })).client;
    await pl.get(`/matching/matches/${match.id}/introduction`);
    const closed = await pl.post(`/matching/matches/${match.id}/introduction`, { ...form, date: saturday, time: '10:00' });
    assert.equal(fieldError(closed.body, 'time'), 'Spotkanie (10:00–11:00) wypada poza godzinami otwarcia miejsca Biblioteka Godzinowa tego dnia (sobota: nieczynne). Wybierz inną godzinę albo zaznacz „Zaplanuj mimo to” i podaj powód.');
    assert.deepEqual([await countRows(w, 'introductions'), await countRows(w, 'outbox')], before, 'nothing written');

    const anyway = await client.post(`/matching/matches/${match.id}/introduction`, { ...form, outsideHours: 'true', outsideHoursReason: 'The library opens its reading room for us' });
    assert.equal(anyway.status, 303);
    const [row] = await introsOf(match.id);
    assert.equal(row!.outsideHoursReason, 'The library opens its reading room for us');
    const entry = (await auditEntries(w, w.org.id, 'introduction.schedule')).find((a) => a.entityId === row!.id);
    assert.deepEqual(entry?.fields, ['venueId', 'startsAt', 'minutes', 'outsideHours', 'outsideHoursReason']);
    assert.match(textOf((await client.get(`/matching/matches/${match.id}/introduction`)).body), /Outside the opening hours The library opens its reading room for us/);

    // Moved inside the hours: accepted without a reason, and the stored reason is cleared.
    const moved = await client.post(`/matching/introductions/${row!.id}/reschedule`, { venueId: venue.id, date: monday, time: '15:00', minutes: '60' });
    assert.equal(moved.status, 303);
    assert.equal((await introsOf(match.id))[0]!.outsideHoursReason, null);
    const movedOut = await client.post(`/matching/introductions/${row!.id}/reschedule`, { venueId: venue.id, date: monday, time: '17:30', minutes: '60' });
    assert.equal(movedOut.status, 422);
    assert.match(fieldError(movedOut.body, 'time') ?? '', /\(17:30–18:30\)/);

    const second = await pair();
    const intoBreak = await client.post(`/matching/matches/${second.match.id}/introduction`, { ...form, time: '10:00', minutes: '240' });
    assert.equal(intoBreak.status, 422, '10:00 for 4 hours runs into the break');
    assert.equal((await client.post(`/matching/matches/${second.match.id}/introduction`, { ...form, time: '10:00', minutes: '240', venueId: (await createVenue(w, { name: 'Bez godzin' })).id })).status, 303, 'unknown hours do not block');
    const third = await pair();
    assert.equal((await client.post(`/matching/matches/${third.match.id}/introduction`, { ...form, time: '09:00' })).status, 303);
    assert.equal((await introsOf(third.match.id))[0]!.outsideHoursReason, null);
  });

  it('on the spring clock change counts the meeting’s real length in the organisation’s zone', async () => {
    // A night café open Sundays 00:00–03:00: on the spring Sunday 02:00–03:00 does not exist.
    const venue = await createVenue(w, { name: 'Nocna Kawiarnia', weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ from: '00:00', to: '03:00' }] } });
    const { client } = await signedIn(w, ['coordinator']);
    const late = await pair();
    await client.get(`/matching/matches/${late.match.id}/introduction`);
    const refused = await client.post(`/matching/matches/${late.match.id}/introduction`, { venueId: venue.id, date: springForward, time: '01:30', minutes: '60' });
    assert.equal(refused.status, 422, '01:30 + 60 minutes is 03:30 on the wall that night');
    assert.match(fieldError(refused.body, 'time') ?? '', /\(01:30–03:30\)/);
    assert.equal((await client.post(`/matching/matches/${late.match.id}/introduction`, { venueId: venue.id, date: springForward, time: '01:00', minutes: '60' })).status, 303, '01:00 + 60 minutes ends at 03:00');
    assert.equal((await introsOf(late.match.id))[0]!.startsAt.toISOString(), `${springForward}T00:00:00.000Z`);
  });
});


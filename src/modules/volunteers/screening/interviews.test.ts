import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { interviews, volunteerEvents } from '../volunteers.table.js';
import { auditEntries, calendarPart, countRows, createVolunteer, flashOn, icsProp, mailsTo, screeningWorld, useWorld, signedIn, volunteerRow } from './test-helpers.js';

const w = useWorld(() => screeningWorld({ smtp: true }));

// Next year's clock change in the EU: the last Sunday of March (02:00 → 03:00 in Warsaw).
const year = new Date().getUTCFullYear() + 1;
const lastSundayOfMarch = [31, 30, 29, 28, 27, 26, 25].map((d) => new Date(Date.UTC(year, 2, d))).find((d) => d.getUTCDay() === 0)!;
const springForward = lastSundayOfMarch.toISOString().slice(0, 10);
const dayBefore = new Date(lastSundayOfMarch.getTime() - 86_400_000).toISOString().slice(0, 10);
const stamp = (date: string, hhmm: string) => `${date.replaceAll('-', '')}T${hhmm.replace(':', '')}00Z`;

const interviewsOf = (volunteerId: string) => withSystem(w.db, (tx) => tx.select().from(interviews).where(eq(interviews.volunteerId, volunteerId)).orderBy(interviews.startsAt));
const receivedBy = (to: string) => w.smtp.received.filter((m) => m.to.includes(to));

describe('scheduling an interview', () => {
  it('sends the invitation with a valid .ics in the volunteer language, moves contacted → interview_scheduled; rescheduling across the clock change keeps the UID with a higher SEQUENCE; cancelling sends METHOD:CANCEL', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { stage: 'contacted', locale: 'en' });
    const form = await client.get(`/volunteers/${v.id}/interviews/new`);
    assert.equal(form.status, 200);
    assert.match(form.body, /<legend>Time 1<\/legend>/);
    const res = await client.post(`/volunteers/${v.id}/interviews`, { date1: dayBefore, time1: '10:00', minutes: '45', mode: 'in_person', address: 'ul. Piotrkowska 1, Łódź', link: '' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/volunteers/${v.id}`);
    assert.match(await flashOn(client, `/volunteers/${v.id}/screening`), /now at the stage “Interview scheduled”/);

    const [row] = await interviewsOf(v.id);
    assert.equal(row!.status, 'scheduled');
    assert.equal(row!.startsAt.toISOString(), `${dayBefore}T09:00:00.000Z`, '10:00 in Warsaw in winter is 09:00 UTC');
    const after = await volunteerRow(w, v.id);
    assert.equal(after.stage, 'interview_scheduled');
    assert.equal(after.version, 2);
    const events = await withSystem(w.db, (tx) => tx.select().from(volunteerEvents).where(eq(volunteerEvents.volunteerId, v.id)));
    assert.ok(events.some((e) => e.kind === 'stage' && e.fromStage === 'contacted' && e.toStage === 'interview_scheduled'));
    assert.ok(events.some((e) => e.kind === 'interview' && e.detail.interviewId === row!.id));
    assert.equal((await auditEntries(w, w.org.id, 'interview.schedule')).filter((a) => a.entityId === row!.id).length, 1);

    await w.runJobs();
    const [invite] = receivedBy(v.email!);
    assert.ok(invite, 'the SMTP server received the invitation');
    assert.match(invite.raw, /Subject: =\?UTF-8\?Q\?Invitation_to_an_interview_with_/);
    const ics = calendarPart(invite.raw);
    assert.match(ics, /^BEGIN:VCALENDAR\r?$/m);
    assert.equal(icsProp(ics, 'METHOD'), 'REQUEST');
    assert.equal(icsProp(ics, 'UID'), row!.icsUid);
    assert.equal(icsProp(ics, 'SEQUENCE'), '0');
    assert.equal(icsProp(ics, 'DTSTART'), stamp(dayBefore, '09:00'));
    assert.equal(icsProp(ics, 'DURATION'), 'PT45M');
    assert.equal(icsProp(ics, 'LOCATION'), 'ul. Piotrkowska 1\\, Łódź');
    assert.match(icsProp(ics, 'SUMMARY')!, /Volunteering interview/);
    assert.match(ics, new RegExp(`^ATTENDEE;.*:mailto:${v.email!.replace('.', '\\.')}`, 'm'));
    assert.match(ics, /^ORGANIZER;CN="Stowarzyszenie Łączy Nas":MAILTO:no-reply@tandem\.local/m);

    // Reschedule to the day the clocks go forward: same wall-clock time, one hour less offset.
    const page = await client.get(`/volunteers/interviews/${row!.id}/reschedule`);
    assert.match(page.body, new RegExp(`name="date1" type="date" value="${dayBefore}"`));
    const moved = await client.post(`/volunteers/interviews/${row!.id}/reschedule`, { date1: springForward, time1: '10:00', minutes: '60', mode: 'video', address: '', link: 'https://meet.example.org/room-1' });
    assert.equal(moved.status, 303);
    await w.runJobs();
    const update = calendarPart(receivedBy(v.email!)[1]!.raw);
    assert.equal(icsProp(update, 'METHOD'), 'REQUEST');
    assert.equal(icsProp(update, 'UID'), row!.icsUid, 'the same event');
    assert.equal(icsProp(update, 'SEQUENCE'), '1');
    assert.equal(icsProp(update, 'DTSTART'), stamp(springForward, '08:00'), '10:00 in Warsaw in summer time is 08:00 UTC');
    assert.equal(icsProp(update, 'DURATION'), 'PT1H');
    assert.equal(icsProp(update, 'LOCATION'), 'https://meet.example.org/room-1');

    const cancelled = await client.post(`/volunteers/interviews/${row!.id}/cancel`);
    assert.equal(cancelled.status, 303);
    await w.runJobs();
    const cancel = calendarPart(receivedBy(v.email!)[2]!.raw);
    assert.equal(icsProp(cancel, 'METHOD'), 'CANCEL');
    assert.equal(icsProp(cancel, 'UID'), row!.icsUid);
    assert.equal(icsProp(cancel, 'SEQUENCE'), '2');
    assert.equal(icsProp(cancel, 'STATUS'), 'CANCELLED');
    assert.equal((await interviewsOf(v.id))[0]!.status, 'cancelled');
    assert.equal((await client.post(`/volunteers/interviews/${row!.id}/cancel`)).status, 409, 'cancelling twice: told it changed');
  });

  it('writes the invitation in the volunteer’s own language', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { stage: 'contacted', locale: 'pl' });
    await client.get(`/volunteers/${v.id}/interviews/new`);
    await client.post(`/volunteers/${v.id}/interviews`, { date1: `${year}-06-10`, time1: '16:15', minutes: '30', mode: 'phone' });
    const [mail] = await mailsTo(w, v.email!);
    assert.equal(mail!.locale, 'pl');
    assert.ok(mail!.icsBody);
    assert.equal(icsProp(mail!.icsBody!.replace(/\r\n[ \t]/g, ''), 'DTSTART'), stamp(`${year}-06-10`, '14:15'));
  });

  it('offers several slots; picking one schedules it, cancels the others and sends one invitation', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const v = await createVolunteer(w, { stage: 'contacted', locale: 'en' });
    await client.get(`/volunteers/${v.id}/interviews/new`);
    const res = await client.post(`/volunteers/${v.id}/interviews`, { date1: `${year}-05-04`, time1: '09:00', date2: `${year}-05-05`, time2: '12:30', date3: '', time3: '', minutes: '45', mode: 'in_person', address: 'Biuro, pokój 2' });
    assert.equal(res.status, 303);
    let rows = await interviewsOf(v.id);
    assert.deepEqual(rows.map((r) => r.status), ['offered', 'offered']);
    assert.equal((await volunteerRow(w, v.id)).stage, 'contacted', 'not scheduled until a time is chosen');
    const [offer] = await mailsTo(w, v.email!);
    assert.match(offer!.subject, /Choose a time/);
    assert.equal(offer!.icsBody, null);

    const panel = await client.get(`/volunteers/${v.id}/screening`);
    assert.match(panel.body, /Choose this time/);
    assert.equal((await client.post(`/volunteers/interviews/${rows[1]!.id}/pick`)).status, 303);
    rows = await interviewsOf(v.id);
    assert.deepEqual(rows.map((r) => r.status), ['cancelled', 'scheduled']);
    assert.equal((await volunteerRow(w, v.id)).stage, 'interview_scheduled');
    const mails = await mailsTo(w, v.email!);
    assert.equal(mails.length, 2);
    assert.match(mails[1]!.icsBody!, new RegExp(`UID:${rows[1]!.icsUid}`));
    assert.equal((await client.post(`/volunteers/interviews/${rows[0]!.id}/pick`)).status, 409, 'a cancelled slot cannot be picked');
  });

  it('records the interview even when the stage cannot move, and tells the coordinator why', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { stage: 'applied', locale: 'en' });
    await client.get(`/volunteers/${v.id}/interviews/new`);
    const res = await client.post(`/volunteers/${v.id}/interviews`, { date1: `${year}-02-01`, time1: '11:00', minutes: '45', mode: 'phone' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, `/volunteers/${v.id}/screening`), /the stage did not change: This move is not possible from the current stage/);
    assert.equal((await interviewsOf(v.id)).length, 1);
    assert.equal((await volunteerRow(w, v.id)).stage, 'applied');
  });

  it('reads the length typed in Arabic-Indic digits (a text field with a numeric keyboard, not a number field)', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { stage: 'contacted', locale: 'ar' });
    const form = await client.get(`/volunteers/${v.id}/interviews/new`);
    assert.match(form.body, /name="minutes" type="text"[^>]* inputmode="numeric"/, 'type="number" would empty "٤٥" in Chromium');
    const res = await client.post(`/volunteers/${v.id}/interviews`, { date1: `${year}-06-11`, time1: '10:00', minutes: '٤٥', mode: 'phone' });
    assert.equal(res.status, 303);
    assert.equal((await interviewsOf(v.id))[0]!.minutes, 45);
  });

  it('refuses bad slots with messages next to the fields and writes nothing', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { stage: 'contacted' });
    await client.get(`/volunteers/${v.id}/interviews/new`);
    const before = [await countRows(w, 'interviews'), await countRows(w, 'outbox'), await countRows(w, 'volunteer_events')];
    const good = { date1: `${year}-04-10`, time1: '10:00', minutes: '45', mode: 'in_person', address: 'ul. Długa 1' };
    const cases: [Record<string, string>, string][] = [
      [{ ...good, date1: '2020-01-10' }, 'f-date1-error'],
      [{ ...good, date1: `${year}-02-30` }, 'f-date1-error'],
      [{ ...good, time1: '25:00' }, 'f-time1-error'],
      [{ ...good, date1: springForward, time1: '02:30' }, 'f-time1-error'],
      [{ ...good, address: '' }, 'f-address-error'],
      [{ ...good, mode: 'video', address: '', link: 'javascript:alert(1)' }, 'f-link-error'],
      [{ ...good, minutes: '2' }, 'f-minutes-error'],
      [{ ...good, date2: `${year}-04-10` }, 'f-time2-error'],
      [{ ...good, address: 'x'.repeat(201) }, 'f-address-error'],
      [{ ...good, extra: '1' }, 'error-summary'],
    ];
    for (const [form, marker] of cases) {
      const res = await client.post(`/volunteers/${v.id}/interviews`, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(res.body, new RegExp(marker), JSON.stringify(form));
    }
    const xss = await client.post(`/volunteers/${v.id}/interviews`, { ...good, minutes: '1', address: '<script>alert(1)</script>' });
    assert.equal(xss.status, 422);
    assert.doesNotMatch(xss.body, /<script>alert/);
    assert.match(xss.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;/);
    assert.deepEqual([await countRows(w, 'interviews'), await countRows(w, 'outbox'), await countRows(w, 'volunteer_events')], before);
    assert.equal((await volunteerRow(w, v.id)).stage, 'contacted');
  });
});

describe('after the interview', () => {
  it('records structured notes and the recommendation (held → interviewed), shown escaped on the panel', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { stage: 'contacted', email: null });
    await client.get(`/volunteers/${v.id}/interviews/new`);
    const res = await client.post(`/volunteers/${v.id}/interviews`, { date1: `${year}-03-03`, time1: '13:00', minutes: '45', mode: 'phone' });
    assert.match(await flashOn(client, `/volunteers/${v.id}/screening`), /no e-mail address|now at the stage/);
    assert.equal(res.status, 303);
    const [row] = await interviewsOf(v.id);

    const form = await client.get(`/volunteers/interviews/${row!.id}/record`);
    assert.equal(form.status, 200);
    const missing = await client.post(`/volunteers/interviews/${row!.id}/record`, { outcome: 'held', motivation: 'Chce pomagać' });
    assert.equal(missing.status, 422);
    assert.match(missing.body, /f-recommendation-error/);
    assert.match(missing.body, /Chce pomagać/, 'what was typed is kept');
    const long = await client.post(`/volunteers/interviews/${row!.id}/record`, { outcome: 'held', recommendation: 'recommend', concerns: 'x'.repeat(2001) });
    assert.equal(long.status, 422);
    assert.match(long.body, /f-concerns-error/);
    assert.equal((await interviewsOf(v.id))[0]!.status, 'scheduled', 'nothing written');

    const ok = await client.post(`/volunteers/interviews/${row!.id}/record`, {
      outcome: 'held',
      recommendation: 'recommend_with_conditions',
      motivation: 'Sama przyjechała z Charkowa <b>i chce pomagać</b>',
      experience: '<script>alert("x")</script>',
      availability: 'Wtorki',
      languages: 'uk C2, pl B2',
      concerns: '',
    });
    assert.equal(ok.status, 303);
    const [held] = await interviewsOf(v.id);
    assert.equal(held!.status, 'held');
    assert.equal(held!.recommendation, 'recommend_with_conditions');
    assert.deepEqual(Object.keys(held!.notes).sort(), ['availability', 'experience', 'languages', 'motivation']);
    assert.equal((await volunteerRow(w, v.id)).stage, 'interviewed');
    const entry = (await auditEntries(w, w.org.id, 'interview.record')).find((a) => a.entityId === row!.id)!;
    assert.ok(entry.fields!.includes('recommendation'));

    const panel = await client.get(`/volunteers/${v.id}/screening`);
    assert.match(panel.body, /Recommend with conditions/);
    assert.match(panel.body, /&lt;b>i chce pomagać&lt;\/b>|&lt;b&gt;i chce pomagać/);
    assert.doesNotMatch(panel.body, /<script>alert/);
    assert.equal((await client.post(`/volunteers/interviews/${row!.id}/record`, { outcome: 'no_show' })).status, 409, 'recorded once');
  });

  it('records a no-show without a recommendation and without moving the stage', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    const v = await createVolunteer(w, { stage: 'contacted' });
    await client.get(`/volunteers/${v.id}/interviews/new`);
    await client.post(`/volunteers/${v.id}/interviews`, { date1: `${year}-03-04`, time1: '13:00', minutes: '45', mode: 'phone' });
    const [row] = await interviewsOf(v.id);
    await client.get(`/volunteers/interviews/${row!.id}/record`);
    assert.equal((await client.post(`/volunteers/interviews/${row!.id}/record`, { outcome: 'no_show', recommendation: '', concerns: 'Nie odbiera telefonu' })).status, 303);
    const [after] = await interviewsOf(v.id);
    assert.equal(after!.status, 'no_show');
    assert.equal(after!.recommendation, null);
    assert.equal((await volunteerRow(w, v.id)).stage, 'interview_scheduled');
    assert.equal((await auditEntries(w, w.org.id, 'interview.no_show')).filter((a) => a.entityId === row!.id).length, 1);
    const panel = await client.get(`/volunteers/${v.id}/screening`);
    assert.match(panel.body, /The volunteer did not come/);
  });
});

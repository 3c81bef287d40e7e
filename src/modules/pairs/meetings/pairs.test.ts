import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { menteeCaseStaff } from '../../mentees/index.js';
import { pdfText } from '../../volunteers/testing.js';
import { meetingComments, meetings, supervisionAttendees, supervisionSessions } from '../pairs.table.js';
import { auditEntries, countRows, createMatch, matchedMentee, daysAgo, browserOf, signedIn, textOf, volunteerAccount, useWorld } from './test-helpers.js';

const w = useWorld();

const year = new Date().getUTCFullYear() - 1;

async function logged(match: { id: string; volunteerId: string; organisationId: string }, userId: string, meetingDate: string, minutes: number, note: string | null = null) {
  const [row] = await withSystem(w.db, (tx) => tx.insert(meetings).values({ organisationId: match.organisationId, matchId: match.id, volunteerId: match.volunteerId, loggedByUserId: userId, meetingDate, minutes, activity: 'conversation', note }).returning());
  return row!;
}

/** A coordinator following one pair (Zofia with Олена, two meetings) and not another (Anna with Mariam). */
async function scene() {
  const coordinator = await signedIn(w, ['coordinator'], { name: 'Katarzyna Nowak' });
  const zofia = await volunteerAccount(w, { givenName: 'Zofia', familyName: 'Wiśniewska' });
  const anna = await volunteerAccount(w, { givenName: 'Anna', familyName: 'Kowalczyk' });
  const followed = await createMatch(w, (await matchedMentee(w, { givenName: 'Олена', familyName: 'Коваленко' })).id, zofia.volunteer.id, { coordinatorUserId: coordinator.user.userId });
  const other = await createMatch(w, (await matchedMentee(w, { givenName: 'Mariam', familyName: 'Haddad' })).id, anna.volunteer.id);
  const first = await logged(followed, zofia.user.userId, daysAgo(10), 60, 'Pierwsze spotkanie w bibliotece.');
  const second = await logged(followed, zofia.user.userId, daysAgo(3), 30);
  const theirs = await logged(other, anna.user.userId, daysAgo(2), 90);
  return { coordinator, zofia, anna, followed, other, first, second, theirs };
}

describe('staff views of the meeting logs', () => {
  it('lists only the pairs I follow, with the last meeting and the hours this month; administrators see all; audited', async () => {
    const s = await scene();
    const page = await s.coordinator.client.get('/pairs');
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Zofia Wiśniewska with Олена Коваленко\d* Active/);
    assert.doesNotMatch(text, /Mariam|Anna Kowalczyk/);
    assert.ok((await auditEntries(w, w.org.id, 'match.list')).some((a) => a.actorUserId === s.coordinator.user.userId));

    const admin = await signedIn(w, ['administrator']);
    const all = textOf((await admin.client.get('/pairs')).body);
    assert.match(all, /All pairs of the organisation/);
    assert.match(all, /Anna Kowalczyk with Mariam/);
    assert.match(all, /Zofia Wiśniewska with Олена/);

    // The mentee's social worker follows the pair too (case staff).
    const sw = await signedIn(w, ['social_worker']);
    await withSystem(w.db, (tx) => tx.insert(menteeCaseStaff).values({ organisationId: w.org.id, menteeId: s.other.menteeId, userId: sw.user.userId }));
    const swText = textOf((await sw.client.get('/pairs')).body);
    assert.match(swText, /Anna Kowalczyk with Mariam/);
    assert.doesNotMatch(swText, /Zofia Wiśniewska with/);
  });

  it('shows a followed pair’s log with totals per month; 404 for a pair I do not follow or of another organisation; 403 for volunteers', async () => {
    const s = await scene();
    const page = await s.coordinator.client.get(`/pairs/${s.followed.id}`);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Meetings of Zofia Wiśniewska and Олена Коваленко/);
    assert.match(text, /Total 2 1\.5/);
    assert.match(text, /Pierwsze spotkanie w bibliotece\./);
    assert.ok((await auditEntries(w, w.org.id, 'meeting.list')).some((a) => a.entityId === s.followed.id && a.actorUserId === s.coordinator.user.userId));

    assert.equal((await s.coordinator.client.get(`/pairs/${s.other.id}`)).status, 404);
    const stranger = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    assert.equal((await stranger.client.get(`/pairs/${s.followed.id}`)).status, 404);
    assert.equal((await stranger.client.get('/pairs')).body.includes('Zofia'), false);
    const volunteer = await browserOf(w, s.zofia.user);
    assert.equal((await volunteer.get('/pairs')).status, 403);
    assert.equal((await volunteer.get(`/pairs/${s.followed.id}`)).status, 403);
  });

  it('lets staff answer a log with a short comment that the volunteer then sees; bad input is 422 with nothing written', async () => {
    const s = await scene();
    const url = `/pairs/${s.followed.id}/meetings/${s.first.id}/comments`;
    await s.coordinator.client.get(`/pairs/${s.followed.id}`);
    const before = await countRows(w, 'meeting_comments');
    for (const body of ['', '   ', 'x'.repeat(501)]) {
      const res = await s.coordinator.client.post(url, { body });
      assert.equal(res.status, 422);
      assert.match(res.body, new RegExp(`id="comment-${s.first.id}-error"`), 'the message is next to that meeting’s field');
      assert.match(res.body, /class="error-summary"/);
      // Like every other form's summary: it names the field, and has focus also without JavaScript (autofocus).
      const summary = /<div class="error-summary"[^>]*>[\s\S]*?<\/div>/.exec(res.body)?.[0] ?? '';
      assert.match(summary, /autofocus/, 'the summary takes focus without JavaScript');
      assert.match(summary, new RegExp(`<a href="#comment-${s.first.id}">(Komentarz dla wolontariusza|Comment to the volunteer): `), 'the summary names the field');
    }
    assert.equal(await countRows(w, 'meeting_comments'), before);

    // A meeting of a pair I do not follow, or a meeting put under the wrong pair: 404, nothing written.
    assert.equal((await s.coordinator.client.post(`/pairs/${s.other.id}/meetings/${s.theirs.id}/comments`, { body: 'Hej' })).status, 404);
    assert.equal((await s.coordinator.client.post(`/pairs/${s.followed.id}/meetings/${s.theirs.id}/comments`, { body: 'Hej' })).status, 404);
    assert.equal(await countRows(w, 'meeting_comments'), before);

    const res = await s.coordinator.client.post(url, { body: 'Dziękuję, przyjęłam do wiadomości.' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/pairs/${s.followed.id}#meeting-${s.first.id}`);
    const [comment] = await withSystem(w.db, (tx) => tx.select().from(meetingComments).where(eq(meetingComments.meetingId, s.first.id)));
    assert.equal(comment?.authorUserId, s.coordinator.user.userId);
    assert.ok((await auditEntries(w, w.org.id, 'meeting_comment.create')).some((a) => a.entityId === comment!.id));

    const volunteer = await browserOf(w, s.zofia.user);
    const mine = textOf((await volunteer.get('/me/meetings')).body);
    assert.match(mine, /Comment from Katarzyna Nowak, .*: Dziękuję, przyjęłam do wiadomości\./);
    // Someone else's comments are not in Anna's history.
    const annaPage = textOf((await (await browserOf(w, s.anna.user)).get('/me/meetings')).body);
    assert.doesNotMatch(annaPage, /Dziękuję, przyjęłam/);
  });

  it('puts a short “Meetings” section on the match page, and a link to /me/meetings on /me/volunteer', async () => {
    const s = await scene();
    const admin = await signedIn(w, ['administrator']);
    const page = textOf((await admin.client.get(`/matching/matches/${s.followed.id}`)).body);
    assert.match(page, /Meetings 2 meetings, 1\.5 h in total; the last one on/);
    assert.match((await admin.client.get(`/matching/matches/${s.followed.id}`)).body, new RegExp(`href="/pairs/${s.followed.id}"`));
    const volunteer = await browserOf(w, s.zofia.user);
    assert.match((await volunteer.get('/me/volunteer')).body, /href="\/me\/meetings"/);
  });
});

describe('the hours certificate', () => {
  async function withTraining(personId: string, userId: string, minutes: number) {
    const [session] = await withSystem(w.db, (tx) =>
      tx.insert(supervisionSessions).values({ organisationId: w.org.id, audience: 'volunteers', startsAt: new Date(`${year}-06-10T16:00:00Z`), minutes, place: 'Sala 2', facilitator: 'Ewa', createdByUserId: userId }).returning(),
    );
    await withSystem(w.db, (tx) => tx.insert(supervisionAttendees).values({ organisationId: w.org.id, sessionId: session!.id, personId, attended: true }));
  }

  it('prints the volunteer’s own certificate in Polish with the figures read back from the PDF', async () => {
    const zofia = await volunteerAccount(w, { givenName: 'Małgorzata', familyName: 'Żółkiewska', locale: 'pl' });
    const match = await createMatch(w, (await matchedMentee(w)).id, zofia.volunteer.id);
    await logged(match, zofia.user.userId, `${year}-03-30`, 90);
    await logged(match, zofia.user.userId, `${year}-04-02`, 60);
    await logged(match, zofia.user.userId, `${year}-09-15`, 45);
    await withTraining(zofia.volunteer.personId, zofia.user.userId, 90);
    const client = await browserOf(w, zofia.user);
    const res = await w.t.app.inject({ method: 'GET', url: `/me/meetings/certificate.pdf?from=${year}-03-01&to=${year}-06-30`, headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /attachment; filename="hours-certificate-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = await pdfText(res.rawPayload);
    assert.match(text, /Zaświadczenie o godzinach wolontariatu/);
    assert.match(text, /Małgorzata Żółkiewska/);
    assert.match(text, /Stowarzyszenie Łączy Nas/);
    assert.match(text, new RegExp(`od 1 marca ${year} do 30 czerwca ${year}`));
    assert.match(text, /Liczba godzin spotkań z podopiecznym: 2,5/);
    assert.match(text, /Liczba spotkań: 2/);
    assert.match(text, /Liczba godzin szkoleń \(superwizja grupowa\): 1,5/);
    assert.match(text, /Data wystawienia:/);
    assert.ok((await auditEntries(w, w.org.id, 'volunteer.hours_certificate')).some((a) => a.entityId === zofia.volunteer.id));

    const bad = await client.get(`/me/meetings/certificate.pdf?from=${year}-06-30&to=${year}-03-01`);
    assert.equal(bad.status, 422);
  });

  it('lets a coordinator print a Ukrainian volunteer’s certificate (all time), prints an Arabic one in Arabic, and refuses others', async () => {
    const coordinator = await signedIn(w, ['coordinator']);
    const olena = await volunteerAccount(w, { givenName: 'Олена', familyName: 'Ґудзь', locale: 'uk' });
    const match = await createMatch(w, (await matchedMentee(w)).id, olena.volunteer.id);
    await logged(match, olena.user.userId, `${year}-01-31`, 120);
    await logged(match, olena.user.userId, `${year}-02-01`, 60);
    const pdf = async (client: { cookies: Map<string, string> }, url: string) => w.t.app.inject({ method: 'GET', url, headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const res = await pdf(coordinator.client, `/pairs/volunteers/${olena.volunteer.id}/certificate.pdf`);
    assert.equal(res.statusCode, 200);
    const text = await pdfText(res.rawPayload);
    assert.match(text, /Довідка про години волонтерської діяльності/);
    assert.match(text, /Олена Ґудзь/);
    assert.match(text, new RegExp(`від 31 січня ${year}`), 'from the first meeting');
    assert.match(text, /Кількість годин зустрічей із підопічним: 3,0/);
    assert.match(text, /Кількість зустрічей: 2/);
    assert.match(text, /групова супервізія\): 0,0/);
    assert.ok((await auditEntries(w, w.org.id, 'volunteer.hours_certificate')).some((a) => a.entityId === olena.volunteer.id && a.actorUserId === coordinator.user.userId));

    const omar = await volunteerAccount(w, { givenName: 'عمر', familyName: 'حداد', locale: 'ar' });
    const arabic = await pdfText((await pdf(coordinator.client, `/pairs/volunteers/${omar.volunteer.id}/certificate.pdf`)).rawPayload);
    assert.match(arabic, /شهادة ساعات التطوع/);
    assert.match(arabic, /عمر حداد/);
    assert.match(arabic, /عدد اللقاءات: 0/);
    assert.doesNotMatch(arabic, /printed in English/);

    const sw = await signedIn(w, ['social_worker']);
    assert.equal((await pdf(sw.client, `/pairs/volunteers/${olena.volunteer.id}/certificate.pdf`)).statusCode, 403);
    const stranger = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    assert.equal((await pdf(stranger.client, `/pairs/volunteers/${olena.volunteer.id}/certificate.pdf`)).statusCode, 404);
    const volunteer = await browserOf(w, olena.user);
    assert.equal((await pdf(volunteer, `/pairs/volunteers/${olena.volunteer.id}/certificate.pdf`)).statusCode, 403);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { TestClient } from '../../../core/testing/client.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { introductions, matches, venues } from '../../matching/index.js';
import { menteeCaseStaff, mentees } from '../../mentees/index.js';
import { auditEntries } from '../../../core/testing/rows.js';
import { activeVolunteer, matchedMentee } from '../../matching/testing.js';
import { concerns, meetings } from '../../pairs/index.js';
import { todayIn } from '../../../core/i18n/time-zone.js';
import { freshOrganisation, signedIn, useWorld } from '../../../core/testing/world.js';
import { volunteers } from '../../volunteers/index.js';

const w = useWorld();

/** Each test works in an organisation of its own, so the figures it counts are only its own. */
const newOrg = async () => (await freshOrganisation(w)).id;

/** The home page (the dashboard) as `who` sees it. */
const home = async (who: { client: TestClient }) => (await who.client.get('/?lang=en')).body;

async function match(organisationId: string, menteeId: string, volunteerId: string, v: { startedAt?: Date; coordinatorUserId?: string; status?: (typeof matches.$inferInsert)['status'] } = {}) {
  const [m] = await withSystem(w.db, (tx) => tx.insert(matches).values({ organisationId, menteeId, volunteerId, status: v.status ?? 'active', startedAt: v.startedAt ?? new Date(), coordinatorUserId: v.coordinatorUserId ?? null }).returning());
  return m!;
}

const meeting = (organisationId: string, m: { id: string; volunteerId: string }, meetingDate: string, minutes: number, loggedByUserId: string) =>
  withSystem(w.db, (tx) => tx.insert(meetings).values({ organisationId, matchId: m.id, volunteerId: m.volunteerId, loggedByUserId, meetingDate, minutes, activity: 'conversation' }));

const card = (html: string, label: string) => new RegExp(`<span class="stat-value">([^<]*)</span> ${label}`).exec(html)?.[1];
const DAY = 86_400_000;

describe('the dashboards on /', () => {
  it('volunteer: my pairs by first name, the next introduction, "Log a meeting", hours this month and in total', async () => {
    const org = await newOrg();
    const v = await signedIn(w, ['volunteer'], { organisationId: org });
    const [vol] = await withSystem(w.db, (tx) => tx.insert(volunteers).values({ organisationId: org, personId: v.user.personId, stage: 'active', locale: 'pl' }).returning());
    const mentee = await matchedMentee(w, { organisationId: org, givenName: 'Олена', familyName: 'Коваленко' });
    const closedMentee = await matchedMentee(w, { organisationId: org, givenName: 'Ahmad', familyName: 'Haddad' });
    const m = await match(org, mentee.id, vol!.id, { startedAt: new Date('2024-05-02T10:00:00Z') });
    await match(org, closedMentee.id, vol!.id, { status: 'closed' });
    const today = todayIn('Europe/Warsaw');
    await meeting(org, m, today, 90, v.user.userId);
    await meeting(org, m, '2024-06-15', 120, v.user.userId);
    const [venue] = await withSystem(w.db, (tx) => tx.insert(venues).values({ organisationId: org, name: 'Biblioteka Miejska', kind: 'library', address: 'ul. Długa 1' }).returning());
    const startsAt = new Date(Date.now() + 3 * DAY);
    await withSystem(w.db, (tx) => tx.insert(introductions).values({ organisationId: org, matchId: m.id, venueId: venue!.id, startsAt, icsUid: 'x@test', createdByUserId: v.user.userId }));
    await withSystem(w.db, (tx) => tx.insert(introductions).values({ organisationId: org, matchId: m.id, venueId: venue!.id, startsAt: new Date(Date.now() - DAY), icsUid: 'y@test', createdByUserId: v.user.userId }));

    const html = await home(v);
    assert.match(html, /<a class="button dash-primary" href="\/me\/meetings\/new">Log a meeting<\/a>/);
    assert.match(html, /Олена<\/span> <span class="muted">since 2 May 2024<\/span>/);
    assert.doesNotMatch(html, /Коваленко/, 'only the first name');
    assert.doesNotMatch(html, /Ahmad/, 'an ended pair is not listed');
    assert.match(html, /With Олена at Biblioteka Miejska/);
    assert.match(html, /<dt>This month<\/dt><dd class="stat-value">1\.5<\/dd>/);
    assert.match(html, /<dt>In total<\/dt><dd class="stat-value">3\.5<\/dd>/);
    assert.match(html, /href="\/me\/volunteer"/);
    assert.doesNotMatch(html, /new application/, 'no staff figures for a volunteer');
    assert.doesNotMatch(html, /Figures of your organisation/);
    assert.ok((await auditEntries(w, org, 'dashboard.view')).some((a) => a.actorUserId === v.user.userId));

    // In Polish: the decimal comma, and the page is in Polish.
    const pl = await v.client.get('/?lang=pl');
    assert.match(pl.body, /Zapisz spotkanie/);
    assert.match(pl.body, /<dd class="stat-value">3,5<\/dd>/);
  });

  it('volunteer without a pair: an empty state and no button; a volunteer account without a record is told so', async () => {
    const org = await newOrg();
    const v = await signedIn(w, ['volunteer'], { organisationId: org });
    await withSystem(w.db, (tx) => tx.insert(volunteers).values({ organisationId: org, personId: v.user.personId, stage: 'active' }));
    const html = await home(v);
    assert.match(html, /You have no pair yet/);
    assert.match(html, /No meeting is planned/);
    assert.doesNotMatch(html, /href="\/me\/meetings\/new"/);
    assert.match(html, /<dd class="stat-value">0\.0<\/dd>/);
    const bare = await signedIn(w, ['volunteer'], { organisationId: org });
    assert.match(await home(bare), /not linked to a volunteer record yet/);
  });

  it('coordinator: new applications, overdue check-ins and quiet pairs of my pairs, open concerns I may see, hours this month, requests, waiting list', async () => {
    const org = await newOrg();
    const c = await signedIn(w, ['coordinator'], { organisationId: org });
    const colleague = await createUser(w.db, { organisationId: org, roles: ['coordinator'] });
    for (let i = 0; i < 3; i++) {
      const v = await activeVolunteer(w, { organisationId: org });
      if (i < 2) await withSystem(w.db, (tx) => tx.update(volunteers).set({ stage: 'applied' }).where(eq(volunteers.id, v.id)));
    }
    const statuses = ['requested', 'waiting', 'waiting', 'waiting'] as const;
    for (const status of statuses) {
      const m = await matchedMentee(w, { organisationId: org });
      await withSystem(w.db, (tx) => tx.update(mentees).set({ status }).where(eq(mentees.id, m.id)));
    }
    // My pair started 60 days ago and never met: both check-ins are overdue and it is quiet. My colleague's is not counted.
    const mine = await match(org, (await matchedMentee(w, { organisationId: org })).id, (await activeVolunteer(w, { organisationId: org })).id, { startedAt: new Date(Date.now() - 60 * DAY), coordinatorUserId: c.user.userId });
    const theirs = await match(org, (await matchedMentee(w, { organisationId: org })).id, (await activeVolunteer(w, { organisationId: org })).id, { startedAt: new Date(Date.now() - 60 * DAY), coordinatorUserId: colleague.userId });
    const today = todayIn('Europe/Warsaw');
    await meeting(org, theirs, today, 60, colleague.userId);
    await meeting(org, theirs, `${today.slice(0, 7)}-01`, 30, colleague.userId);
    await meeting(org, theirs, '2024-01-10', 600, colleague.userId);
    const concern = (matchId: string, raisedByUserId: string, status: (typeof concerns.$inferInsert)['status'] = 'open') =>
      withSystem(w.db, (tx) => tx.insert(concerns).values({ organisationId: org, matchId, raisedByUserId, raisedAs: 'coordinator', severity: 'medium', status, summary: 'Brak kontaktu' }));
    await concern(mine.id, colleague.userId);
    await concern(mine.id, colleague.userId, 'in_progress');
    await concern(mine.id, colleague.userId, 'closed');
    await concern(theirs.id, colleague.userId);

    const html = await home(c);
    assert.equal(card(html, 'new applications'), '2');
    assert.equal(card(html, 'overdue check-ins'), '2');
    assert.equal(card(html, 'quiet pair'), '1');
    assert.equal(card(html, 'open concerns'), '2', 'only the concerns of my pair (row-level security)');
    assert.equal(card(html, 'hours of meetings this month \\(all pairs\\)'), '1.5');
    assert.equal(card(html, 'request to review'), '1');
    assert.equal(card(html, 'people on the waiting list'), '3');
    for (const href of ['/volunteers?stage=applied', '/pairs/overdue', '/concerns', '/pairs', '/mentees?status=requested', '/mentees?status=waiting']) assert.ok(html.includes(`href="${href}"`), href);
    assert.match(html, /the pairs you follow/);
    assert.match(html, /Figures of your organisation/);
    assert.doesNotMatch(html, /Log a meeting/);

    // The administrator counts every pair's follow-up.
    const admin = await signedIn(w, ['administrator'], { organisationId: org });
    const all = await home(admin);
    assert.equal(card(all, 'overdue check-ins'), '4');
    assert.equal(card(all, 'quiet pair'), '1', 'the colleague’s pair met today');
    assert.match(all, /every pair of the organisation/);

    // Another organisation's coordinator sees none of it.
    const other = await signedIn(w, ['coordinator'], { organisationId: await newOrg() });
    const empty = await home(other);
    assert.equal(card(empty, 'new applications'), '0');
    assert.equal(card(empty, 'open concerns'), '0');
    assert.equal(card(empty, 'people on the waiting list'), '0');

    // Polish plural forms.
    const pl = await c.client.get('/?lang=pl');
    assert.match(pl.body, /<span class="stat-value">2<\/span> nowe zgłoszenia/);
    assert.match(pl.body, /<span class="stat-value">3<\/span> osoby na liście oczekujących/);
  });

  it('social worker: my clients with status and running pairs, requests to review; audited; others’ clients are not shown', async () => {
    const org = await newOrg();
    const sw = await signedIn(w, ['social_worker'], { organisationId: org });
    const responsible = await matchedMentee(w, { organisationId: org, givenName: 'Mariam', familyName: 'Ahmadi', socialWorkerUserId: sw.user.userId });
    await withSystem(w.db, (tx) => tx.update(mentees).set({ status: 'waiting', waitingSince: new Date('2025-02-03T09:00:00Z') }).where(eq(mentees.id, responsible.id)));
    const onCase = await matchedMentee(w, { organisationId: org, givenName: 'Олена', familyName: 'Коваленко' });
    await withSystem(w.db, (tx) => tx.insert(menteeCaseStaff).values({ organisationId: org, menteeId: onCase.id, userId: sw.user.userId }));
    const zofia = await activeVolunteer(w, { organisationId: org, givenName: 'Zofia', familyName: 'Wiśniewska' });
    await match(org, onCase.id, zofia.id, { startedAt: new Date('2025-03-10T10:00:00Z') });
    const stranger = await matchedMentee(w, { organisationId: org, givenName: 'Piotr', familyName: 'Obcy' });
    await withSystem(w.db, (tx) => tx.update(mentees).set({ status: 'requested' }).where(eq(mentees.id, stranger.id)));

    const html = await home(sw);
    assert.match(html, /<caption class="visually-hidden">My clients, their status and their pairs<\/caption>/);
    assert.match(html, new RegExp(`<a href="/mentees/${responsible.id}" dir="auto">Mariam Ahmadi</a>`));
    assert.match(html, /Waiting<br\/><span class="muted">waiting since 3 February 2025<\/span>/);
    assert.match(html, new RegExp(`<a href="/mentees/${onCase.id}" dir="auto">Олена Коваленко</a>[\\s\\S]*?Matched[\\s\\S]*?Zofia \\(since 10 March 2025\\)`));
    assert.doesNotMatch(html, /Piotr/);
    assert.doesNotMatch(html, /Wiśniewska/, 'the volunteer by first name only');
    assert.equal(card(html, 'request to review'), '1');
    assert.doesNotMatch(html, /new applications/, 'no coordinator figures for a social worker');
    assert.ok((await auditEntries(w, org, 'mentee.list')).some((a) => a.actorUserId === sw.user.userId));

    const newcomer = await signedIn(w, ['social_worker'], { organisationId: org });
    assert.match(await home(newcomer), /You are not on the staff of any case yet/);
  });

  it('shows every language, right to left in Arabic, and the landing page to visitors', async () => {
    const org = await newOrg();
    const c = await signedIn(w, ['coordinator'], { organisationId: org });
    for (const [lang, text] of [['uk', 'Що потребує уваги'], ['de', 'Was Aufmerksamkeit braucht'], ['ar', 'ما يحتاج إلى اهتمام']] as const) {
      const page = await c.client.get(`/?lang=${lang}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.includes(text), lang);
    }
    assert.match((await c.client.get('/?lang=ar')).body, /<html lang="ar" dir="rtl"/);
    const visitor = new TestClient(w.t.app);
    assert.match((await visitor.get('/?lang=en')).body, /Volunteering and mentoring for integration/);
  });
});

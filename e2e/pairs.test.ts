/**
 * The acceptance test of issue 6 (following the pairs), in Chromium at 360 px through the pages only:
 * a volunteer (Ukrainian) logs three meetings from a phone and raises a concern; the coordinator (Polish) is
 * notified at once (the mail is read back from the test SMTP server), takes the concern through to closed,
 * records a check-in, and later ends the match; the person supported is back on the waiting list and keeps the
 * time they had already waited.
 *
 * Seeded directly: the organisation, the coordinator's account, the volunteer's account and record, the person
 * supported and their match (making matches is tested in e2e/matching.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withSystem } from '../src/core/db/tx.js';
import { instantDaysAgo } from '../src/core/testing/clock.js';
import { translator } from '../src/core/i18n/index.js';
import { matches } from '../src/modules/matching/matching.table.js';
import type { World } from '../src/core/testing/world.js';
import { createMentee } from '../src/modules/matching/testing.js';
import { mentees } from '../src/modules/mentees/mentees.table.js';
import { createMatch, volunteerAccount } from '../src/modules/pairs/testing.js';
import { checkIns, concerns, meetings } from '../src/modules/pairs/pairs.table.js';
import { addDays, todayIn } from '../src/core/i18n/time-zone.js';
import { newContext, screenshot } from './support/browser.js';
import { clickAndWait, pathOf, signIn } from './support/flows.js';
import { startE2E, type E2EServer, type Organisation, type SeededUser } from './support/server.js';

const pl = translator('pl');
const MARK = '\u0001';
const before_ = (text: string) => text.split(MARK)[0]!;

describe('following a pair: meetings, a concern, a check-in and the end of the match', () => {
  let server: E2EServer;
  let browser: Browser;
  let org: Organisation;
  let coordinator: SeededUser;
  let volunteerEmail: string;
  let menteeId: string;
  let matchId: string;
  let waitingSince: Date;
  const contexts: BrowserContext[] = [];

  async function phone(locale: string): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { locale, viewport: { width: 360, height: 800 } });
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    ({ server, browser } = await startE2E());
    org = await server.organisation('razem-lodz', 'Stowarzyszenie Razem – Łódź', 'pl');
    coordinator = await server.user(org.id, ['coordinator'], { name: 'Katarzyna Świątek', locale: 'pl', email: 'katarzyna.swiatek@example.org' });
    const w = { t: server.t, db: server.db, org, other: org } as World;
    const v = await volunteerAccount(w, { givenName: 'Олег', familyName: 'Шевчук', locale: 'uk' });
    volunteerEmail = v.user.email;
    menteeId = await createMentee(w, org.id, { givenName: 'Amina', familyName: 'Haddad', status: 'matched', needs: ['language_practice'], daysWaiting: 75 });
    const match = await createMatch(w, menteeId, v.volunteer.id, { coordinatorUserId: coordinator.userId, startedAt: instantDaysAgo(40) });
    matchId = match.id;
    [{ waitingSince }] = (await withSystem(server.db, (tx) => tx.select({ waitingSince: mentees.waitingSince }).from(mentees).where(eq(mentees.id, menteeId)))) as [{ waitingSince: Date }];
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  const problemsOn = (page: Page) => page.locator('.error-summary, .field-error').allInnerTexts();
  async function submit(page: Page, action: string) {
    const response = await clickAndWait(page, page.locator(`main form[action="${action}"] button[type="submit"]`).last());
    assert.equal(response?.status(), 200, `POST ${action} was accepted (${(await problemsOn(page)).join(' | ')})`);
  }

  test('the whole story, in the browser at 360 px', async () => {
    // --- The volunteer, in Ukrainian, on a phone ----------------------------------------------------------
    const volunteer = await phone('uk-UA');
    await signIn(volunteer, volunteerEmail);
    const today = todayIn();
    const logged = [
      { date: addDays(today, -20), duration: '60', activity: 'conversation', note: 'Гуляли парком, говорили польською.' },
      { date: addDays(today, -9), duration: '90', activity: 'office_visit', note: 'Разом були в урзенді.' },
      { date: addDays(today, -1), duration: '30', activity: 'language_practice', note: '' },
    ];
    for (const m of logged) {
      const started = Date.now();
      await volunteer.goto('/me/meetings/new');
      await volunteer.fill('#f-meetingDate', m.date);
      await volunteer.check(`input[name="duration"][value="${m.duration}"]`);
      await volunteer.selectOption('#f-activity', m.activity);
      if (m.note) await volunteer.fill('#f-note', m.note);
      await submit(volunteer, '/me/meetings');
      assert.equal(pathOf(volunteer), '/me/meetings');
      assert.ok(Date.now() - started < 30_000, 'a meeting is logged in well under 30 seconds');
    }
    const rows = await withSystem(server.db, (tx) => tx.select().from(meetings).where(eq(meetings.matchId, matchId)));
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.map((r) => r.meetingDate).sort(), logged.map((m) => m.date).sort());
    assert.equal(rows.reduce((s, r) => s + r.minutes, 0), 180);
    assert.equal(await volunteer.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1), false, 'no sideways scrolling');
    await screenshot(volunteer, 'pairs-my-meetings-uk');

    await volunteer.goto(`/me/concerns/new?matchId=${matchId}`);
    await volunteer.check('input[name="severity"][value="high"]');
    await volunteer.fill('#f-summary', 'Амінa не приходить на зустрічі й не відповідає');
    await volunteer.fill('#f-description', 'Останні два тижні телефон вимкнений.');
    await submit(volunteer, '/me/concerns');
    const [concern] = await withSystem(server.db, (tx) => tx.select().from(concerns).where(eq(concerns.matchId, matchId)));
    assert.ok(concern, 'the concern was recorded');
    assert.equal(concern.severity, 'high');

    // --- The coordinator is told at once, in Polish ----------------------------------------------------------
    await server.deliverMail();
    const notice = await server.smtp.nextMail(coordinator.email);
    assert.ok(notice.subject.startsWith(before_(pl('pairs.concerns.mail.subjectUrgent', { volunteer: MARK, mentee: '', severity: '' }))), notice.subject);
    assert.ok(!notice.text.includes('Haddad') && !notice.text.includes('Шевчук'), 'no family names in the mail');

    // --- The coordinator handles and closes the concern ---------------------------------------------------
    const staff = await phone('pl-PL');
    await signIn(staff, coordinator.email);
    await staff.goto('/concerns');
    await clickAndWait(staff, staff.locator(`main a[href="/concerns/${concern.id}"]`).first());
    assert.equal(pathOf(staff), `/concerns/${concern.id}`);
    const statusAction = `/concerns/${concern.id}/status`;
    await staff.selectOption('#f-status', 'in_progress');
    await submit(staff, statusAction);
    await staff.selectOption('#f-kind', 'action');
    await staff.fill('#f-text', 'Zadzwoniłam do pracownika socjalnego; Amina była chora, wszystko w porządku.');
    await submit(staff, `/concerns/${concern.id}/actions`);
    await staff.selectOption('#f-status', 'resolved');
    await staff.fill('#f-resolution', 'Wyjaśnione: choroba. Spotkania wracają od przyszłego tygodnia.');
    await submit(staff, statusAction);
    await staff.selectOption('#f-status', 'closed');
    await submit(staff, statusAction);
    const [closedConcern] = await withSystem(server.db, (tx) => tx.select().from(concerns).where(eq(concerns.id, concern.id)));
    assert.equal(closedConcern!.status, 'closed');
    await screenshot(staff, 'pairs-concern-pl');

    // --- A check-in with the volunteer ----------------------------------------------------------------------
    await staff.goto(`/pairs/${matchId}`);
    await clickAndWait(staff, staff.locator(`main a[href="/pairs/${matchId}/check-ins/new?side=volunteer"]`));
    await staff.fill('#f-heldOn', today);
    await staff.check('input[name="rating"][value="4"]');
    await staff.fill('#f-howItGoes', 'Dobrze, po przerwie wracają do regularnych spotkań.');
    await submit(staff, `/pairs/${matchId}/check-ins/new`);
    const recorded = await withSystem(server.db, (tx) => tx.select().from(checkIns).where(eq(checkIns.matchId, matchId)));
    assert.deepEqual(recorded.map((c) => [c.side, c.rating, c.kind]), [['volunteer', 4, 'regular']]);

    // --- Later, the match ends; the person goes back to the waiting list ---------------------------------------
    await staff.goto(`/pairs/${matchId}`);
    await clickAndWait(staff, staff.locator(`main a[href="/pairs/${matchId}/close"]`));
    await staff.check('input[name="reason"][value="no_contact"]');
    await submit(staff, `/pairs/${matchId}/close`);
    const [ended] = await withSystem(server.db, (tx) => tx.select().from(matches).where(eq(matches.id, matchId)));
    assert.equal(ended!.status, 'closed');
    const [person] = await withSystem(server.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, menteeId)));
    assert.equal(person!.status, 'waiting', 'back on the waiting list');
    assert.equal(person!.waitingSince?.toISOString(), waitingSince.toISOString(), 'keeping the time already waited');
    await staff.goto('/mentees');
    assert.equal(await staff.locator(`main a[href="/mentees/${menteeId}"]`).count(), 1, 'the waiting list shows the person again');
    await screenshot(staff, 'pairs-waiting-list-pl');
  });
});

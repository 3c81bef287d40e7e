/**
 * The acceptance test of issue 5 (mentees and matching), in Chromium through the pages only:
 * a social worker records a mentee in Polish, sees the suggested volunteers with their reasons, runs batch
 * matching over the waiting list, accepts the proposed pair, and schedules the introduction at a café; the
 * volunteer (Polish), the mentee (Ukrainian) and the social worker receive their notices, read back from the
 * test SMTP server, each in their own language with the calendar event.
 *
 * Seeded directly: the organisation, the social worker's account, districts and venues (the demo's seed), two
 * approved volunteers and one other person already waiting. Texts are compared with the app's own catalogues.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withSystem } from '../src/core/db/tx.js';
import { translator } from '../src/core/i18n/index.js';
import { people } from '../src/core/tenancy/tenancy.table.js';
import type { World } from '../src/core/testing/world.js';
import { createMentee, createVolunteer } from '../src/modules/matching/testing.js';
import { matches } from '../src/modules/matching/matching.table.js';
import { mentees } from '../src/modules/mentees/mentees.table.js';
import { addDays, todayIn } from '../src/core/i18n/time-zone.js';
import { volunteers } from '../src/modules/volunteers/volunteers.table.js';
import { seedMatchingSettings } from '../src/seed/matching.js';
import { htmlLang, newContext, screenshot } from './support/browser.js';
import { clickAndWait, pathOf, signIn, submitOf } from './support/flows.js';
import { calendarOf } from './support/smtp.js';
import { MIN_FILL_MS } from '../src/modules/volunteers/application/form-token.js';
import { startE2E, type E2EServer, type Organisation, type SeededUser } from './support/server.js';

const pl = translator('pl');
const uk = translator('uk');
const MARK = '\u0001';
/** The fixed words of a message before its first placeholder `name`. */
const before_ = (text: string) => text.split(MARK)[0]!;

const MENTEE = { givenName: 'Iryna', familyName: 'Melnyk', email: 'iryna.melnyk@example.org' };
const VOLUNTEER = { givenName: 'Marta', familyName: 'Wójcik', email: 'marta.wojcik@example.org' };

describe('matching: from the intake of a mentee to the introduction at a café', () => {
  let server: E2EServer;
  let browser: Browser;
  let org: Organisation;
  let worker: SeededUser;
  let context: BrowserContext;
  let w: World;

  before(async () => {
    ({ server, browser } = await startE2E());
    org = await server.organisation('most-lodz', 'Fundacja Most – Łódź', 'pl');
    worker = await server.user(org.id, ['social_worker'], { name: 'Joanna Kamińska', locale: 'pl', email: 'joanna.kaminska@example.org' });
    await withSystem(server.db, (tx) => seedMatchingSettings(tx, org.id, 'Zielona Dolina'));
    w = { t: server.t, db: server.db, org, other: org } as World;
    // The volunteer who fits: Ukrainian at B2, free on Tuesday and Thursday afternoons, in the same district.
    const marta = await createVolunteer(w, org.id, {
      ...VOLUNTEER,
      capacity: 2,
      languages: [
        { code: 'pl', level: 'native' },
        { code: 'uk', level: 'B2' },
      ],
      availability: ['tue-afternoon', 'thu-afternoon', 'sat-morning'],
      district: 'Śródmieście',
      interests: ['Piłka nożna'],
      activities: ['language_help', 'errands', 'mentoring'],
    });
    // Someone who fits less well, and another person already waiting for leisure company.
    const tomasz = await createVolunteer(w, org.id, { givenName: 'Tomasz', familyName: 'Zieliński', gender: 'male', capacity: 1, languages: [{ code: 'pl', level: 'native' }], availability: ['sat-morning'], district: 'Lipki', activities: ['leisure'] });
    await createMentee(w, org.id, { givenName: 'Ahmad', familyName: 'Karimi', gender: 'male', needs: ['leisure'], languages: [{ code: 'pl', level: 'A2' }], availability: ['sat-morning'], district: 'Lipki', daysWaiting: 40 });
    // The volunteers' contact details and languages for the notices (the helper leaves them out).
    await withSystem(server.db, async (tx) => {
      for (const [id, email, locale] of [
        [marta, VOLUNTEER.email, 'pl'],
        [tomasz, 'tomasz.zielinski@example.org', 'pl'],
      ] as const) {
        const [v] = await tx.select({ personId: volunteers.personId }).from(volunteers).where(eq(volunteers.id, id));
        await tx.update(people).set({ email, locale }).where(eq(people.id, v!.personId));
        await tx.update(volunteers).set({ locale }).where(eq(volunteers.id, id));
      }
    });
    context = await newContext(browser, server.baseUrl, { locale: 'pl-PL', viewport: { width: 360, height: 800 } });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const problemsOn = (page: Page) => page.locator('.error-summary, .field-error').allInnerTexts();

  test('the whole journey, in the browser at 360 px', async () => {
    const page = await context.newPage();
    await signIn(page, worker.email, { lang: 'pl' });

    // --- Intake, in Polish -----------------------------------------------------------------------------
    await page.goto('/mentees/new');
    assert.deepEqual(await htmlLang(page), { lang: 'pl', dir: 'ltr' });
    await page.fill('#f-givenName', MENTEE.givenName);
    await page.fill('#f-familyName', MENTEE.familyName);
    await page.fill('#f-email', MENTEE.email);
    await page.selectOption('#f-gender', 'female');
    await page.selectOption('#f-locale', 'uk');
    await page.check('input[name="needs"][value="language_practice"]');
    await page.check('input[name="needs"][value="everyday_matters"]');
    await page.selectOption('#f-languages-0-code', 'uk');
    await page.selectOption('#f-languages-0-level', 'native');
    await page.check('input[name="availability"][value="tue-afternoon"]');
    await page.check('input[name="availability"][value="thu-afternoon"]');
    await page.selectOption('#f-district', 'Śródmieście');
    await page.fill('#f-interests', 'piłka nożna, gotowanie');
    await page.check('input[name="consents.support"][value="consent"]');
    await page.check('input[name="consents.contactEmail"]');
    const created = await clickAndWait(page, page.locator('form[action="/mentees/new"] button[type="submit"].button:not([name])'));
    assert.equal(created?.status(), 200, `the intake was accepted (${(await problemsOn(page)).join(' | ')})`);
    assert.match(pathOf(page), /^\/mentees\/[0-9a-f-]{36}$/);
    const casePath = pathOf(page);
    const menteeId = casePath.split('/')[2]!;
    const [row] = await withSystem(server.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, menteeId)));
    assert.equal(row!.status, 'waiting');
    assert.deepEqual([...row!.needs].sort(), ['everyday_matters', 'language_practice']);
    assert.equal(row!.locale, 'uk');
    assert.equal(row!.socialWorkerUserId, worker.userId);
    await screenshot(page, 'matching-case-pl');

    // --- Suggestions with reasons ------------------------------------------------------------------------
    await clickAndWait(page, page.locator(`main a[href="/matching/mentees/${menteeId}"]`).first());
    assert.equal(pathOf(page), `/matching/mentees/${menteeId}`);
    const first = page.locator('ol.suggestions > li').first();
    assert.match(await first.locator('h3').innerText(), /Marta Wójcik/, 'the volunteer who fits best comes first');
    const reasons = await first.locator('p').nth(1).innerText();
    for (const expected of [
      before_(pl('matching.scoring.language', { count: 1, languages: MARK })) + 'ukraiński',
      before_(pl('matching.scoring.availability', { count: 2, days: MARK })),
      pl('matching.scoring.distance.same'),
      'piłka nożna',
    ]) {
      assert.ok(reasons.includes(expected), `the reasons say “${expected}”: ${reasons}`);
    }
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(scrolls, false, 'the suggestions page does not scroll sideways at 360 px');
    await screenshot(page, 'matching-suggestions-pl');

    // --- Batch matching over the waiting list, then accept our pair ---------------------------------------
    await page.goto('/matching/batch');
    const run = await clickAndWait(page, submitOf(page, '/matching/batch'));
    assert.equal(run?.status(), 200, (await problemsOn(page)).join(' | '));
    assert.match(pathOf(page), /^\/matching\/batch\/[0-9a-f-]{36}$/);
    const runPath = pathOf(page);
    const ours = page.locator('ol.suggestions > li', { hasText: `${MENTEE.givenName} ${MENTEE.familyName}` });
    assert.match(await ours.locator('h3').innerText(), /Marta Wójcik/, 'the optimal assignment pairs Iryna with Marta');
    const other = page.locator('ol.suggestions > li', { hasText: 'Ahmad Karimi' });
    assert.match(await other.locator('h3').innerText(), /Tomasz Zieliński/, '…and Ahmad with Tomasz, so both are matched');
    await screenshot(page, 'matching-batch-pl');
    const accepted = await clickAndWait(page, ours.locator('form[action$="/accept"] [type="submit"]'));
    assert.equal(accepted?.status(), 200, (await problemsOn(page)).join(' | '));
    const [match] = await withSystem(server.db, (tx) => tx.select().from(matches).where(eq(matches.menteeId, menteeId)));
    assert.ok(match, 'accepting created the match');
    assert.equal(match.status, 'active');
    assert.deepEqual([...match.needs].sort(), ['everyday_matters', 'language_practice']);
    const [after] = await withSystem(server.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, menteeId)));
    assert.equal(after!.status, 'matched');

    // --- The introduction at a café ---------------------------------------------------------------------
    await page.goto(`/matching/matches/${match.id}`);
    await clickAndWait(page, page.locator(`main a[href="/matching/matches/${match.id}/introduction"]`).first());
    assert.equal(pathOf(page), `/matching/matches/${match.id}/introduction`);
    const cafe = page.locator('label', { hasText: 'Kawiarnia Pod Lipami' }).locator('input[type="radio"]');
    await cafe.check();
    const day = addDays(todayIn(), 3);
    await page.fill('#f-date', day);
    await page.fill('#f-time', '17:00');
    await page.fill('#f-minutes', '60');
    await page.fill('#f-note', 'Proszę o spotkanie przy wejściu.');
    const scheduled = await clickAndWait(page, submitOf(page, `/matching/matches/${match.id}/introduction`));
    assert.equal(scheduled?.status(), 200, (await problemsOn(page)).join(' | '));
    await screenshot(page, 'matching-introduction-pl');
    assert.ok(runPath);

    // --- Everyone receives their notice, in their language ------------------------------------------------
    await server.deliverMail();
    const toVolunteer = await server.smtp.nextMail(VOLUNTEER.email);
    const toMentee = await server.smtp.nextMail(MENTEE.email);
    const toWorker = await server.smtp.nextMail(worker.email);
    assert.ok(toVolunteer.subject.startsWith(before_(pl('matching.introductions.mail.person.subject.new', { name: MARK, when: '' }))), toVolunteer.subject);
    assert.ok(toVolunteer.subject.includes(MENTEE.givenName), 'the volunteer learns the first name of the person');
    assert.ok(!toVolunteer.text.includes(MENTEE.familyName), 'but not the family name (data minimisation)');
    assert.ok(toMentee.subject.startsWith(before_(uk('matching.introductions.mail.person.subject.new', { name: MARK, when: '' }))), toMentee.subject);
    assert.ok(toMentee.subject.includes(VOLUNTEER.givenName));
    assert.ok(toWorker.subject.startsWith(before_(pl('matching.introductions.mail.staff.subject.new', { volunteer: MARK, mentee: '', when: '' }))), toWorker.subject);
    for (const mail of [toVolunteer, toMentee, toWorker]) {
      assert.ok(mail.text.includes('Kawiarnia Pod Lipami'), 'the notice names the café');
      const ics = calendarOf(mail);
      assert.match(ics, /^METHOD:REQUEST\r?$/m);
      assert.match(ics, /^LOCATION:.*Kawiarnia Pod Lipami/m);
    }
    assert.ok(toMentee.text.includes('Kawiarnia Pod Lipami') && /[А-Яа-яІіЇїЄє]/.test(toMentee.text), 'the mentee’s notice is in Ukrainian');
  });

  test('a mentee asking for a woman is matched with a woman whose gender came from her application (issue 11)', async () => {
    // --- A volunteer applies in Ukrainian on her phone: her gender and a district found without diacritics ---
    const visitor = await newContext(browser, server.baseUrl, { locale: 'uk-UA', viewport: { width: 360, height: 800 } });
    try {
      const applicant = await visitor.newPage();
      await applicant.goto(`/o/${org.slug}/apply?lang=uk`);
      const shownAt = Date.now();
      await applicant.fill('#f-givenName', 'Оксана');
      await applicant.fill('#f-familyName', 'Левченко');
      await applicant.fill('#f-email', 'oksana.levchenko@example.org');
      await applicant.check('input[name="gender"][value="female"]');
      await applicant.selectOption('#f-languages-0-code', 'ar');
      await applicant.selectOption('#f-languages-0-level', 'C1');
      await applicant.check('input[name="availability"][value="wed-evening"]');
      await applicant.check('input[name="plannedLength"][value="open"]');
      // The search box app.js adds above the district select ignores diacritics.
      await applicant.fill('#f-district-search', 'srodmiescie');
      assert.equal(await applicant.locator('#f-district').inputValue(), 'Śródmieście');
      await applicant.check('input[name="activities"][value="leisure"]');
      await applicant.check('#f-consents-application');
      const rest = MIN_FILL_MS + 300 - (Date.now() - shownAt);
      if (rest > 0) await applicant.waitForTimeout(rest); // the form's signed minimum filling time; no event to wait for
      await clickAndWait(applicant, applicant.locator(`main form[action^="/o/${org.slug}/apply"] .actions button[type="submit"]`));
      assert.equal(pathOf(applicant), `/o/${org.slug}/apply/thanks`, (await problemsOn(applicant)).join(' | '));
    } finally {
      await visitor.close();
    }
    const [oksana] = await withSystem(server.db, (tx) =>
      tx.select({ id: volunteers.id, gender: people.gender, district: volunteers.district }).from(volunteers).innerJoin(people, eq(people.id, volunteers.personId)).where(eq(people.email, 'oksana.levchenko@example.org')),
    );
    assert.deepEqual([oksana!.gender, oksana!.district], ['female', 'Śródmieście'], 'her own answer, stored where matching reads it');
    // Screening and approval are the volunteers' story (e2e/volunteers.test.ts); here she is approved.
    await withSystem(server.db, (tx) => tx.update(volunteers).set({ stage: 'approved' }).where(eq(volunteers.id, oksana!.id)));

    // --- A mentee who asks for a woman, speaking Arabic, free on Wednesday evenings -----------------------------
    const amal = await createMentee(w, org.id, { givenName: 'Amal', familyName: 'Haddad', preferredVolunteerGender: 'female', needs: ['leisure'], languages: [{ code: 'ar', level: 'native' }], availability: ['wed-evening'], district: 'Śródmieście' });
    const page = await context.newPage();
    await page.goto(`/matching/mentees/${amal}`);
    const names = await page.locator('ol.suggestions > li h3').allInnerTexts();
    assert.match(names[0] ?? '', /Оксана Левченко/, `the applicant fits best: ${names.join(' | ')}`);
    assert.ok(!names.some((n) => /Tomasz/.test(n)), 'a man is never suggested to someone asking for a woman');
    const row = page.locator('ol.suggestions > li', { hasText: 'Оксана Левченко' });
    const made = await clickAndWait(page, row.locator('form[action$="/match"] [type="submit"]'));
    assert.equal(made?.status(), 200, (await problemsOn(page)).join(' | '));
    const [match] = await withSystem(server.db, (tx) => tx.select().from(matches).where(eq(matches.menteeId, amal)));
    assert.equal(match?.volunteerId, oksana!.id, 'Amal is matched with Oksana');
    await page.close();
  });
});

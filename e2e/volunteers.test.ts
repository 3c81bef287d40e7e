/**
 * The acceptance test of issue 4 (volunteers), in Chromium with JavaScript on, through the pages only:
 * an applicant applies in Ukrainian; a coordinator finds the application, schedules an interview (the test's
 * SMTP server receives the invitation with its .ics), records notes and a recommendation, a safeguarding check
 * and the agreement, and approves; the volunteer receives the account invitation in Ukrainian, sets a
 * password, accepts the agreement and downloads its PDF, whose text must carry the volunteer's Ukrainian
 * letters and the organisation's Polish ones; then the coordinator can make the volunteer active.
 *
 * Only the organisation and the coordinator's account are seeded directly. Texts are compared with the app's
 * own catalogues (translator), so the test holds while translations change.
 * (Two coordinators moving one application at once is tested over HTTP in pipeline/move.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translator } from '../src/core/i18n/index.js';
import { MIN_FILL_MS } from '../src/modules/volunteers/application/form-token.js';
import { pdfText } from '../src/modules/volunteers/documents/pdf-text.js';
import { getPublicForm, submitApplication } from '../src/modules/volunteers/application/application.service.js';
import { ApplicationInput } from '../src/modules/volunteers/application/application.schemas.js';
import { addDays, todayIn, zonedToUtc } from '../src/core/i18n/time-zone.js';
import type { Stage } from '../src/modules/volunteers/pipeline/stages.js';
import { htmlLang, newContext, screenshot } from './support/browser.js';
import { clickAndWait, pathOf, signIn, submitOf } from './support/flows.js';
import { calendarOf, linkIn } from './support/smtp.js';
import { startE2E, type E2EServer, type Organisation, type SeededUser } from './support/server.js';

const ORG_NAME = 'Stowarzyszenie Łączy Nas – Świętochłowice';
const SLUG = 'laczy-nas';
const APPLICANT = { givenName: 'Олена', familyName: 'Коваленко', email: 'olena.kovalenko@example.org' };
const FULL_NAME = `${APPLICANT.givenName} ${APPLICANT.familyName}`;

const uk = translator('uk');
const pl = translator('pl');

describe('volunteers: from the application in Ukrainian to an active volunteer with an accepted agreement', () => {
  let server: E2EServer;
  let browser: Browser;
  let org: Organisation;
  let coordinator: SeededUser;
  const contexts: BrowserContext[] = [];

  async function visitor(locale: string): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { locale, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    ({ server, browser } = await startE2E());
    org = await server.organisation(SLUG, ORG_NAME, 'pl');
    coordinator = await server.user(org.id, ['coordinator'], { name: 'Katarzyna Świątek', locale: 'pl' });
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  /** The current stage as the volunteer page shows it (the first value under the stage heading). */
  const stageOn = (page: Page) => page.locator('#stage-heading + dl.details dd').first().innerText();

  /** Moves the volunteer on their page with the stage form (the hidden version travels with it). */
  async function moveTo(page: Page, volunteerPath: string, stage: Stage) {
    await page.selectOption('#f-stage', stage);
    const response = await clickAndWait(page, submitOf(page, `${volunteerPath}/stage`));
    const problems = await page.locator('.error-summary, .field-error').allInnerTexts();
    assert.equal(response?.status(), 200, `the move to ${stage} was accepted (${problems.join(' | ')})`);
    assert.equal(pathOf(page), volunteerPath);
    assert.equal(await stageOn(page), pl(`volunteers.stage.${stage}`), `the volunteer is now at ${stage}`);
  }

  test('the whole journey, in the browser', async () => {
    // --- The applicant, in Ukrainian, from the organisation's public page -----------------------------
    const applicant = await visitor('uk-UA');
    await applicant.goto(`/o/${SLUG}?lang=uk`);
    await clickAndWait(applicant, applicant.locator(`main a[href^="/o/${SLUG}/apply"]`));
    const formShownAt = Date.now();
    assert.equal(pathOf(applicant), `/o/${SLUG}/apply`);
    assert.deepEqual(await htmlLang(applicant), { lang: 'uk', dir: 'ltr' });
    assert.equal(await applicant.locator('h1').innerText(), uk('volunteers.application.title', { organisation: ORG_NAME }));

    await applicant.fill('#f-givenName', APPLICANT.givenName);
    await applicant.fill('#f-familyName', APPLICANT.familyName);
    await applicant.fill('#f-email', APPLICANT.email);
    await applicant.fill('#f-birthDate', '1990-05-17'); // an adult: no guardian needed
    await applicant.selectOption('#f-languages-0-code', 'uk');
    await applicant.selectOption('#f-languages-0-level', 'native');
    await applicant.selectOption('#f-languages-1-code', 'pl');
    await applicant.selectOption('#f-languages-1-level', 'B1');
    await applicant.check('input[name="availability"][value="tue-evening"]');
    await applicant.check('input[name="plannedLength"][value="over_30"]');
    await applicant.fill('#f-district', 'Świętochłowice-Lipiny');
    await applicant.check('input[name="activities"][value="mentoring"]');
    await applicant.check('input[name="activities"][value="language_help"]');
    await applicant.check('#f-worksWithMinors'); // so the law's safeguarding rules apply (issue 11)
    await applicant.fill('#f-motivation', 'Хочу допомагати родинам, які щойно приїхали.');
    await applicant.check('#f-consents-application');
    // The form refuses submissions made faster than a person can fill it (a signed time in a hidden field
    // we must not touch). A browser filling fields is quicker than that, so wait out the rest: no event
    // to wait for exists.
    const rest = MIN_FILL_MS + 300 - (Date.now() - formShownAt);
    if (rest > 0) await applicant.waitForTimeout(rest);
    const sent = await clickAndWait(applicant, applicant.locator(`main form[action^="/o/${SLUG}/apply"] .actions button[type="submit"]`));
    assert.equal(pathOf(applicant), `/o/${SLUG}/apply/thanks`, `the application was accepted (status ${sent?.status()}): ${await applicant.locator('.error-summary').allInnerTexts()}`);
    assert.equal(await applicant.locator('h1').innerText(), uk('volunteers.application.thanks.title'));

    await server.deliverMail();
    const received = await server.smtp.nextMail(APPLICANT.email);
    assert.match(received.subject + received.text, /[\u0400-\u04FF]/, 'the confirmation mail is written in Cyrillic');
    assert.match(received.html, /<html lang="uk"/, 'the confirmation mail is in Ukrainian');

    // --- The coordinator finds the application ---------------------------------------------------------
    const staff = await visitor('pl-PL');
    await signIn(staff, coordinator.email, { lang: 'pl' });
    await staff.goto('/volunteers');
    // Search ignores case (and Polish diacritics); it does not transliterate, so search in Cyrillic.
    await staff.fill('#q', 'коваленко');
    await clickAndWait(staff, staff.locator('form[role="search"] [type="submit"]'));
    assert.equal(new URL(staff.url()).searchParams.get('q'), 'коваленко');
    const row = staff.locator('main table a[href^="/volunteers/"]', { hasText: APPLICANT.familyName });
    assert.equal(await row.count(), 1, 'the search finds the application');
    await clickAndWait(staff, row);
    const volunteerPath = pathOf(staff);
    assert.match(volunteerPath, /^\/volunteers\/[0-9a-f-]{36}$/);
    assert.equal(await staff.locator('h1').innerText(), `${FULL_NAME} (Olena Kovalenko)`, 'the name as written, then its Latin transliteration');
    assert.equal(await staff.locator('h1 bdi').getAttribute('lang'), 'uk');
    assert.equal(await stageOn(staff), pl('volunteers.stage.applied'));

    await moveTo(staff, volunteerPath, 'contacted');

    // --- Interview: scheduled from the volunteer page, the invitation carries an .ics ------------------
    await clickAndWait(staff, staff.locator(`a[href="${volunteerPath}/interviews/new"]`));
    const interviewDate = addDays(todayIn(), 7);
    await staff.fill('#f-date1', interviewDate);
    await staff.fill('#f-time1', '10:30');
    await staff.selectOption('#f-mode', 'in_person');
    await staff.fill('#f-address', 'ul. Katowicka 53, Świętochłowice');
    await clickAndWait(staff, submitOf(staff, `${volunteerPath}/interviews`));
    assert.equal(pathOf(staff), volunteerPath, `the interview was scheduled: ${await staff.locator('.error-summary').allInnerTexts()}`);
    assert.equal(await stageOn(staff), pl('volunteers.stage.interview_scheduled'), 'scheduling moved the volunteer on');

    await server.deliverMail();
    const invitation = await server.smtp.nextMail(APPLICANT.email);
    const ics = calendarOf(invitation);
    assert.match(ics, /^BEGIN:VCALENDAR$/m);
    assert.match(ics, /^METHOD:REQUEST$/m);
    assert.match(ics, /^BEGIN:VEVENT$/m);
    const dtstart = /^DTSTART(?:;[^:\r\n]*)?:(\d{8}T\d{6}Z)$/m.exec(ics)?.[1];
    assert.ok(dtstart, `DTSTART is a UTC time (…Z):\n${ics}`);
    const expected = zonedToUtc(interviewDate, '10:30')!.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    assert.equal(dtstart, expected, '10:30 in Warsaw, written in UTC');
    assert.match(ics, /^UID:\S+/m, 'the event has a UID');
    assert.match(ics, /^END:VCALENDAR\s*$/m);

    // --- Notes and a recommendation: recording the interview moves the volunteer to "interviewed" ----
    await clickAndWait(staff, staff.locator('#screening a[href^="/volunteers/interviews/"][href$="/record"]'));
    await staff.selectOption('#f-outcome', 'held');
    await staff.selectOption('#f-recommendation', 'recommend');
    await staff.fill('#f-motivation', 'Chce pomagać rodzinom z Ukrainy, zna dobrze Świętochłowice.');
    await staff.fill('#f-languages', 'ukraiński – ojczysty, polski – B1');
    await clickAndWait(staff, staff.locator('main form .actions button[type="submit"]'));
    assert.equal(pathOf(staff), volunteerPath, `the interview was recorded: ${await staff.locator('.error-summary').allInnerTexts()}`);
    assert.equal(await stageOn(staff), pl('volunteers.stage.interviewed'));
    assert.ok((await staff.locator('#screening').innerText()).includes(pl('volunteers.screening.recommendation.recommend')), 'the recommendation is shown');

    // --- A safeguarding check: the criminal-record information (KRK) only, for now ---------------------
    await clickAndWait(staff, staff.locator(`a[href="${volunteerPath}/safeguarding/new"]`));
    await staff.selectOption('#f-kind', 'pl_criminal_record');
    await staff.fill('#f-seenOn', todayIn());
    await clickAndWait(staff, submitOf(staff, `${volunteerPath}/safeguarding`));
    assert.equal(pathOf(staff), volunteerPath, `the check was recorded: ${await staff.locator('.error-summary').allInnerTexts()}`);
    assert.equal(await staff.locator('#screening table tbody tr').count(), 1, 'the check is listed');

    // --- The agreement, in Ukrainian ----------------------------------------------------------------
    await clickAndWait(staff, staff.locator(`a[href="${volunteerPath}/documents/new?kind=agreement"]`));
    await staff.selectOption('#f-locale', 'uk');
    await staff.fill('#f-scope', 'наставництво для родин з України');
    await staff.fill('#f-place', 'Świętochłowice');
    await staff.fill('#f-periodFrom', todayIn());
    await staff.fill('#f-periodTo', addDays(todayIn(), 180));
    await staff.fill('#f-termination', 'кожна сторона може розірвати угоду з 14-денним попередженням.');
    await clickAndWait(staff, submitOf(staff, `${volunteerPath}/documents`));
    assert.equal(pathOf(staff), volunteerPath, `the agreement was issued: ${await staff.locator('.error-summary').allInnerTexts()}`);
    assert.equal(await staff.locator('#documents table tbody tr').count(), 1, 'the agreement is listed');

    // --- Straight to active in one step is refused: it names what is missing and links to each form ---
    await staff.selectOption('#f-stage', 'active');
    const blocked = await clickAndWait(staff, submitOf(staff, `${volunteerPath}/stage`));
    assert.equal(blocked?.status(), 422, 'active is refused while the register check is missing (only the KRK is recorded)');
    assert.equal(await staff.locator('.error-summary h2').innerText(), pl('volunteers.pipeline.refused.title', { stage: pl('volunteers.stage.active') }));
    const missingLinks = staff.locator('.error-summary ul a');
    const hrefs = await missingLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes(`${volunteerPath}/safeguarding/new?kind=pl_sex_offenders_register`), `the register check is named: ${hrefs.join(' ')}`);
    assert.ok(!hrefs.includes(`${volunteerPath}/safeguarding/new?kind=pl_criminal_record`), 'the recorded KRK information is not');
    assert.equal(await stageOn(staff), pl('volunteers.stage.interviewed'), 'nothing moved');
    // Follow the link: the form opens with the register check chosen.
    await clickAndWait(staff, staff.locator(`.error-summary a[href="${volunteerPath}/safeguarding/new?kind=pl_sex_offenders_register"]`));
    assert.equal(await staff.locator('#f-kind').inputValue(), 'pl_sex_offenders_register');
    await staff.fill('#f-seenOn', todayIn());
    await clickAndWait(staff, submitOf(staff, `${volunteerPath}/safeguarding`));
    assert.equal(pathOf(staff), volunteerPath, `the register check was recorded: ${await staff.locator('.error-summary').allInnerTexts()}`);
    await clickAndWait(staff, staff.locator(`#screening a[href="${volunteerPath}/lived-abroad"]`).first());
    await staff.check('input[name="livedAbroad"][value="no"]');
    await clickAndWait(staff, submitOf(staff, `${volunteerPath}/lived-abroad`));
    assert.equal(pathOf(staff), volunteerPath);
    await clickAndWait(staff, staff.locator(`#screening a[href="${volunteerPath}/legal"]`));
    await staff.fill('#f-healthSafetyOn', todayIn());
    await staff.check('input[name="travelCosts"][value="reimbursed"]');
    await staff.fill('#f-travelCostsOn', todayIn());
    await clickAndWait(staff, submitOf(staff, `${volunteerPath}/legal`));
    assert.equal(pathOf(staff), volunteerPath, `health and safety recorded: ${await staff.locator('.error-summary').allInnerTexts()}`);
    assert.equal(await staff.locator('#screening .notice-warning ul').count(), 0, 'nothing is missing for work with minors');
    // Now the way to approved is open, through training, in one step.
    await moveTo(staff, volunteerPath, 'approved');
    await staff.selectOption('#f-stage', 'active');
    const unsigned = await clickAndWait(staff, submitOf(staff, `${volunteerPath}/stage`));
    assert.equal(unsigned?.status(), 422, 'active is refused before the agreement is signed');
    assert.ok((await staff.locator('main').innerText()).includes(pl('volunteers.rule.agreementRequired')), 'the refusal says why');
    assert.equal(await stageOn(staff), pl('volunteers.stage.approved'));

    // --- The volunteer: the account invitation, in Ukrainian ------------------------------------------
    await server.deliverMail();
    const accountMail = await server.smtp.nextMail(APPLICANT.email);
    assert.equal(accountMail.subject, uk('mail.invitation.subject', { organisation: ORG_NAME }), 'the invitation is in Ukrainian');
    assert.match(accountMail.html, /<html lang="uk"/);
    const link = linkIn(accountMail, `${server.baseUrl}/invitation/`);

    const volunteer = await visitor('uk-UA');
    await volunteer.goto(link);
    assert.equal(await volunteer.locator('h1').innerText(), uk('invitation.title'));
    const password = 'соняшник на підвіконні 2025';
    await volunteer.fill('#f-password', password);
    await volunteer.fill('#f-confirm', password);
    await clickAndWait(volunteer, submitOf(volunteer, pathOf(volunteer)));
    assert.equal(pathOf(volunteer), '/', `the password was set: ${await volunteer.locator('.error-summary').allInnerTexts()}`);
    assert.equal(await volunteer.locator('form[action="/sign-out"]').count(), 1, 'signed in');
    assert.deepEqual(await htmlLang(volunteer), { lang: 'uk', dir: 'ltr' });

    await volunteer.goto('/me/volunteer');
    assert.equal(pathOf(volunteer), '/me/volunteer');
    assert.equal(await volunteer.locator('main dl.details dd').first().innerText(), uk('volunteers.stage.approved'));
    const open = volunteer.locator('main table a[href^="/me/volunteer/documents/"]:not([href$=".pdf"])').first();
    const documentPath = (await open.getAttribute('href'))!;
    await clickAndWait(volunteer, open);
    assert.equal(pathOf(volunteer), documentPath);
    assert.ok((await volunteer.locator('main .card').innerText()).includes(FULL_NAME), 'the agreement names the volunteer');
    // Submitting without the tick is refused by the browser (required); tick it and accept.
    await volunteer.check('#f-confirm');
    await clickAndWait(volunteer, submitOf(volunteer, `${documentPath}/accept`));
    assert.equal(pathOf(volunteer), documentPath);
    assert.equal(await volunteer.locator('.flash').innerText(), uk('volunteers.self-service.accept.done'));
    assert.equal(await volunteer.locator(`form[action="${documentPath}/accept"]`).count(), 0, 'nothing left to accept');

    // The PDF, downloaded as a person would: a click, a file.
    const [download] = await Promise.all([volunteer.waitForEvent('download'), volunteer.locator(`main a[href="${documentPath}.pdf"]`).click()]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const pdf = await streamToBuffer(await download.createReadStream());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(pdf);
    assert.ok(text.includes(FULL_NAME), `the PDF names the volunteer in Ukrainian letters:\n${text.slice(0, 600)}`);
    assert.ok(text.includes(ORG_NAME), `the PDF names the organisation with its Polish letters:\n${text.slice(0, 600)}`);

    // --- Accepted in Tandem is documentary form: over 30 days the paper signature is recorded too -----
    await staff.goto(volunteerPath);
    await staff.selectOption('#f-stage', 'active');
    const clicked = await clickAndWait(staff, submitOf(staff, `${volunteerPath}/stage`));
    assert.equal(clicked?.status(), 422, 'a click is not written form');
    assert.ok((await staff.locator('.error-summary').innerText()).includes(pl('volunteers.missing.agreement_written')));
    await clickAndWait(staff, staff.locator('#documents form[action$="/paper-signed"] button'));
    await staff.goto(volunteerPath);
    await moveTo(staff, volunteerPath, 'active');
    await screenshot(staff, 'volunteers-active-volunteer-pl');

    await volunteer.goto('/me/volunteer');
    assert.equal(await volunteer.locator('main dl.details dd').first().innerText(), uk('volunteers.stage.active'), 'the volunteer sees the new stage');
  });

  test('an agreement in Arabic for a volunteer with an Arabic name: issued on the page, downloaded, read back', async () => {
    // The application itself is not the point here (the journey above goes through the form): written directly.
    const { org: publicOrg } = await getPublicForm(server.db, SLUG);
    const name = { givenName: 'محمد', familyName: 'الأحمد' };
    const { id } = await submitApplication(
      server.db,
      publicOrg,
      ApplicationInput.parse({ ...name, email: 'mohammed.alahmad@example.org', activities: ['mentoring'], plannedLength: 'over_30', languages: [{ code: 'ar', level: 'native' }], consents: { application: true, newsletter: false } }),
      'ar',
      { source: 'form', userId: null, baseUrl: server.baseUrl },
    );
    const volunteerPath = `/volunteers/${id}`;
    const staff = await visitor('pl-PL');
    await signIn(staff, coordinator.email, { lang: 'pl' });
    await staff.goto(volunteerPath);
    await clickAndWait(staff, staff.locator(`a[href="${volunteerPath}/documents/new?kind=agreement"]`));
    await staff.selectOption('#f-locale', 'ar');
    await staff.fill('#f-scope', 'الإرشاد ومساعدة العائلات في تعلّم اللغة البولندية');
    await staff.fill('#f-place', 'Świętochłowice');
    await staff.fill('#f-periodFrom', todayIn());
    await staff.fill('#f-periodTo', addDays(todayIn(), 180));
    await staff.fill('#f-termination', 'يجوز لكل طرف إنهاء الاتفاقية بإشعار مدته 14 يومًا.');
    await clickAndWait(staff, submitOf(staff, `${volunteerPath}/documents`));
    assert.equal(pathOf(staff), volunteerPath, `the agreement was issued: ${await staff.locator('.error-summary').allInnerTexts()}`);

    const link = staff.locator('#documents a[href^="/volunteers/documents/"][href$=".pdf"]').first();
    const [download] = await Promise.all([staff.waitForEvent('download'), link.click()]);
    const pdf = await streamToBuffer(await download.createReadStream());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(pdf);
    // Read back in logical order: the name in Arabic letters, the title and the scope as typed.
    assert.ok(text.includes(`${name.givenName} ${name.familyName}`), `the Arabic agreement names the volunteer in Arabic:\n${text.slice(0, 800)}`);
    assert.match(text, /اتفاقية التطوع/);
    assert.ok(text.includes('الإرشاد ومساعدة العائلات'), 'the scope typed in Arabic');
    assert.ok(text.includes(ORG_NAME), 'the organisation’s Polish name inside the Arabic text');
    assert.match(pdf.toString('latin1'), /\/Lang \(ar\)/);
  });
});

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

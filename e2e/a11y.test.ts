/**
 * Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) must find ZERO violations on every page, in Polish and
 * in Arabic (right to left), including the states that matter (forms showing errors, two-factor set-up).
 * Every page is listed once in PAGES below — add new pages there. A summary of all findings, including
 * best-practice hints that do not fail the test, is written to test-results/a11y-report.md.
 *
 * Entries marked `at360` (the mentees, matching and following-the-pairs pages) are also checked at 360 px wide in
 * the same state: nothing may scroll sideways.
 *
 * Also: keyboard basics on the sign-in page (the skip link comes first and moves focus to #main).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { requestPasswordReset } from '../src/core/auth/email-links.service.js';
import { inviteMember } from '../src/core/auth/invitations.service.js';
import { newRecoveryCodes, storeRecoveryCodes } from '../src/core/auth/second-factor.js';
import { withSystem } from '../src/core/db/tx.js';
import { addDays, todayIn } from '../src/core/i18n/time-zone.js';
import { networkManagers, networkOrganisations, networks, organisations, programmes } from '../src/core/tenancy/tenancy.table.js';
import { formatRules, runAxe, type AxeRule } from './support/axe.js';
import { htmlLang, newContext, RESULTS_DIR, withLang } from './support/browser.js';
import { clickAndWait, pathOf, signIn, submitOf } from './support/flows.js';
import { linkIn } from './support/smtp.js';
import { PASSWORD, startE2E, type E2EServer, type Organisation, type SeededUser } from './support/server.js';
import { seedMatching, type MatchingSeed } from './support/matching.js';
import { seedPairs, type PairsSeed } from './support/pairs.js';
import { seedVolunteers, type VolunteerSeed } from './support/volunteers.js';

const LANGS = ['pl', 'ar'] as const;

/** Who looks at the page: each is one browser context, signed in once (lazily). */
type Viewer =
  | 'anonymous'
  /** password accepted, second factor not yet given */
  | 'mfaPending'
  /** administrator and coordinator, network manager, two-factor on: sees every page */
  | 'admin'
  /** a coordinator without two-factor */
  | 'securityOff'
  /** a social worker in the middle of setting two-factor up */
  | 'securityPending'
  /** a coordinator with two-factor on (sees the form to turn it off) */
  | 'securityOn'
  /** an approved volunteer with an account and an agreement to accept (the self-service pages) */
  | 'volunteer';

interface Seed {
  org: Organisation;
  users: Record<Exclude<Viewer, 'anonymous'>, SeededUser>;
  personId: string;
  invitationPath: string;
  /** An invitation from another organisation to the address of `securityOn`, who already has an account. */
  existingInvitationPath: string;
  resetPath: string;
  /** New recovery codes for `securityOn` (stored now) and one of them, for forms that ask for a second factor. */
  freshRecoveryCode(): Promise<string>;
  vol: VolunteerSeed;
  m: MatchingSeed;
  p: PairsSeed;
}

interface PageCheck {
  name: string;
  path: string | ((s: Seed) => string);
  as: Viewer;
  /** Expected HTTP status of the page (200 unless said). */
  status?: number;
  /** Runs on a database without users (first set-up); these entries come first. */
  emptyDatabase?: boolean;
  /** Checked only when a GET answers 200: pages other engineers may not have built yet. */
  ifExists?: boolean;
  /** Brings the loaded page into the state to check, e.g. submits a form with mistakes. */
  prepare?: (page: Page, s: Seed) => Promise<void>;
  /** Also checked at 360 px wide: nothing may scroll sideways (WCAG 1.4.10 Reflow). */
  at360?: boolean;
}

const PAGES: PageCheck[] = [
  // --- Public, on an empty database ---------------------------------------------------------------------
  { name: 'first set-up', path: '/setup', as: 'anonymous', emptyDatabase: true },
  {
    name: 'first set-up with errors',
    path: '/setup',
    as: 'anonymous',
    emptyDatabase: true,
    prepare: async (page) => {
      // Values the browser accepts but the server refuses, so the page comes back with messages.
      await page.fill('#f-organisationName', 'Fundacja Przykładowa');
      await page.fill('#f-slug', 'Zła nazwa!');
      await page.fill('#f-displayName', 'Anna Nowak');
      await page.fill('#f-email', 'anna@example.org');
      await page.fill('#f-password', 'short');
      await page.fill('#f-confirm', 'different');
      await expectStatus(await clickAndWait(page, submitOf(page, '/setup')), 422);
    },
  },
  // --- Public -------------------------------------------------------------------------------------------
  { name: 'landing page', path: '/', as: 'anonymous' },
  { name: 'sign-in', path: '/sign-in', as: 'anonymous' },
  {
    name: 'sign-in with an error',
    path: '/sign-in',
    as: 'anonymous',
    prepare: async (page) => {
      await page.fill('#f-email', 'nobody@example.org');
      await page.fill('#f-password', 'wrong password');
      await expectStatus(await clickAndWait(page, submitOf(page, '/sign-in')), 401);
    },
  },
  { name: 'forgotten password', path: '/password/forgot', as: 'anonymous' },
  { name: 'invitation link', path: (s) => s.invitationPath, as: 'anonymous' },
  {
    name: 'invitation link with errors',
    path: (s) => s.invitationPath,
    as: 'anonymous',
    prepare: async (page, s) => {
      await page.fill('#f-password', 'short');
      await page.fill('#f-confirm', 'other');
      await expectStatus(await clickAndWait(page, submitOf(page, s.invitationPath)), 422);
    },
  },
  { name: 'invitation to an existing account: sign in first', path: (s) => s.existingInvitationPath, as: 'anonymous' },
  { name: 'invitation to an existing account: accept', path: (s) => s.existingInvitationPath, as: 'securityOn', at360: true },
  { name: 'invitation to another account', path: (s) => s.existingInvitationPath, as: 'securityOff' },
  { name: 'declining an invitation: are you sure?', path: (s) => `${s.existingInvitationPath}?decline=1`, as: 'anonymous', at360: true },
  { name: 'invitation declined', path: '/invitation/declined', as: 'anonymous' },
  { name: 'password reset link', path: (s) => s.resetPath, as: 'anonymous' },
  { name: 'public organisation page', path: (s) => `/o/${s.org.slug}`, as: 'anonymous' },
  { name: 'API documentation', path: '/api/docs', as: 'anonymous' },
  { name: 'page not found', path: '/no-such-page', as: 'anonymous', status: 404 },
  { name: 'used or unknown link', path: '/invitation/not-a-real-token', as: 'anonymous', status: 404 },
  { name: 'two-factor step', path: '/sign-in/two-factor', as: 'mfaPending' },
  {
    name: 'two-factor step with an error',
    path: '/sign-in/two-factor',
    as: 'mfaPending',
    prepare: async (page) => {
      await page.fill('#f-code', '12');
      await expectStatus(await clickAndWait(page, submitOf(page, '/sign-in/two-factor')), 401);
    },
  },
  // --- Signed in ----------------------------------------------------------------------------------------
  { name: 'dashboard', path: '/', as: 'admin' },
  { name: 'people', path: '/people', as: 'admin' },
  { name: 'people, no match', path: '/people?q=zzzzzz', as: 'admin' },
  { name: 'new person', path: '/people/new', as: 'admin' },
  {
    name: 'new person with errors',
    path: '/people/new',
    as: 'admin',
    prepare: async (page) => {
      await page.fill('#f-givenName', '   '); // passes the browser's check, not the server's
      await page.fill('#f-familyName', 'Melnyk');
      await page.fill('#f-phone', 'call me');
      await page.fill('#f-birthDate', '2999-01-01');
      await expectStatus(await clickAndWait(page, submitOf(page, '/people/new')), 422);
    },
  },
  { name: 'person', path: (s) => `/people/${s.personId}`, as: 'admin' },
  { name: 'edit person', path: (s) => `/people/${s.personId}/edit`, as: 'admin' },
  { name: 'account', path: '/account', as: 'admin' },
  { name: 'security: two-factor off', path: '/account/security', as: 'securityOff' },
  {
    name: 'security: two-factor set-up with QR code',
    path: '/account/security',
    as: 'securityPending',
    prepare: async (page) => {
      const start = submitOf(page, '/account/security/totp/start');
      if ((await start.count()) > 0) await clickAndWait(page, start);
      assert.equal(await page.locator('img.qr').count(), 1, 'the QR code is shown');
    },
  },
  {
    name: 'security: two-factor set-up with a wrong code',
    path: '/account/security',
    as: 'securityPending',
    prepare: async (page) => {
      await page.fill('#f-code', '000000');
      await expectStatus(await clickAndWait(page, submitOf(page, '/account/security/totp/confirm')), 422);
    },
  },
  { name: 'security: two-factor on', path: '/account/security', as: 'securityOn' },
  {
    name: 'security: new recovery codes',
    path: '/account/security',
    as: 'securityOn',
    at360: true,
    prepare: async (page, s) => {
      await page.fill('#f-recoveryCode', await s.freshRecoveryCode());
      await expectStatus(await clickAndWait(page, submitOf(page, '/account/security/recovery-codes')), 200);
      assert.equal(await page.locator('#recovery-codes li').count(), 10);
    },
  },
  {
    name: 'security: moving to a new authenticator',
    path: '/account/security',
    as: 'securityOn',
    prepare: async (page, s) => {
      const cancel = submitOf(page, '/account/security/totp/cancel');
      if ((await cancel.count()) > 0) await clickAndWait(page, cancel);
      await page.fill('#f-currentCode', await s.freshRecoveryCode());
      await clickAndWait(page, submitOf(page, '/account/security/totp/start'));
      assert.equal(await page.locator('img.qr').count(), 1, 'the new QR code is shown');
    },
  },
  { name: 'security: administrator', path: '/account/security', as: 'admin' },
  {
    name: 'security: password change with errors',
    path: '/account/security',
    as: 'admin',
    prepare: async (page) => {
      await page.fill('#f-current', 'not my password');
      await page.fill('#f-password', 'short');
      await page.fill('#f-confirm', 'other');
      await expectStatus(await clickAndWait(page, submitOf(page, '/account/security/password')), 422);
    },
  },
  { name: 'API tokens', path: '/account/tokens', as: 'admin' },
  {
    name: 'API tokens, one just created',
    path: '/account/tokens',
    as: 'admin',
    prepare: async (page) => {
      await page.fill('#f-name', 'Arkusz raportów');
      await expectStatus(await clickAndWait(page, submitOf(page, '/account/tokens')), 201);
    },
  },
  { name: 'team', path: '/admin/users', as: 'admin', ifExists: true },
  { name: 'invite', path: '/admin/users/invite', as: 'admin', ifExists: true },
  {
    name: 'invite with errors',
    path: '/admin/users/invite',
    as: 'admin',
    ifExists: true,
    prepare: async (page) => {
      await page.fill('[name="email"]', 'new.person@example.org');
      await page.fill('[name="givenName"]', '   ');
      await page.fill('[name="familyName"]', '   ');
      await expectStatus(await clickAndWait(page, submitOf(page, '/admin/users/invite')), 422);
    },
  },
  { name: 'team member', path: (s) => `/admin/users/${s.users.securityOff.personId}`, as: 'admin', ifExists: true },
  { name: 'programmes', path: '/admin/programmes', as: 'admin', ifExists: true },
  { name: 'new programme', path: '/admin/programmes/new', as: 'admin', ifExists: true },
  { name: 'organisation settings', path: '/admin/organisation', as: 'admin', ifExists: true },
  { name: 'audit log', path: '/admin/audit', as: 'admin', ifExists: true },
  { name: 'outgoing mail', path: '/admin/outbox', as: 'admin', ifExists: true },
  { name: 'network', path: '/network', as: 'admin', ifExists: true },
  // --- Volunteers (issue 4) -----------------------------------------------------------------------------
  { name: 'volunteer application form', path: (s) => `/o/${s.org.slug}/apply`, as: 'anonymous' },
  {
    name: 'volunteer application form: the district search box (app.js) in use',
    path: (s) => `/o/${s.org.slug}/apply`,
    as: 'anonymous',
    prepare: async (page) => {
      await page.fill('#f-district-search', 'srod');
      assert.equal(await page.locator('#f-district').inputValue(), 'Śródmieście', 'found without diacritics');
    },
  },
  {
    name: 'volunteer application form with errors',
    path: (s) => `/o/${s.org.slug}/apply`,
    as: 'anonymous',
    prepare: async (page, s) => {
      // The form refuses what is sent within 3 s of showing it; rather than wait, the hidden field gets a
      // genuine token the server signed 10 s ago (only the timing check is skipped; the fields are checked).
      await page.locator('input[name="_form"]').evaluate((el, token) => ((el as HTMLInputElement).value = token), s.vol.formToken);
      // Values the browser accepts but the server refuses.
      await page.fill('#f-givenName', '   ');
      await page.fill('#f-familyName', 'Коваленко');
      await page.fill('#f-email', 'olena@example.org');
      await page.fill('#f-birthDate', '2999-01-01');
      await page.fill('#f-phone', 'zadzwoń');
      await page.selectOption('#f-languages-0-code', 'uk');
      await page.check('input[name="plannedLength"][value="open"]');
      await page.check('#f-consents-application');
      await expectStatus(await clickAndWait(page, page.locator('main form .actions button[type="submit"]')), 422);
      assert.ok((await page.locator('.field-error').count()) >= 3, 'the form shows its errors at the fields');
    },
  },
  { name: 'volunteer application: thank you', path: (s) => `/o/${s.org.slug}/apply/thanks`, as: 'anonymous' },
  { name: 'volunteer application: thank you, under 18', path: (s) => `/o/${s.org.slug}/apply/thanks?guardian=1`, as: 'anonymous' },
  { name: 'guardian confirmation', path: (s) => s.vol.guardianPath, as: 'anonymous' },
  { name: 'guardian confirmed', path: (s) => `/o/${s.org.slug}/apply/guardian-confirmed`, as: 'anonymous' },
  { name: 'volunteers list', path: '/volunteers', as: 'admin' },
  { name: 'volunteers list, no match', path: '/volunteers?q=zzzzzz&stage=active', as: 'admin' },
  {
    name: 'volunteers list, bulk move with errors',
    path: '/volunteers',
    as: 'admin',
    prepare: async (page) => {
      await page.selectOption('#f-stage', 'contacted'); // nobody ticked
      await expectStatus(await clickAndWait(page, page.locator('form[action^="/volunteers/bulk"] [type="submit"]')), 422);
    },
  },
  {
    name: 'volunteers bulk move result, refused',
    path: '/volunteers',
    as: 'admin',
    prepare: async (page) => {
      // Rejecting without a reason is refused for each one: the result page lists why, nothing changes.
      await page.locator('input[name="ids"]').first().check();
      await page.locator('input[name="ids"]').nth(1).check();
      await page.selectOption('#f-stage', 'rejected');
      await expectStatus(await clickAndWait(page, page.locator('form[action^="/volunteers/bulk"] [type="submit"]')), 200);
    },
  },
  { name: 'volunteers board', path: '/volunteers/board', as: 'admin' },
  { name: 'volunteer page, panels filled', path: (s) => `/volunteers/${s.vol.mainId}`, as: 'admin' },
  {
    name: 'volunteer page, refused move',
    path: (s) => `/volunteers/${s.vol.mainId}`,
    as: 'admin',
    prepare: async (page, s) => {
      await page.selectOption('#f-stage', 'rejected'); // needs a reason: none given
      await expectStatus(await clickAndWait(page, submitOf(page, `/volunteers/${s.vol.mainId}/stage`)), 422);
    },
  },
  { name: 'volunteer page, offered slots and under 18', path: (s) => `/volunteers/${s.vol.offeredId}`, as: 'admin' },
  { name: 'volunteer screening page', path: (s) => `/volunteers/${s.vol.mainId}/screening`, as: 'admin' },
  { name: 'schedule interview', path: (s) => `/volunteers/${s.vol.mainId}/interviews/new`, as: 'admin' },
  {
    name: 'schedule interview with errors',
    path: (s) => `/volunteers/${s.vol.mainId}/interviews/new`,
    as: 'admin',
    prepare: async (page, s) => {
      await page.fill('#f-date1', '2001-01-01'); // in the past
      await page.fill('#f-time1', '10:00');
      await page.selectOption('#f-mode', 'video');
      await expectStatus(await clickAndWait(page, submitOf(page, `/volunteers/${s.vol.mainId}/interviews`)), 422);
    },
  },
  { name: 'reschedule interview', path: (s) => `/volunteers/interviews/${s.vol.scheduledInterviewId}/reschedule`, as: 'admin' },
  { name: 'record interview', path: (s) => `/volunteers/interviews/${s.vol.scheduledInterviewId}/record`, as: 'admin' },
  { name: 'safeguarding check', path: (s) => `/volunteers/${s.vol.mainId}/safeguarding/new`, as: 'admin' },
  { name: 'accident insurance', path: (s) => `/volunteers/${s.vol.mainId}/insurance/new`, as: 'admin' },
  { name: 'lived abroad in the last 20 years', path: (s) => `/volunteers/${s.vol.mainId}/lived-abroad`, as: 'admin' },
  { name: 'health and safety, travel costs', path: (s) => `/volunteers/${s.vol.mainId}/legal`, as: 'admin' },
  {
    name: 'health and safety with errors',
    path: (s) => `/volunteers/${s.vol.mainId}/legal`,
    as: 'admin',
    prepare: async (page, s) => {
      await page.check('input[name="travelCosts"][value="waived"]'); // without its date
      await expectStatus(await clickAndWait(page, submitOf(page, `/volunteers/${s.vol.mainId}/legal`)), 422);
    },
  },
  {
    name: 'a refused move naming what is missing',
    path: (s) => `/volunteers/${s.vol.mainId}`,
    as: 'admin',
    prepare: async (page, s) => {
      await page.selectOption('#f-stage', 'active');
      await expectStatus(await clickAndWait(page, submitOf(page, `/volunteers/${s.vol.mainId}/stage`)), 422);
    },
  },
  { name: 'issue agreement', path: (s) => `/volunteers/${s.vol.mainId}/documents/new?kind=agreement`, as: 'admin' },
  { name: 'document templates', path: '/volunteers/templates', as: 'admin' },
  { name: 'document template: agreement in Polish', path: '/volunteers/templates/agreement/pl', as: 'admin' },
  {
    name: 'document template with an unknown placeholder',
    path: '/volunteers/templates/agreement/pl',
    as: 'admin',
    prepare: async (page) => {
      await page.fill('#f-body', `${await page.inputValue('#f-body')}\n\n{nieznane_pole}`);
      await expectStatus(await clickAndWait(page, page.locator('main form button[name="intent"][value="preview"]')), 422);
    },
  },
  { name: 'volunteer settings', path: '/volunteers/settings', as: 'admin' },
  { name: 'agreements over 30 days (settings)', path: '/volunteers/settings/agreements', as: 'admin', at360: true },
  {
    name: 'agreements over 30 days: electronic without the lawyer\'s note',
    path: '/volunteers/settings/agreements',
    as: 'admin',
    at360: true,
    prepare: async (page) => {
      await page.check('input[name="longServiceForm"][value="electronic"]');
      await expectStatus(await clickAndWait(page, page.locator('main form[action="/volunteers/settings/agreements"] [type="submit"]')), 422);
    },
  },
  { name: 'agreement signed with a qualified electronic signature (upload)', path: (s) => `/volunteers/documents/${s.vol.ownAgreementId}/qualified`, as: 'admin', at360: true },
  {
    name: 'qualified signature upload without a file or the confirmation',
    path: (s) => `/volunteers/documents/${s.vol.ownAgreementId}/qualified`,
    as: 'admin',
    at360: true,
    prepare: async (page, s) => {
      const form = page.locator(`main form[action^="/volunteers/documents/${s.vol.ownAgreementId}/qualified"]`);
      await form.evaluate((f) => ((f as HTMLFormElement).noValidate = true));
      await expectStatus(await clickAndWait(page, form.locator('[type="submit"]').last()), 422);
      assert.ok((await page.locator('.field-error').count()) >= 1, 'the form shows its errors at the fields');
    },
  },
  { name: 'document verification', path: (s) => `/verify/${s.vol.certificateCode}`, as: 'anonymous' },
  { name: 'document verification, wrong code', path: '/verify/AAAAAAAAAAAAAAAAAAAAAAAA', as: 'anonymous', status: 404 },
  { name: 'my volunteering', path: '/me/volunteer', as: 'volunteer' },
  { name: 'my agreement, to accept', path: (s) => `/me/volunteer/documents/${s.vol.ownAgreementId}`, as: 'volunteer' },
  // --- Mentees and matching (issue 5); each also at 360 px ------------------------------------------------
  ...menteesAndMatching().map((c): PageCheck => ({ ...c, at360: true })),
  // --- Following the pairs (issue 6); each also at 360 px ------------------------------------------------
  ...followingPairs().map((c): PageCheck => ({ ...c, at360: true })),
];

/** The mentees module (list, intake, case page, public request) and matching (suggestions, batch, pairs, settings). */
function menteesAndMatching(): PageCheck[] {
  /**
   * Submits the form whose action starts with `action` with its visible main button (not "add a language", which
   * has a name, nor the hidden default button) and expects `status`.
   */
  const submit = async (page: Page, action: string, status: number) =>
    expectStatus(await clickAndWait(page, page.locator(`form[action^="${action}"] [type="submit"]:not(.visually-hidden):not([name])`).first()), status);
  return [
    // Mentees: the waiting list and its tabs.
    { name: 'mentees: waiting list', path: '/mentees', as: 'admin' },
    { name: 'mentees: requests to review', path: '/mentees?status=requested', as: 'admin' },
    { name: 'mentees: on hold', path: '/mentees?status=on_hold', as: 'admin' },
    { name: 'mentees: closed', path: '/mentees?status=closed', as: 'admin' },
    { name: 'mentees: declined', path: '/mentees?status=declined', as: 'admin' },
    { name: 'mentees: all', path: '/mentees?status=all', as: 'admin' },
    { name: 'mentees: no match', path: '/mentees?status=all&q=zzzzzz', as: 'admin' },
    // Intake and correction.
    { name: 'new mentee (intake)', path: '/mentees/new', as: 'admin' },
    {
      name: 'new mentee with errors',
      path: '/mentees/new',
      as: 'admin',
      prepare: async (page) => {
        // Values the browser accepts but the server refuses; no need ticked; the lawful basis (required radio) chosen.
        await page.fill('#f-givenName', '   ');
        await page.fill('#f-familyName', 'Коваленко');
        await page.fill('#f-phone', 'call me');
        await page.fill('#f-birthDate', '2999-01-01');
        await page.fill('#f-preferredVolunteerAgeMin', '70');
        await page.fill('#f-preferredVolunteerAgeMax', '30');
        await page.check('input[name="consents.support"][value="consent"]');
        await submit(page, '/mentees/new', 422);
        assert.ok((await page.locator('.field-error').count()) >= 4, 'the form shows its errors at the fields');
      },
    },
    { name: 'case page: notes, staff, consents', path: (s) => `/mentees/${s.m.caseId}`, as: 'admin' },
    {
      name: 'case page: closing without a reason',
      path: (s) => `/mentees/${s.m.caseId}`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.check('input[name="action"][value="close"]');
        await submit(page, `/mentees/${s.m.caseId}/status`, 422);
      },
    },
    {
      name: 'case page: an empty note',
      path: (s) => `/mentees/${s.m.caseId}`,
      as: 'admin',
      prepare: async (page, s) => submit(page, `/mentees/${s.m.caseId}/notes`, 422),
    },
    { name: 'case page: a request to review', path: (s) => `/mentees/${s.m.requestId}`, as: 'admin' },
    {
      name: 'case page: declining a request without a reason',
      path: (s) => `/mentees/${s.m.requestId}`,
      as: 'admin',
      prepare: async (page, s) => submit(page, `/mentees/${s.m.requestId}/decline`, 422),
    },
    { name: 'case page: matched', path: (s) => `/mentees/${s.m.matchedMenteeId}`, as: 'admin' },
    { name: 'edit mentee', path: (s) => `/mentees/${s.m.caseId}/edit`, as: 'admin' },
    {
      name: 'edit mentee with errors',
      path: (s) => `/mentees/${s.m.caseId}/edit`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.fill('#f-familyName', '   ');
        await page.fill('#f-phone', 'zadzwoń wieczorem');
        await page.fill('#f-birthDate', '2999-01-01');
        await submit(page, `/mentees/${s.m.caseId}/edit`, 422);
      },
    },
    // The public request for support.
    { name: 'request for support (public form)', path: (s) => `/o/${s.org.slug}/request`, as: 'anonymous' },
    {
      name: 'request for support with errors',
      path: (s) => `/o/${s.org.slug}/request`,
      as: 'anonymous',
      prepare: async (page, s) => {
        // As for the volunteer form: a genuine token signed 10 s ago instead of waiting out the minimum fill time.
        await page.locator('input[name="_form"]').evaluate((el, token) => ((el as HTMLInputElement).value = token), s.m.requestFormToken);
        await page.fill('#f-givenName', '   ');
        await page.fill('#f-familyName', 'حسن');
        await page.fill('#f-phone', 'اتصل بي');
        await page.check('#f-forSomeoneElse');
        await page.check('#f-consents-support');
        await expectStatus(await clickAndWait(page, page.locator('main form .actions button[type="submit"]')), 422);
        assert.ok((await page.locator('.field-error').count()) >= 3, 'the form shows its errors at the fields');
      },
    },
    { name: 'request for support: thank you', path: (s) => `/o/${s.org.slug}/request/thanks`, as: 'anonymous' },
    { name: 'request for support: sent, its status page', path: (s) => `/o/${s.org.slug}/request/status/${s.m.requestStatusToken}?sent=1`, as: 'anonymous' },
    { name: 'request for support: an unknown status link', path: (s) => `/o/${s.org.slug}/request/status/${'A'.repeat(43)}`, as: 'anonymous', status: 404 },
    // Matching: overview, suggestions both ways, exclusions, the matching profile.
    { name: 'matching overview', path: '/matching', as: 'admin' },
    { name: 'suggestions for a mentee', path: (s) => `/matching/mentees/${s.m.caseId}`, as: 'admin' },
    { name: 'suggestions for a mentee, filtered, full included', path: (s) => `/matching/mentees/${s.m.caseId}?includeFull=true&weekday=tue&language=uk`, as: 'admin' },
    {
      name: 'suggestions for a mentee: exclusion without a reason',
      path: (s) => `/matching/mentees/${s.m.caseId}`,
      as: 'admin',
      prepare: async (page) => {
        await page.locator('ol.suggestions details:has(form[action="/matching/exclusions"]) > summary').first().click();
        await submit(page, '/matching/exclusions', 422);
      },
    },
    { name: 'suggestions for a mentee already matched', path: (s) => `/matching/mentees/${s.m.matchedMenteeId}`, as: 'admin' },
    { name: 'suggestions for a volunteer, matching profile', path: (s) => `/matching/volunteers/${s.m.volunteerId}`, as: 'admin' },
    {
      name: 'matching profile with errors',
      path: (s) => `/matching/volunteers/${s.m.volunteerId}`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.fill('#f-capacity', '0');
        await submit(page, `/matching/volunteers/${s.m.volunteerId}/profile`, 422);
      },
    },
    // Batch matching.
    { name: 'batch matching', path: '/matching/batch', as: 'admin' },
    { name: 'batch run to review', path: (s) => `/matching/batch/${s.m.openRunId}`, as: 'admin' },
    {
      name: 'batch run: how it was computed, opened',
      path: (s) => `/matching/batch/${s.m.openRunId}`,
      as: 'admin',
      prepare: async (page) => {
        await page.locator('details.more > summary').click();
      },
    },
    { name: 'batch run: confirm accepting all', path: (s) => `/matching/batch/${s.m.openRunId}/accept-all`, as: 'admin' },
    {
      name: 'batch run: "never again" without a reason',
      path: (s) => `/matching/batch/${s.m.openRunId}`,
      as: 'admin',
      prepare: async (page, s) => {
        const form = page.locator(`form[action^="/matching/batch/${s.m.openRunId}/proposals/"][action$="/reject"]`).first();
        await page.locator(`details:has(form[action$="/reject"]) > summary`).first().click();
        await form.locator('input[name="exclude"]').check();
        await expectStatus(await clickAndWait(page, form.locator('[type="submit"]')), 422);
      },
    },
    { name: 'batch run: accepted, rejected, stale and open', path: (s) => `/matching/batch/${s.m.decidedRunId}`, as: 'admin' },
    // Pairs and their introductions.
    { name: 'matches', path: '/matching/matches', as: 'admin' },
    { name: 'matches, no match', path: '/matching/matches?q=zzzzzz', as: 'admin' },
    { name: 'match page', path: (s) => `/matching/matches/${s.m.introducedMatchId}`, as: 'admin' },
    { name: 'introduction: scheduling form', path: (s) => `/matching/matches/${s.m.newMatchId}/introduction`, as: 'admin' },
    {
      name: 'introduction: a date in the past',
      path: (s) => `/matching/matches/${s.m.newMatchId}/introduction`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.locator('input[name="venueId"]').first().check();
        await page.fill('#f-date', '2001-01-01');
        await page.fill('#f-time', '10:00');
        await submit(page, `/matching/matches/${s.m.newMatchId}/introduction`, 422);
      },
    },
    {
      name: 'introduction: outside the venue’s opening hours (refused, “schedule anyway” offered)',
      path: (s) => `/matching/matches/${s.m.newMatchId}/introduction`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.locator(`input[name="venueId"][value="${s.m.venueId}"]`).check();
        await page.fill('#f-date', addDays(todayIn(), 10));
        await page.fill('#f-time', '22:00');
        await submit(page, `/matching/matches/${s.m.newMatchId}/introduction`, 422);
      },
    },
    {
      name: 'introduction: “schedule anyway” without a reason',
      path: (s) => `/matching/matches/${s.m.newMatchId}/introduction`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.locator(`input[name="venueId"][value="${s.m.venueId}"]`).check();
        await page.fill('#f-date', addDays(todayIn(), 10));
        await page.fill('#f-time', '22:00');
        await submit(page, `/matching/matches/${s.m.newMatchId}/introduction`, 422);
        await page.check('#f-outsideHours');
        await submit(page, `/matching/matches/${s.m.newMatchId}/introduction`, 422);
      },
    },
    { name: 'introduction: one scheduled', path: (s) => `/matching/matches/${s.m.introducedMatchId}/introduction`, as: 'admin' },
    { name: 'introduction: reschedule', path: (s) => `/matching/introductions/${s.m.introductionId}/reschedule`, as: 'admin' },
    {
      name: 'introduction: reschedule with errors',
      path: (s) => `/matching/introductions/${s.m.introductionId}/reschedule`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.fill('#f-date', '2001-01-01');
        await page.fill('#f-minutes', '5');
        await submit(page, `/matching/introductions/${s.m.introductionId}/reschedule`, 422);
      },
    },
    // Matching settings: districts, venues, weights.
    { name: 'matching settings', path: '/matching/settings', as: 'admin' },
    { name: 'new district', path: '/matching/settings/districts/new', as: 'admin' },
    {
      name: 'new district with errors',
      path: '/matching/settings/districts/new',
      as: 'admin',
      prepare: async (page) => {
        await page.fill('#f-name', 'śródmieście'); // taken (names are unique ignoring case)
        await page.fill('#f-latitude', '95');
        await page.fill('#f-longitude', 'wschód');
        await submit(page, '/matching/settings/districts/new', 422);
      },
    },
    { name: 'edit district', path: (s) => `/matching/settings/districts/${s.m.districtId}/edit`, as: 'admin' },
    {
      name: 'edit district with errors',
      path: (s) => `/matching/settings/districts/${s.m.districtId}/edit`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.fill('#f-name', 'Zatorze');
        await page.fill('#f-longitude', '200');
        await submit(page, `/matching/settings/districts/${s.m.districtId}/edit`, 422);
      },
    },
    { name: 'delete district', path: (s) => `/matching/settings/districts/${s.m.districtId}/delete`, as: 'admin' },
    { name: 'new venue', path: '/matching/settings/venues/new', as: 'admin' },
    {
      name: 'new venue with errors',
      path: '/matching/settings/venues/new',
      as: 'admin',
      prepare: async (page) => {
        await page.fill('#f-name', 'kawiarnia rynkowa'); // taken
        await page.fill('#f-address', '   ');
        await submit(page, '/matching/settings/venues/new', 422);
      },
    },
    { name: 'edit venue', path: (s) => `/matching/settings/venues/${s.m.venueId}/edit`, as: 'admin' },
    {
      name: 'edit venue with errors',
      path: (s) => `/matching/settings/venues/${s.m.venueId}/edit`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.fill('#f-name', '   ');
        await page.fill('#f-hoursMon', '17-9');
        await page.fill('#f-hoursTue', '9-13, 12-18');
        await page.fill('#f-hoursWed', 'noon');
        await submit(page, `/matching/settings/venues/${s.m.venueId}/edit`, 422);
      },
    },
    { name: 'delete venue', path: (s) => `/matching/settings/venues/${s.m.venueId}/delete`, as: 'admin' },
    { name: 'programme weights', path: (s) => `/matching/settings/weights/${s.m.programmeId}`, as: 'admin' },
    {
      name: 'programme weights, all zero',
      path: (s) => `/matching/settings/weights/${s.m.programmeId}`,
      as: 'admin',
      prepare: async (page, s) => {
        for (const input of await page.locator(`form[action="/matching/settings/weights/${s.m.programmeId}"] input[type="number"]`).all()) await input.fill('0');
        await submit(page, `/matching/settings/weights/${s.m.programmeId}`, 422);
      },
    },
  ];
}

/**
 * Following the pairs (issue 6): the meeting log and hours, check-ins, overdue and quiet pairs, covers, follow-up
 * settings, concerns, supervision, ending a pair, and the dashboards of a volunteer, a coordinator and a social worker.
 */
function followingPairs(): PageCheck[] {
  /**
   * Submits the form posting to exactly `action` with its last submit button and expects `status`. The page's `lang`
   * goes along: an account's own language (the volunteer's is Ukrainian) otherwise wins over the language cookie.
   */
  const submit = async (page: Page, action: string, status: number) => {
    const button = page.locator(`main form[action="${action}"] [type="submit"]`).last();
    const lang = new URL(page.url()).searchParams.get('lang');
    if (lang) await button.evaluate((b, to) => b.setAttribute('formaction', to), withLang(action, lang));
    await expectStatus(await clickAndWait(page, button), status);
  };
  /** Lets the server's checks answer (the point of an error state) instead of the browser's own (min, max, required). */
  const serverChecksOnly = (page: Page, action: string) => page.locator(`main form[action="${action}"]`).evaluate((form) => ((form as HTMLFormElement).noValidate = true));
  /** Checks the page is in the state the entry is about (a list that is not empty, a form that is there). */
  const shows = (selector: string, atLeast: number, what: string) => async (page: Page) => {
    const n = await page.locator(selector).count();
    assert.ok(n >= atLeast, `the page shows ${what} (${n} of ${selector}, expected at least ${atLeast})`);
  };
  return [
    // The volunteer's meeting log.
    { name: 'my meetings and hours', path: '/me/meetings', as: 'volunteer', prepare: shows('main ol.meetings .comments li', 1, 'the meetings with a staff comment') },
    { name: 'log a meeting', path: '/me/meetings/new', as: 'volunteer' },
    {
      name: 'log a meeting with errors',
      path: '/me/meetings/new',
      as: 'volunteer',
      prepare: async (page) => {
        await serverChecksOnly(page, '/me/meetings');
        await page.fill('#f-meetingDate', '2999-01-01');
        await page.fill('#f-minutes', '3');
        await submit(page, '/me/meetings', 422);
        assert.ok((await page.locator('.field-error').count()) >= 2, 'the form shows its errors at the fields');
      },
    },
    // Staff: the pairs, one pair's log with comment forms.
    { name: 'pairs I follow', path: '/pairs', as: 'admin', prepare: shows('main tbody tr', 2, 'the pairs') },
    { name: 'pair log with meetings and comments', path: (s) => `/pairs/${s.p.matchId}`, as: 'admin', prepare: shows('main form.comment-form', 3, 'a comment form under each meeting') },
    {
      name: 'pair log: an empty comment',
      path: (s) => `/pairs/${s.p.matchId}`,
      as: 'admin',
      prepare: async (page, s) => {
        const form = page.locator(`main form[action^="/pairs/${s.p.matchId}/meetings/"]`).first();
        await form.locator('textarea').fill('   ');
        await expectStatus(await clickAndWait(page, form.locator('[type="submit"]')), 422);
      },
    },
    { name: 'match page with meetings', path: (s) => `/matching/matches/${s.p.matchId}`, as: 'admin', prepare: shows('#match-meetings-title', 1, "the pair's meetings") },
    // Check-ins, overdue and quiet pairs, covers, follow-up settings.
    { name: 'check-ins of a pair', path: (s) => `/pairs/${s.p.matchId}/check-ins`, as: 'admin', prepare: shows('main tbody tr', 2, 'the check-ins') },
    { name: 'record a check-in', path: (s) => `/pairs/${s.p.matchId}/check-ins/new?side=volunteer`, as: 'admin' },
    {
      name: 'record a check-in with errors',
      path: (s) => `/pairs/${s.p.matchId}/check-ins/new?side=volunteer`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.fill('#f-heldOn', '2001-01-01'); // before the pair began
        await page.check('input[name="rating"][value="3"]');
        await page.fill('#f-howItGoes', '   ');
        await submit(page, `/pairs/${s.p.matchId}/check-ins/new`, 422);
      },
    },
    { name: 'overdue check-ins and quiet pairs', path: '/pairs/overdue', as: 'admin', prepare: shows('main tbody tr', 2, 'an overdue check-in and a quiet pair') },
    { name: 'overdue check-ins and quiet pairs, all pairs', path: '/pairs/overdue?all=1', as: 'admin' },
    { name: 'covers', path: '/pairs/covers', as: 'admin', prepare: shows('main tbody tr', 2, 'a current and a past cover') },
    {
      name: 'covers with errors',
      path: '/pairs/covers',
      as: 'admin',
      prepare: async (page, s) => {
        await page.selectOption('#f-absentUserId', s.users.admin.userId);
        await page.selectOption('#f-coverUserId', s.users.admin.userId); // the same person
        await page.fill('#f-startsOn', '2030-01-10');
        await page.fill('#f-endsOn', '2030-01-01'); // before the start
        await submit(page, '/pairs/covers', 422);
      },
    },
    { name: 'follow-up settings', path: '/pairs/settings', as: 'admin', prepare: shows('main tbody tr', 2, 'the programmes') },
    { name: 'follow-up settings of a programme', path: (s) => `/pairs/settings/${s.p.programmeId}`, as: 'admin' },
    {
      name: 'follow-up settings of a programme with errors',
      path: (s) => `/pairs/settings/${s.p.programmeId}`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.fill('#f-firstCheckInDays', '0');
        await page.fill('#f-everyDays', '400');
        await submit(page, `/pairs/settings/${s.p.programmeId}`, 422);
      },
    },
    // Concerns: staff list, raising, the case page; the volunteer's own.
    { name: 'concerns', path: '/concerns', as: 'admin', prepare: shows('main tbody tr', 2, 'the concerns') },
    { name: 'concerns, none of this severity', path: '/concerns?severity=low&status=closed', as: 'admin' },
    { name: 'raise a concern', path: (s) => `/concerns/new?matchId=${s.p.matchId}`, as: 'admin' },
    {
      name: 'raise a concern with errors',
      path: (s) => `/concerns/new?matchId=${s.p.matchId}`,
      as: 'admin',
      prepare: async (page) => {
        await page.fill('#f-summary', '   ');
        await submit(page, '/concerns', 422); // no severity chosen, an empty summary
      },
    },
    { name: 'concern with its history and actions', path: (s) => `/concerns/${s.p.concernId}`, as: 'admin', prepare: shows('main ol.notes > li', 5, 'the history: raised, assigned, a note, an action, in progress') },
    {
      name: 'concern: resolving without a resolution',
      path: (s) => `/concerns/${s.p.concernId}`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.selectOption('#f-status', 'resolved');
        await submit(page, `/concerns/${s.p.concernId}/status`, 422);
      },
    },
    {
      name: 'concern: escalating without a reason',
      path: (s) => `/concerns/${s.p.concernId}`,
      as: 'admin',
      prepare: async (page, s) => submit(page, `/concerns/${s.p.concernId}/escalate`, 422),
    },
    { name: 'my concerns', path: '/me/concerns', as: 'volunteer', prepare: shows('main tbody tr', 1, 'the concern raised from the meeting log') },
    { name: 'raise a concern as a volunteer', path: (s) => `/me/concerns/new?matchId=${s.p.matchId}`, as: 'volunteer' },
    {
      name: 'raise a concern as a volunteer with errors',
      path: (s) => `/me/concerns/new?matchId=${s.p.matchId}`,
      as: 'volunteer',
      prepare: async (page) => submit(page, '/me/concerns', 422),
    },
    // Group supervision.
    { name: 'supervision', path: '/supervision', as: 'admin', prepare: shows('main tbody tr', 2, 'a past and an upcoming session') },
    { name: 'plan supervision', path: '/supervision/new', as: 'admin' },
    {
      name: 'plan supervision with errors',
      path: '/supervision/new',
      as: 'admin',
      prepare: async (page) => {
        await page.fill('#f-minutes', '5');
        await page.fill('#f-facilitator', '   ');
        await submit(page, '/supervision', 422); // no date, time or place either
        assert.ok((await page.locator('.field-error').count()) >= 4, 'the form shows its errors at the fields');
      },
    },
    { name: 'supervision held, attendance form', path: (s) => `/supervision/${s.p.pastSessionId}`, as: 'admin', prepare: shows('main input[name="attendees"]:checked', 1, 'the attendance form with who came') },
    { name: 'supervision to come', path: (s) => `/supervision/${s.p.upcomingSessionId}`, as: 'admin' },
    { name: 'change supervision', path: (s) => `/supervision/${s.p.pastSessionId}/edit`, as: 'admin' },
    // Ending a pair.
    { name: 'end a pair', path: (s) => `/pairs/${s.p.quietMatchId}/close`, as: 'admin' },
    {
      name: 'end a pair with errors',
      path: (s) => `/pairs/${s.p.quietMatchId}/close`,
      as: 'admin',
      prepare: async (page, s) => {
        await page.check('input[name="reason"][value="other"]'); // without saying what
        await page.check('input[name="volunteerRating"][value="3"]'); // without the day of the conversation
        await submit(page, `/pairs/${s.p.quietMatchId}/close`, 422);
      },
    },
    // Dashboards.
    { name: 'dashboard: volunteer with a pair', path: '/', as: 'volunteer', prepare: shows('main a.dash-primary[href="/me/meetings/new"]', 1, 'the button to log a meeting') },
    { name: 'dashboard: coordinator', path: '/', as: 'securityOff', prepare: shows('#dash-coordinator', 1, "the coordinator's part") },
    { name: 'dashboard: social worker', path: '/', as: 'securityPending', prepare: shows('main section[aria-labelledby="dash-social"] tbody tr', 2, 'the clients') },
    { name: 'dashboard: administrator', path: '/', as: 'admin' },
  ];
}

async function expectStatus(response: { status(): number } | null, status: number) {
  assert.equal(response?.status(), status, `the form answered ${response?.status()} (expected ${status})`);
}

interface Finding {
  page: string;
  lang: string;
  url: string;
  violations: AxeRule[];
  bestPractice: AxeRule[];
  incomplete: AxeRule[];
}

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  let server: E2EServer;
  let browser: Browser;
  let seed: Promise<Seed> | undefined;
  const viewers = new Map<Viewer, Promise<Page>>();
  const contexts: BrowserContext[] = [];
  const findings: Finding[] = [];
  const skipped: string[] = [];

  before(async () => {
    ({ server, browser } = await startE2E());
  });

  after(async () => {
    try {
      writeReport(findings, skipped);
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
      await browser?.close();
      await server?.close();
    }
  });

  /** Fills the database (once) — after the empty-database pages have been checked. */
  const seeded = () => (seed ??= createSeed(server));

  /** The page of a viewer; axe is injected, so these contexts bypass the CSP (nowhere else). */
  function viewer(as: Viewer): Promise<Page> {
    let page = viewers.get(as);
    if (!page) {
      page = (async () => {
        const context = await newContext(browser, server.baseUrl, { bypassCSP: true, locale: 'pl-PL' });
        contexts.push(context);
        const p = await context.newPage();
        if (as !== 'anonymous') {
          const s = await seeded();
          const user = s.users[as];
          if (as === 'mfaPending') {
            await p.goto('/sign-in');
            await p.fill('#f-email', user.email);
            await p.fill('#f-password', PASSWORD);
            await clickAndWait(p, submitOf(p, '/sign-in'));
            assert.equal(pathOf(p), '/sign-in/two-factor');
          } else {
            await signIn(p, user.email, { totpSecret: user.totpSecret });
          }
        }
        return p;
      })();
      viewers.set(as, page);
    }
    return page;
  }

  for (const check of PAGES) {
    for (const lang of LANGS) {
      test(`${check.name} [${lang}]`, async (t) => {
        if (!check.emptyDatabase) await seeded();
        else assert.equal(seed, undefined, `"${check.name}" needs an empty database: keep it before the other entries in PAGES`);
        const s = check.emptyDatabase ? (undefined as unknown as Seed) : await seeded();
        const page = await viewer(check.as);
        const path = typeof check.path === 'function' ? check.path(s) : check.path;
        const url = withLang(path, lang);

        const response = await page.goto(url);
        if (check.ifExists && response?.status() !== 200) {
          skipped.push(`${path} (answered ${response?.status()})`);
          t.skip(`${path} answered ${response?.status()}: not built yet?`);
          return;
        }
        assert.equal(response?.status(), check.status ?? 200, `GET ${url}`);
        assert.equal(pathOf(page), path.split('?')[0], `GET ${url} stayed on the page (no redirect)`);
        if (check.prepare) await check.prepare(page, s);
        assert.equal((await htmlLang(page)).lang, lang, 'the page is in the language checked');

        const report = await runAxe(page);
        findings.push({ page: check.name, lang, url: page.url(), ...report });
        if (report.bestPractice.length) t.diagnostic(`best practice (not failed): ${report.bestPractice.map((r) => r.id).join(', ')}`);
        if (report.incomplete.length) t.diagnostic(`needs review: ${report.incomplete.map((r) => r.id).join(', ')}`);
        assert.equal(
          report.violations.length,
          0,
          `axe found ${report.violations.length} WCAG violation(s) on "${check.name}" [${lang}] ${page.url()}:\n${formatRules(report.violations)}`,
        );
        if (check.at360) {
          const { scrollWidth, wide } = await widthAt360(page);
          assert.ok(scrollWidth <= 360, `"${check.name}" [${lang}] is ${scrollWidth}px wide at 360px; elements sticking out:\n  ${wide.join('\n  ')}`);
        }
      });
    }
  }

  describe('keyboard on the sign-in page', () => {
    for (const lang of LANGS) {
      test(`Tab reaches the skip link first and it moves focus to #main [${lang}]`, async () => {
        // A plain context, under the real CSP.
        const context = await newContext(browser, server.baseUrl, { locale: 'pl-PL' });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(withLang('/sign-in', lang));
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const r = el?.getBoundingClientRect();
          return {
            tag: el?.tagName.toLowerCase(),
            cls: el?.className,
            href: el?.getAttribute('href'),
            visible: Boolean(r && r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < window.innerHeight),
          };
        });
        assert.deepEqual({ tag: first.tag, cls: first.cls, href: first.href }, { tag: 'a', cls: 'skip-link', href: '#main' }, 'the first Tab stop is the skip link');
        assert.ok(first.visible, 'the skip link is visible while it has focus (WCAG 2.4.7)');

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal(new URL(page.url()).hash, '#main');

        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => ({ inMain: Boolean(document.activeElement?.closest('main')), id: document.activeElement?.id }));
        assert.ok(next.inMain, `the next Tab stays in the main content (got #${next.id})`);
        assert.equal(next.id, 'f-email', 'the first field of the sign-in form is next');
      });
    }
  });
});

/**
 * The page's width at 360 px (the same state: the viewport changes, the document stays), and the elements that
 * stick out of it — ignoring those a scrolling wrapper (a table's) clips. The viewport is put back afterwards.
 */
async function widthAt360(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    return await page.evaluate(() => {
      const box = document.documentElement.getBoundingClientRect();
      // No named inner functions: tsx would wrap them in a helper (__name) that does not exist in the page.
      const wide = Array.from(document.querySelectorAll('body *'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || (r.right <= box.right + 0.5 && r.left >= box.left - 0.5)) return false;
          for (let a = el.parentElement; a; a = a.parentElement) if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return false;
          return true;
        })
        .slice(0, 8)
        .map((el) => {
          const r = el.getBoundingClientRect();
          const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)}px`;
        });
      return { scrollWidth: document.documentElement.scrollWidth, wide };
    });
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

async function createSeed(server: E2EServer): Promise<Seed> {
  const org = await server.organisation('centrum-a11y', 'Centrum Integracji Cudzoziemców');
  const admin = await server.user(org.id, ['administrator', 'coordinator'], { totp: true, name: 'Małgorzata Wiśniewska' });
  const users = {
    admin,
    mfaPending: await server.user(org.id, ['administrator'], { totp: true, name: 'Tomasz Mazur' }),
    securityOff: await server.user(org.id, ['coordinator'], { name: 'Katarzyna Wójcik' }),
    securityPending: await server.user(org.id, ['social_worker'], { name: 'Paweł Kamiński' }),
    securityOn: await server.user(org.id, ['coordinator'], { totp: true, name: 'Agnieszka Lewandowska' }),
    volunteer: await server.user(org.id, ['volunteer'], { name: 'Ołeksij Bondarenko', locale: 'uk' }),
  };
  const personId = await server.person(org.id, 'Oleksandr', 'Shevchenko', ['mentee']);
  await server.person(org.id, 'Amina', 'Haddad', ['volunteer', 'migrant_assistant']);
  await withSystem(server.db, async (tx) => {
    await tx.update(organisations).set({ city: 'Zielonka' }).where(eq(organisations.id, org.id));
    await tx.insert(programmes).values([
      { organisationId: org.id, name: 'Mentoring dla rodzin', description: 'Wolontariusze wspierają rodziny w codziennych sprawach.' },
      { organisationId: org.id, name: 'Pomoc w nauce', description: 'Zajęcia z dziećmi po szkole.' },
    ]);
    const [network] = await tx.insert(networks).values({ slug: 'siec-a11y', name: 'Sieć Integracji' }).returning();
    await tx.insert(networkOrganisations).values({ networkId: network!.id, organisationId: org.id });
    await tx.insert(networkManagers).values({ networkId: network!.id, userId: admin.userId });
  });

  // Another organisation invites someone who already has an account here (securityOn).
  const elsewhere = await server.organisation('fundacja-druga', 'Fundacja Druga');
  const otherAdmin = await server.user(elsewhere.id, ['administrator'], { totp: true, name: 'Hanna Kowalczyk' });
  await inviteMember(server.db, { organisationId: elsewhere.id, userId: otherAdmin.userId }, { email: users.securityOn.email, givenName: 'Agnieszka', familyName: 'Lewandowska', role: 'volunteer', locale: 'pl' }, server.baseUrl);
  const invitee = 'ivan.petrenko@example.org';
  await inviteMember(server.db, { organisationId: org.id, userId: admin.userId, requestId: 'e2e-a11y' }, { email: invitee, givenName: 'Ivan', familyName: 'Petrenko', role: 'volunteer', locale: 'uk' }, server.baseUrl);
  await requestPasswordReset(server.db, users.securityOff.email, 'pl', server.baseUrl, 'e2e-a11y');
  await server.deliverMail();
  const invitation = await server.smtp.nextMail(invitee);
  const reset = await server.smtp.nextMail(users.securityOff.email);
  const existingInvitation = await server.smtp.nextMail(users.securityOn.email);
  const vol = await seedVolunteers(server, org, admin, users.volunteer);
  const m = await seedMatching(server, org, admin, users.securityPending);
  const p = await seedPairs(server, org, { admin, volunteer: users.volunteer, coordinator: users.securityOff, otherCoordinator: users.securityOn, socialWorker: users.securityPending });
  return {
    org,
    users,
    personId,
    vol,
    m,
    p,
    invitationPath: new URL(linkIn(invitation, `${server.baseUrl}/invitation/`)).pathname,
    resetPath: new URL(linkIn(reset, `${server.baseUrl}/password/reset/`)).pathname,
    existingInvitationPath: new URL(linkIn(existingInvitation, `${server.baseUrl}/invitation/`)).pathname,
    async freshRecoveryCode() {
      const codes = newRecoveryCodes();
      await withSystem(server.db, (tx) => storeRecoveryCodes(tx, users.securityOn.userId, codes));
      return codes[0]!;
    },
  };
}

/**
 * test-results/a11y-report.md: each finding once — rule, element, what to fix — with the pages it was seen
 * on. WCAG violations fail the tests; best-practice hints and "needs review" items are for humans to judge.
 */
function writeReport(findings: Finding[], skipped: string[]) {
  const lines = ['# Accessibility report (axe-core, WCAG 2.2 AA)', '', `Checked: ${findings.length} page states × languages.`, ''];
  const section = (title: string, pick: (f: Finding) => AxeRule[]) => {
    const grouped = new Map<string, { rule: AxeRule; node: AxeRule['nodes'][number]; pages: string[] }>();
    for (const f of findings) {
      for (const rule of pick(f)) {
        for (const node of rule.nodes) {
          const key = `${rule.id} ${node.target.join(' ')}`;
          const entry = grouped.get(key) ?? { rule, node, pages: [] };
          entry.pages.push(`${f.page} [${f.lang}]`);
          grouped.set(key, entry);
        }
      }
    }
    lines.push(`## ${title}: ${grouped.size === 0 ? 'none' : grouped.size}`, '');
    for (const { rule, node, pages } of grouped.values()) {
      lines.push(`- **${rule.id}** (${rule.impact ?? 'n/a'}) — ${rule.help} — ${rule.helpUrl}`);
      lines.push(`  - element: \`${node.target.join(' ')}\` \`${node.html.slice(0, 200)}\``);
      if (node.failureSummary) lines.push(`  - ${node.failureSummary.replace(/\s*\n\s*/g, ' ')}`);
      lines.push(`  - on: ${pages.join(', ')}`);
    }
    lines.push('');
  };
  section('WCAG violations (fail the tests)', (f) => f.violations);
  section('Best practice (reported only)', (f) => f.bestPractice);
  section('Needs human review (axe could not decide)', (f) => f.incomplete);
  if (skipped.length) lines.push('## Not checked (page not there yet)', '', ...skipped.map((s) => `- ${s}`), '');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'a11y-report.md'), lines.join('\n'));
}

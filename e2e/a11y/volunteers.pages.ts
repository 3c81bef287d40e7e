/** Accessibility checks of the volunteers module (issue 4 and later). See e2e/a11y/suite.ts. */
import assert from 'node:assert/strict';
import { clickAndWait, submitOf } from '../support/flows.js';
import { expectStatus, type PageCheck } from './types.js';

export const VOLUNTEER_PAGES: PageCheck[] = [
  // --- Volunteers (issue 4) -----------------------------------------------------------------------------
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
  { name: 'volunteers list, a days filter it cannot use (said at the field)', path: `/volunteers?waitingMin=${encodeURIComponent('١٢abc')}`, as: 'admin' },
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
];

/**
 * Accessibility checks: the public pages (first on an empty database), signing in, the account, people and the
 * administration pages. Entries that need an empty database come first. See e2e/a11y/suite.ts.
 */
import assert from 'node:assert/strict';
import { clickAndWait, submitOf } from '../support/flows.js';
import { expectStatus, type PageCheck } from './types.js';

export const CORE_PAGES: PageCheck[] = [
  // --- Public, on an empty database ---------------------------------------------------------------------
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
  { name: 'audit log', path: '/admin/audit', as: 'admin', ifExists: true, at360: true },
  { name: 'audit log: filtered by area and kind of record', path: '/admin/audit?group=volunteers&entity=volunteer', as: 'admin', at360: true },
  { name: 'audit log: no entry matches', path: '/admin/audit?from=2001-01-01&to=2001-01-02', as: 'admin', at360: true },
  { name: 'audit log: filters that are not choices', path: '/admin/audit?group=nonsense&from=2026-13-40', as: 'admin', status: 422, at360: true },
  { name: 'outgoing mail', path: '/admin/outbox', as: 'admin', ifExists: true },
  { name: 'network', path: '/network', as: 'admin', ifExists: true, at360: true },
  { name: 'network: outcome figures of this year', path: '/network?period=this-year', as: 'admin', at360: true },
  { name: 'network: a period that is not one', path: '/network?period=forever', as: 'admin', status: 422, at360: true },
];

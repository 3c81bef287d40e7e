/**
 * Sign-in, sign-out, two-factor, invitations and password reset, in Chromium with JavaScript on, against
 * the real app over HTTP, with mail going through a real local SMTP server.
 *
 * Texts are compared with the app's own catalogues (translator), so the tests hold while translations change.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentTotp } from '../src/core/auth/totp.js';
import { catalogues, translator } from '../src/core/i18n/index.js';
import { htmlLang, newContext } from './support/browser.js';
import { clickAndWait, pathOf, signIn, submitOf } from './support/flows.js';
import { linkIn } from './support/smtp.js';
import { PASSWORD, startE2E, type E2EServer, type Organisation } from './support/server.js';

const pl = translator('pl');

describe('authentication in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let org: Organisation;
  const contexts: BrowserContext[] = [];

  /** A new browser context (a new visitor) in Polish, the organisation's language. */
  async function visitor(locale = 'pl-PL'): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { locale });
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    ({ server, browser } = await startE2E());
    org = await server.organisation('centrum-e2e', 'Centrum Wolontariatu');
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  test('a wrong password shows the error next to the form and stays on the sign-in page', async () => {
    const user = await server.user(org.id, ['coordinator']);
    const page = await visitor();
    await page.goto('/sign-in');
    await page.fill('#f-email', user.email);
    await page.fill('#f-password', 'not the password');
    const response = await clickAndWait(page, submitOf(page, '/sign-in'));

    assert.equal(response?.status(), 401);
    assert.equal(pathOf(page), '/sign-in');
    const summary = page.locator('.error-summary[role="alert"]');
    assert.equal(await summary.count(), 1, 'an error summary is shown');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    assert.match(await summary.innerText(), new RegExp(escape(pl('signIn.invalid'))));
    // The summary sits right above the sign-in form, in the same section.
    assert.equal(await page.locator('section:has(form[action="/sign-in"]) .error-summary').count(), 1);
    assert.equal(await page.inputValue('#f-email'), user.email, 'the e-mail address is kept');
    assert.equal(await page.inputValue('#f-password'), '', 'the password is not sent back');
  });

  test('signs in with a password, sees the dashboard, and signs out', async () => {
    const user = await server.user(org.id, ['coordinator'], { name: 'Anna Kowalska' });
    const page = await visitor();
    await signIn(page, user.email);

    assert.equal(pathOf(page), '/');
    assert.equal(await page.locator('h1').innerText(), pl('home.welcome', { name: 'Anna Kowalska' }));
    assert.equal(await page.locator('.main-nav a[href="/people"]').count(), 1, 'the coordinator sees the people link');

    await clickAndWait(page, submitOf(page, '/sign-out'));
    assert.equal(pathOf(page), '/sign-in');
    assert.equal(await page.locator('.flash').innerText(), pl('signOut.done'));
    assert.equal(await page.locator('form[action="/sign-out"]').count(), 0);

    // Signed out for real: a protected page sends back to sign-in, remembering where we wanted to go.
    await page.goto('/people');
    assert.equal(pathOf(page), '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/people');
  });

  test('an administrator signs in with the second factor', async () => {
    const admin = await server.user(org.id, ['administrator'], { totp: true, name: 'Ewa Nowak' });
    const page = await visitor();
    await page.goto('/sign-in');
    await page.fill('#f-email', admin.email);
    await page.fill('#f-password', PASSWORD);
    await clickAndWait(page, submitOf(page, '/sign-in'));
    assert.equal(pathOf(page), '/sign-in/two-factor');

    // Not signed in yet: the dashboard sends back to the second step.
    await page.goto('/');
    assert.equal(pathOf(page), '/sign-in/two-factor');

    await page.fill('#f-code', '000000' === currentTotp(admin.totpSecret!) ? '111111' : '000000');
    const wrong = await clickAndWait(page, submitOf(page, '/sign-in/two-factor'));
    assert.equal(wrong?.status(), 401);
    assert.equal(await page.locator('#f-code-error').count(), 1, 'the error is shown at the code field');
    assert.equal(await page.getAttribute('#f-code', 'aria-invalid'), 'true');

    await page.fill('#f-code', currentTotp(admin.totpSecret!));
    await clickAndWait(page, submitOf(page, '/sign-in/two-factor'));
    assert.equal(pathOf(page), '/');
    assert.equal(await page.locator('h1').innerText(), pl('home.welcome', { name: 'Ewa Nowak' }));
    assert.equal(await page.locator('.main-nav a[href="/admin/audit"]').count(), 1, 'the administrator sees the admin links');
  });

  test('a new administrator without two-factor is held at /account/security and sets it up', async () => {
    const admin = await server.user(org.id, ['administrator'], { name: 'Jan Zieliński' });
    const page = await visitor();
    await signIn(page, admin.email);

    // Any working page sends the administrator to the security page until two-factor is on.
    await page.goto('/people');
    assert.equal(pathOf(page), '/account/security');
    assert.equal(await page.locator('.notice').innerText(), pl('security.adminMustSetUp'));

    await clickAndWait(page, submitOf(page, '/account/security/totp/start'));
    // Shown in groups of four for typing by hand; the apps take it with or without the spaces.
    const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/, 'a base32 key is shown for typing in by hand');
    const qr = page.locator('img.qr');
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
    assert.ok(await qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), 'the QR code image renders under the CSP');

    await page.fill('#f-code', currentTotp(secret));
    await clickAndWait(page, submitOf(page, '/account/security/totp/confirm'));
    // Two-factor is on: the ten recovery codes are shown once, on this answer only.
    assert.equal(await page.locator('#recovery-codes h2').innerText(), pl('security.recoveryNewTitle'));
    assert.equal(await page.locator('#recovery-codes li code').count(), 10);
    assert.ok(!(await page.locator('main').innerText()).includes(pl('security.adminMustSetUp')), 'no longer held at the set-up');
    assert.ok((await page.locator('main').innerText()).includes(pl('security.totpOn')));

    await page.goto('/people');
    assert.equal(pathOf(page), '/people', 'with two-factor on, the administrator may work');
  });

  test(
    'a new administrator without two-factor is sent to /account/security straight after signing in',
    {},
    async () => {
      const admin = await server.user(org.id, ['administrator']);
      const page = await visitor();
      await page.goto('/sign-in');
      await page.fill('#f-email', admin.email);
      await page.fill('#f-password', PASSWORD);
      await clickAndWait(page, submitOf(page, '/sign-in'));
      assert.equal(pathOf(page), '/account/security');
    },
  );

  test('an invited person gets the mail in their language, follows the link, sets a password and is signed in', async () => {
    const admin = await server.user(org.id, ['administrator'], { totp: true, name: 'Maria Wiśniewska' });
    const invitee = { email: 'olena.kovalenko@example.org', givenName: 'Olena', familyName: 'Kovalenko', role: 'volunteer' as const, locale: 'uk' as const };

    // The administrator's own path, in the browser.
    const adminPage = await visitor();
    await signIn(adminPage, admin.email, { totpSecret: admin.totpSecret });
    await adminPage.goto('/admin/users/invite');
    await adminPage.fill('#f-email', invitee.email);
    await adminPage.fill('#f-givenName', invitee.givenName);
    await adminPage.fill('#f-familyName', invitee.familyName);
    await adminPage.selectOption('#f-role', invitee.role);
    await adminPage.selectOption('#f-locale', invitee.locale);
    await clickAndWait(adminPage, submitOf(adminPage, '/admin/users/invite'));
    assert.equal(pathOf(adminPage), '/admin/users', `the invitation was accepted: ${await adminPage.locator('.error-summary').allInnerTexts()}`);

    await server.deliverMail();
    const mail = await server.smtp.nextMail(invitee.email);
    const uk = translator('uk');
    assert.equal(mail.subject, uk('mail.invitation.subject', { organisation: org.name }), 'the subject is in Ukrainian');
    if (catalogues.uk['mail.invitation.subject']) assert.match(mail.subject, /[\u0400-\u04FF]/, 'the subject is written in Cyrillic');
    assert.match(mail.html, /<html lang="uk" dir="ltr">/);
    assert.ok(mail.text.includes(uk('mail.invitation.action')), 'the text part carries the call to action in Ukrainian');
    const link = linkIn(mail, `${server.baseUrl}/invitation/`);

    // The invitee's own browser, in Ukrainian.
    const page = await visitor('uk-UA');
    await page.goto(link);
    assert.equal(await page.locator('h1').innerText(), uk('invitation.title'));
    assert.ok((await page.locator('main').innerText()).includes(invitee.email), 'the page names the account');

    // A too-short password first: the error is shown and nothing is used up.
    await page.fill('#f-password', 'short');
    await page.fill('#f-confirm', 'short');
    const setPassword = submitOf(page, new URL(link).pathname);
    const refused = await clickAndWait(page, setPassword);
    assert.equal(refused?.status(), 422);
    assert.equal(await page.locator('#f-password-error').count(), 1);

    const newPassword = 'sonyashnyk na pidvikonni';
    await page.fill('#f-password', newPassword);
    await page.fill('#f-confirm', newPassword);
    await clickAndWait(page, setPassword);
    assert.equal(pathOf(page), '/');
    assert.equal(await page.locator('h1').innerText(), uk('home.welcome', { name: 'Olena Kovalenko' }));
    assert.equal(await page.locator('.flash').innerText(), uk('invitation.done'));
    assert.deepEqual(await htmlLang(page), { lang: 'uk', dir: 'ltr' }, 'the interface follows the language chosen for the invitee');

    // The link is spent.
    await page.goto(link);
    assert.ok((await page.locator('main').innerText()).includes(uk('invitation.invalid')));
  });

  test('password reset: the mail arrives, the link sets a new password once, and refuses a second use', async () => {
    const user = await server.user(org.id, ['social_worker'], { name: 'Piotr Lewandowski', locale: 'pl' });
    const page = await visitor();
    await page.goto('/sign-in');
    await clickAndWait(page, page.locator(`main a[href="/password/forgot"]`));
    assert.equal(pathOf(page), '/password/forgot');
    await page.fill('#f-email', user.email);
    await clickAndWait(page, submitOf(page, '/password/forgot'));
    assert.equal(pathOf(page), '/sign-in');
    assert.equal(await page.locator('.flash').innerText(), pl('forgot.sent'));

    await server.deliverMail();
    const mail = await server.smtp.nextMail(user.email);
    assert.equal(mail.subject, pl('mail.reset.subject'));
    const link = linkIn(mail, `${server.baseUrl}/password/reset/`);

    // The same link open on a second device (another browser: a tab of this one would carry the new
    // session and fail the CSRF check first, which would prove nothing about the link).
    const second = await visitor();
    await second.goto(link);
    await page.goto(link);
    assert.equal(await page.locator('h1').innerText(), pl('password_reset.title'));
    const newPassword = 'zielona herbata o poranku';
    await page.fill('#f-password', newPassword);
    await page.fill('#f-confirm', newPassword);
    await clickAndWait(page, page.locator('main form [type="submit"]'));
    assert.equal(pathOf(page), '/');
    assert.equal(await page.locator('.flash').innerText(), pl('password_reset.done', { tokens: 0 }));

    // Second use from the other tab: refused, and the password is not changed again.
    await second.fill('#f-password', 'another password entirely');
    await second.fill('#f-confirm', 'another password entirely');
    const replay = await clickAndWait(second, second.locator('main form [type="submit"]'));
    assert.equal(replay?.status(), 404);
    assert.ok((await second.locator('main').innerText()).includes(pl('link.invalid')));
    // And opening it again shows it is no longer valid.
    const again = await second.goto(link);
    assert.equal(again?.status(), 404);

    // The new password works.
    await clickAndWait(page, submitOf(page, '/sign-out'));
    const fresh = await visitor();
    await signIn(fresh, user.email, { password: newPassword });
    assert.equal(pathOf(fresh), '/');
  });
});

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


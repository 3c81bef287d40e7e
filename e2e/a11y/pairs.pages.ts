import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { withLang } from '../support/browser.js';
import { clickAndWait } from '../support/flows.js';
import { expectStatus, type PageCheck } from './types.js';

/**
 * Following the pairs (issue 6): the meeting log and hours, check-ins, overdue and quiet pairs, covers, follow-up
 * settings, concerns, supervision, ending a pair, and the dashboards of a volunteer, a coordinator and a social worker.
 */
export function followingPairs(): PageCheck[] {
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
    {
      name: 'raise a concern as a volunteer with errors',
      path: (s) => `/me/concerns/new?matchId=${s.p.matchId}`,
      as: 'volunteer',
      prepare: async (page) => submit(page, '/me/concerns', 422),
    },
    // Group supervision.
    { name: 'supervision', path: '/supervision', as: 'admin', prepare: shows('main tbody tr', 2, 'a past and an upcoming session') },
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


import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { addDays, todayIn } from '../../src/core/i18n/time-zone.js';
import { clickAndWait } from '../support/flows.js';
import { expectStatus, type PageCheck, type Seed } from './types.js';

/** The mentees module (list, intake, case page, public request) and matching (suggestions, batch, pairs, settings). */
export function menteesAndMatching(): PageCheck[] {
  /**
   * Submits the form whose action starts with `action` with its visible main button (not "add a language", which
   * has a name, nor the hidden default button) and expects `status`.
   */
  const submit = async (page: Page, action: string, status: number) =>
    expectStatus(await clickAndWait(page, page.locator(`form[action^="${action}"] [type="submit"]:not(.visually-hidden):not([name])`).first()), status);
  // An introduction at 22:00 at the seeded venue, whose hours end at 20:00: refused, "schedule anyway" offered.
  const outsideHours = async (page: Page, s: Seed) => {
    await page.locator(`input[name="venueId"][value="${s.m.venueId}"]`).check();
    await page.fill('#f-date', addDays(todayIn(), 10));
    await page.fill('#f-time', '22:00');
    await submit(page, `/matching/matches/${s.m.newMatchId}/introduction`, 422);
  };
  return [
    // Mentees: the waiting list and its tabs.
    { name: 'mentees: waiting list', path: '/mentees', as: 'admin' },
    { name: 'mentees: requests to review', path: '/mentees?status=requested', as: 'admin' },
    // The other tabs (on hold, closed, declined) render the same template (mentee-list.tsx) whatever the tab: their
    // rows are a subset of "all", or, when empty, the empty message of "no match"; only the tab marked current and
    // the caption's words differ. Checking them found nothing "all" and "no match" do not check.
    { name: 'mentees: all', path: '/mentees?status=all', as: 'admin' },
    { name: 'mentees: no match', path: '/mentees?status=all&q=zzzzzz', as: 'admin' },
    // Intake and correction.
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
        await outsideHours(page, s);
      },
    },
    {
      name: 'introduction: “schedule anyway” without a reason',
      path: (s) => `/matching/matches/${s.m.newMatchId}/introduction`,
      as: 'admin',
      prepare: async (page, s) => {
        await outsideHours(page, s);
        await page.check('#f-outsideHours');
        await submit(page, `/matching/matches/${s.m.newMatchId}/introduction`, 422);
      },
    },
    { name: 'introduction: one scheduled', path: (s) => `/matching/matches/${s.m.introducedMatchId}/introduction`, as: 'admin' },
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
    {
      name: 'programme weights, all zero',
      path: (s) => `/matching/settings/weights/${s.m.programmeId}`,
      as: 'admin',
      prepare: async (page, s) => {
        for (const input of await page.locator(`form[action="/matching/settings/weights/${s.m.programmeId}"] input[inputmode="numeric"]`).all()) await input.fill('0');
        await submit(page, `/matching/settings/weights/${s.m.programmeId}`, 422);
      },
    },
  ];
}

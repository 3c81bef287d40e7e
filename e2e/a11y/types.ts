/**
 * What an accessibility check is made of (see e2e/a11y/suite.ts): who looks at the page, the seeded data, and one
 * entry per page state. The entries themselves are listed by module beside this file.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Organisation, SeededUser } from '../support/server.js';
import type { MatchingSeed } from '../support/matching.js';
import type { PairsSeed } from '../support/pairs.js';
import type { VolunteerSeed } from '../support/volunteers.js';

/** Who looks at the page: each is one browser context, signed in once (lazily). */
export type Viewer =
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

export interface Seed {
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

export interface PageCheck {
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

/** Asserts the status a submitted form answered with. */
export async function expectStatus(response: { status(): number } | null, status: number) {
  assert.equal(response?.status(), status, `the form answered ${response?.status()} (expected ${status})`);
}

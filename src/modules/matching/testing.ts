/**
 * The matching module's test entry: its factories for tests of this module and of the others (which import this
 * file, never a part's test-helpers). People come from the volunteers' and mentees' own factories, with the facts
 * matching relies on: `createVolunteer`/`createMentee` as suggestions see them (approved, waiting), `activeVolunteer`
 * and `matchedMentee` as a match leaves them.
 */
import { withSystem } from '../../core/db/tx.js';
import type { World } from '../../core/testing/world.js';
import { matches, venues } from './matching.table.js';
import type { MatchStatus } from './matches.schemas.js';
import type { WeeklyHours } from './venues/opening-hours.js';

export { addSafeguardingCheck, createDistrict, createMentee, createVolunteer, matchesOf, type MenteeSeed, type VolunteerSeed } from './test-helpers.js';
export { activeVolunteer, matchedMentee } from './venues/test-helpers.js';
export { createProgramme } from '../../core/testing/world.js';

export interface MatchSeed {
  organisationId?: string;
  /** Active unless told. */
  status?: MatchStatus;
  /** The database's default (now) unless told. */
  startedAt?: Date;
  coordinatorUserId?: string | null;
  programmeId?: string | null;
}

/** A match inserted directly, as accepting a suggestion leaves it. */
export async function createMatch(w: Pick<World, 'db' | 'org'>, menteeId: string, volunteerId: string, opts: MatchSeed = {}) {
  const [m] = await withSystem(w.db, (tx) =>
    tx
      .insert(matches)
      .values({ organisationId: opts.organisationId ?? w.org.id, menteeId, volunteerId, status: opts.status ?? 'active', startedAt: opts.startedAt, coordinatorUserId: opts.coordinatorUserId, programmeId: opts.programmeId })
      .returning(),
  );
  return m!;
}

/** A café open for introductions (in Zielona Dolina unless told). */
export async function createVenue(w: Pick<World, 'db' | 'org'>, v: { name: string; address?: string; openingHours?: string; weeklyHours?: WeeklyHours | null; active?: boolean; stepFree?: boolean; organisationId?: string }) {
  const [row] = await withSystem(w.db, (tx) =>
    tx
      .insert(venues)
      .values({ organisationId: v.organisationId ?? w.org.id, name: v.name, kind: 'cafe', address: v.address ?? 'ul. Lipowa 4, Zielona Dolina', openingHours: v.openingHours ?? '', weeklyHours: v.weeklyHours ?? null, active: v.active ?? true, stepFree: v.stepFree ?? false })
      .returning(),
  );
  return row!;
}

import { sql } from 'drizzle-orm';
import { createAccessToken } from '../../../core/auth/access-tokens.js';
import { withSystem } from '../../../core/db/tx.js';
import { foldForSearch, type Locale } from '../../../core/i18n/index.js';
import { localDaysAgo } from '../../../core/testing/clock.js';
import { actorFor } from '../../../core/testing/actor.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { meetings } from '../pairs.table.js';
import { countsOf } from '../../../core/testing/rows.js';
import type { World } from '../../../core/testing/world.js';

export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { fieldError, flashOn, textOf } from '../../../core/testing/html.js';
export { anonymous, browserOf, signedIn, tokenFor, world, useWorld, type World } from '../../../core/testing/world.js';
export { apiCall, type ErrorBody } from '../../../core/testing/api.js';
export { activeVolunteer, matchedMentee } from '../../matching/testing.js';
export { createProgramme } from '../../../core/testing/world.js';
import { activeVolunteer, createMatch as match, type MatchSeed } from '../../matching/testing.js';

/** A volunteer who can sign in: an account with the volunteer role, its person and a volunteers row. */
export async function volunteerAccount(w: World, opts: { organisationId?: string; givenName?: string; familyName?: string; locale?: Locale } = {}) {
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Zofia';
  const familyName = opts.familyName ?? 'Wiśniewska';
  const user = await createUser(w.db, { organisationId, roles: ['volunteer'], name: 'Test Volunteer', locale: opts.locale ?? 'en' });
  await withSystem(w.db, (tx) => tx.update(people).set({ givenName, familyName, searchText: foldForSearch(`${givenName} ${familyName}`) }).where(sql`${people.id} = ${user.personId}`));
  const volunteer = await activeVolunteer(w, { organisationId, personId: user.personId, givenName, familyName, stage: 'active', locale: opts.locale ?? 'pl' });
  const actor = await actorFor(w.db, { organisationId, userId: user.userId, roles: ['volunteer'] });
  return { user, volunteer, actor };
}

/** Conversations logged by `loggedByUserId`, one per `[match, date, minutes]` row, inserted directly in each match's organisation. */
export async function insertMeetings(w: World, loggedByUserId: string, rows: [{ id: string; volunteerId: string; organisationId: string }, string, number][]) {
  await withSystem(w.db, (tx) =>
    tx.insert(meetings).values(rows.map(([m, meetingDate, minutes]) => ({ organisationId: m.organisationId, matchId: m.id, volunteerId: m.volunteerId, loggedByUserId, meetingDate, minutes, activity: 'conversation' as const }))),
  );
}

/** A volunteer who can sign in (as `volunteerAccount`) and a bearer token of theirs for the JSON API. */
export async function volunteerWithToken(w: World, opts: Parameters<typeof volunteerAccount>[1] = {}) {
  const account = await volunteerAccount(w, opts);
  const { token } = await createAccessToken(w.db, { userId: account.user.userId, organisationId: opts.organisationId ?? w.org.id, name: 'test' });
  return { ...account, token };
}

/** A match started on 1 January two years ago unless told, so meetings of the last two years fall in it. */
export const createMatch = (w: World, menteeId: string, volunteerId: string, opts: MatchSeed = {}) =>
  match(w, menteeId, volunteerId, { startedAt: new Date(Date.UTC(new Date().getUTCFullYear() - 2, 0, 1)), ...opts });

type Table = 'meetings' | 'meeting_comments' | 'concerns' | 'concern_actions' | 'jobs';
/** Rows in the tables of meetings and concerns (all organisations): what a refused request must leave unchanged. */
export const countAll = (w: World): Promise<Record<Table, number>> => countsOf(w, ['meetings', 'meeting_comments', 'concerns', 'concern_actions', 'jobs']);

/** The date (YYYY-MM-DD) `days` calendar days before today in Warsaw, the test organisations' zone. */
export const daysAgo = (days: number) => localDaysAgo(days);

/** The last Sunday of a month (0-based) of a year: the EU clock changes are on those of March and October. */
export function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month + 1, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

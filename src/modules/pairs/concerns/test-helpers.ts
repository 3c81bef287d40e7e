import { sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../../../core/db/tx.js';
import { activeVolunteer, createMatch, matchedMentee, type MatchSeed } from '../../matching/testing.js';
import { addDays, todayIn } from '../../../core/i18n/time-zone.js';
import { covers } from '../pairs.table.js';
import type { SignedIn, World } from '../../../core/testing/world.js';
export type { SignedIn } from '../../../core/testing/world.js';

/** Test-only helpers of concerns and supervision: a volunteer with an account, pairs followed by a coordinator, covers. */
export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { fieldError, flashOn } from '../../../core/testing/html.js';
export { clockChanges } from '../../../core/testing/clock.js';
export { header, mimePart } from '../../../core/testing/mail.js';
export { signedIn, world, useWorld, type SmtpWorld, type World } from '../../../core/testing/world.js';
export { activeVolunteer } from '../../matching/testing.js';

/** A volunteer record for the person of a volunteer account (signed in, or with an API token). */
export async function volunteerFor(w: World, a: Pick<SignedIn, 'user'>, organisationId = w.org.id): Promise<string> {
  return (await activeVolunteer(w, { organisationId, personId: a.user.personId, locale: 'pl' })).id;
}

/** An active pair followed by `coordinatorUserId`, its mentee's case staff set to `caseStaff`. */
export async function pairOf(w: World, opts: { volunteerId?: string; coordinatorUserId: string | null; caseStaff?: string[]; organisationId?: string; status?: MatchSeed['status'] }) {
  const organisationId = opts.organisationId ?? w.org.id;
  const volunteerId = opts.volunteerId ?? (await activeVolunteer(w, { organisationId, givenName: 'Zofia', familyName: 'Wiśniewska' })).id;
  const mentee = await matchedMentee(w, { organisationId, givenName: 'Олена', familyName: 'Коваленко', caseStaff: opts.caseStaff });
  const match = await createMatch(w, mentee.id, volunteerId, { organisationId, status: opts.status, coordinatorUserId: opts.coordinatorUserId });
  return { match, mentee };
}

/**
 * A cover of `absentUserId` by `coverUserId`: around today (yesterday to tomorrow, so the database's own
 * date agrees whatever the hour) or starting `fromDay` days from today.
 */
export async function addCover(w: World, absentUserId: string, coverUserId: string, fromDay = -1, days = 2) {
  const today = todayIn('Europe/Warsaw');
  await withSystem(w.db, (tx) =>
    tx.insert(covers).values({ organisationId: w.org.id, absentUserId, coverUserId, startsOn: addDays(today, fromDay), endsOn: addDays(today, fromDay + days), createdByUserId: absentUserId }),
  );
}

/** The concern ids a user sees with a bare query (no filter of ours): what row-level security alone allows. */
export async function idsVisibleTo(w: World, userId: string, organisationId = w.org.id): Promise<string[]> {
  return withTenant(w.db, { organisationId, userId }, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select id from concerns`)).map((r) => r.id));
}

export async function concernRows(w: World) {
  return withSystem(w.db, async (tx) => rowsOf<{ id: string; status: string; severity: string; version: number; assigned_to_user_id: string | null; raised_as: string; resolution: string | null }>(await tx.execute(sql`select * from concerns order by created_at`)));
}

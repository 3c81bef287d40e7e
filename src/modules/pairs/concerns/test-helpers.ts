import { sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../../../core/db/tx.js';
import type { Locale } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { createUser } from '../../../core/testing/fixtures.js';
import type { Role } from '../../../core/tenancy/tenancy.table.js';
import { matches } from '../../matching/matching.table.js';
import { createMentee, createVolunteer, type World } from '../../matching/introductions/test-helpers.js';
import { menteeCaseStaff } from '../../mentees/mentees.table.js';
import { volunteers } from '../../volunteers/volunteers.table.js';
import { addDays, todayIn } from '../../../core/i18n/time-zone.js';
import { covers } from '../pairs.table.js';

export * from '../../matching/introductions/test-helpers.js';

/** Test-only helpers of concerns: staff accounts, a volunteer with an account, pairs followed by a coordinator. */

let n = 0;
export interface Account {
  user: Awaited<ReturnType<typeof createUser>>;
  client: TestClient;
}

/** A staff member or volunteer signed in through the real pages, reading `locale` (English unless told). */
export async function account(w: World, roles: Role[], opts: { organisationId?: string; locale?: Locale; name?: string } = {}): Promise<Account> {
  n += 1;
  const user = await createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp: roles.includes('administrator'), name: opts.name ?? `Staff${n} Person${n}`, locale: opts.locale, email: `user${n}-${Date.now()}@example.org` });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get(`/?lang=${opts.locale ?? 'en'}`);
  return { user, client };
}

/** A volunteer record for the person of a signed-in volunteer account. */
export async function volunteerFor(w: World, a: Account, organisationId = w.org.id): Promise<string> {
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [v] = await tx.insert(volunteers).values({ organisationId, personId: a.user.personId, stage: 'active', locale: 'pl' }).returning({ id: volunteers.id });
    return v!.id;
  });
}

/** An active pair followed by `coordinatorUserId`, its mentee's case staff set to `caseStaff`. */
export async function pairOf(w: World, opts: { volunteerId?: string; coordinatorUserId: string | null; caseStaff?: string[]; organisationId?: string; status?: (typeof matches.$inferInsert)['status'] }) {
  const organisationId = opts.organisationId ?? w.org.id;
  const volunteerId = opts.volunteerId ?? (await createVolunteer(w, { organisationId, givenName: 'Zofia', familyName: 'Wiśniewska' })).id;
  const mentee = await createMentee(w, { organisationId, givenName: 'Олена', familyName: 'Коваленко' });
  return withSystem(w.db, async (tx) => {
    const [m] = await tx.insert(matches).values({ organisationId, menteeId: mentee.id, volunteerId, status: opts.status ?? 'active', coordinatorUserId: opts.coordinatorUserId }).returning();
    for (const userId of opts.caseStaff ?? []) await tx.insert(menteeCaseStaff).values({ organisationId, menteeId: mentee.id, userId });
    return { match: m!, mentee };
  });
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

export async function countOf(w: World, table: 'concerns' | 'concern_actions' | 'jobs' | 'supervision_sessions' | 'supervision_attendees'): Promise<number> {
  return withSystem(w.db, async (tx) => Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n));
}

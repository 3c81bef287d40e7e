import { sql } from 'drizzle-orm';
import { rowsOf, withSystem, withTenant } from '../../../core/db/tx.js';
import { foldForSearch, type Locale } from '../../../core/i18n/index.js';
import { localDaysAgo } from '../../../core/testing/clock.js';
import { actorFor } from '../../../core/testing/actor.js';
import { TestClient } from '../../../core/testing/client.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { matches } from '../../matching/matching.table.js';
import type { World } from '../../matching/venues/test-helpers.js';
import { volunteers } from '../../volunteers/volunteers.table.js';

export { anonymous, auditEntries, createMentee, createProgramme, createVolunteer, fieldError, flashOn, signedIn, world, type World } from '../../matching/venues/test-helpers.js';

/** A volunteer who can sign in: an account with the volunteer role, its person and a volunteers row. */
export async function volunteerAccount(w: World, opts: { organisationId?: string; givenName?: string; familyName?: string; locale?: Locale } = {}) {
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Zofia';
  const familyName = opts.familyName ?? 'Wiśniewska';
  const user = await createUser(w.db, { organisationId, roles: ['volunteer'], name: 'Test Volunteer', locale: opts.locale ?? 'en' });
  const volunteer = await withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    await tx.update(people).set({ givenName, familyName, searchText: foldForSearch(`${givenName} ${familyName}`) }).where(sql`${people.id} = ${user.personId}`);
    const [v] = await tx.insert(volunteers).values({ organisationId, personId: user.personId, stage: 'active', locale: opts.locale ?? 'pl' }).returning();
    return v!;
  });
  const actor = await actorFor(w.db, { organisationId, userId: user.userId, roles: ['volunteer'] });
  return { user, volunteer, actor };
}

/** Signs a volunteer account in through the real pages, in `locale` (English unless told). */
export async function signIn(w: World, email: string, locale: Locale = 'en', totpSecret: string | null = null) {
  const client = new TestClient(w.t.app);
  await client.signIn(email, { totpSecret });
  await client.get(`/?lang=${locale}`);
  return client;
}

/** A match inserted directly (making matches belongs to the matching module). */
export async function createMatch(
  w: World,
  menteeId: string,
  volunteerId: string,
  opts: { organisationId?: string; status?: string; startedAt?: Date; coordinatorUserId?: string | null; programmeId?: string | null } = {},
) {
  const [m] = await withSystem(w.db, (tx) =>
    tx
      .insert(matches)
      .values({
        organisationId: opts.organisationId ?? w.org.id,
        menteeId,
        volunteerId,
        status: opts.status ?? 'active',
        startedAt: opts.startedAt ?? new Date(Date.UTC(new Date().getUTCFullYear() - 2, 0, 1)),
        coordinatorUserId: opts.coordinatorUserId ?? null,
        programmeId: opts.programmeId ?? null,
      })
      .returning(),
  );
  return m!;
}

type Table = 'meetings' | 'meeting_comments' | 'concerns' | 'concern_actions' | 'jobs';
/** Rows in a table (all organisations), read as the owner: what a refused request must leave unchanged. */
export async function count(w: World, table: Table): Promise<number> {
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)));
  return Number(row!.n);
}

export async function countAll(w: World): Promise<Record<Table, number>> {
  const tables: Table[] = ['meetings', 'meeting_comments', 'concerns', 'concern_actions', 'jobs'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(w, t)] as const))) as Record<Table, number>;
}

/** The date (YYYY-MM-DD) `days` calendar days before today in Warsaw, the test organisations' zone. */
export const daysAgo = (days: number) => localDaysAgo(days);

/** The last Sunday of a month (0-based) of a year: the EU clock changes are on those of March and October. */
export function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month + 1, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

/** The visible text of HTML (tags removed, a few entities decoded, spaces collapsed). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

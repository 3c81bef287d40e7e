import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../core/audit/audit.table.js';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { foldForSearch, type Locale } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { createOrganisation, createUser } from '../../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../../core/testing/harness.js';
import { people, programmes, type Role } from '../../../core/tenancy/tenancy.table.js';
import { matches } from '../../matching/matching.table.js';
import { menteeCaseStaff, mentees } from '../../mentees/mentees.table.js';
import { volunteers } from '../../volunteers/volunteers.table.js';
import { addDays, todayIn, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { checkIns, meetings } from '../pairs.table.js';

/** Test-only helpers of pairs/check-ins: two organisations (Warsaw time) on a fresh app, pairs inserted directly. */
export interface World {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string };
  other: { id: string };
}

export async function world(env: Record<string, string> = {}): Promise<World> {
  const t = await testApp(env);
  const db = t.database.db;
  const org = await createOrganisation(db, 'alfa', 'Stowarzyszenie Łączy Nas');
  const other = await createOrganisation(db, 'beta', 'Ośrodek Beta');
  return { t, db, org, other };
}

/** Today in the organisation's zone (Europe/Warsaw), shifted by `days`. */
export const day = (days = 0, now = new Date()) => addDays(todayIn('Europe/Warsaw', now), days);

export async function staff(w: World, roles: Role[], opts: { organisationId?: string; locale?: Locale; name?: string; email?: string } = {}) {
  return createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp: roles.includes('administrator'), name: opts.name, email: opts.email, locale: opts.locale });
}

/** A browser signed in as a new (or given) account, English unless told. */
export async function signedIn(w: World, roles: Role[], opts: { organisationId?: string; locale?: Locale; name?: string; user?: Awaited<ReturnType<typeof staff>> } = {}) {
  const user = opts.user ?? (await staff(w, roles, opts));
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get(`/?lang=${opts.locale ?? 'en'}`);
  return { user, client };
}

let n = 0;
async function person(w: World, organisationId: string, givenName: string, familyName: string, email: string | null, locale: Locale) {
  const [p] = await withSystem(w.db, (tx) => tx.insert(people).values({ organisationId, givenName, familyName, email, locale, searchText: foldForSearch(`${givenName} ${familyName}`) }).returning({ id: people.id }));
  return p!.id;
}

export interface PairSeed {
  organisationId?: string;
  coordinatorUserId?: string | null;
  /** Days before today (organisation's zone) when the match started, at noon. */
  startedDaysAgo?: number;
  status?: 'active' | 'paused' | 'closed';
  programmeId?: string | null;
  volunteer?: { givenName?: string; familyName?: string; email?: string | null; locale?: Locale };
  mentee?: { givenName?: string; familyName?: string };
  caseStaffUserId?: string;
}

/** A volunteer, a mentee and their match, inserted directly (matching made it). */
export async function createPair(w: World, s: PairSeed = {}) {
  n += 1;
  const organisationId = s.organisationId ?? w.org.id;
  const v = { givenName: 'Zofia', familyName: `Wiśniewska${n}`, email: `volunteer${n}@example.org` as string | null, locale: 'pl' as Locale, ...s.volunteer };
  const m = { givenName: 'Олена', familyName: `Коваленко${n}`, ...s.mentee };
  const vPerson = await person(w, organisationId, v.givenName, v.familyName, v.email, v.locale);
  const mPerson = await person(w, organisationId, m.givenName, m.familyName, null, 'uk');
  return withSystem(w.db, async (tx) => {
    const [vol] = await tx.insert(volunteers).values({ organisationId, personId: vPerson, stage: 'active', locale: v.locale }).returning({ id: volunteers.id });
    const [men] = await tx.insert(mentees).values({ organisationId, personId: mPerson, status: 'matched', locale: 'uk', needs: ['language_practice'] }).returning({ id: mentees.id });
    if (s.caseStaffUserId) await tx.insert(menteeCaseStaff).values({ organisationId, menteeId: men!.id, userId: s.caseStaffUserId });
    const startedAt = zonedToUtc(day(-(s.startedDaysAgo ?? 60)), '12:00', 'Europe/Warsaw')!;
    const [match] = await tx
      .insert(matches)
      .values({ organisationId, volunteerId: vol!.id, menteeId: men!.id, status: s.status ?? 'active', coordinatorUserId: s.coordinatorUserId ?? null, programmeId: s.programmeId ?? null, startedAt })
      .returning({ id: matches.id });
    return { id: match!.id, volunteerId: vol!.id, menteeId: men!.id, volunteer: v, mentee: m };
  });
}

export async function addMeeting(w: World, pair: { id: string; volunteerId: string }, meetingDate: string, organisationId = w.org.id) {
  await withSystem(w.db, (tx) => tx.insert(meetings).values({ organisationId, matchId: pair.id, volunteerId: pair.volunteerId, loggedByUserId: pair.volunteerId, meetingDate, minutes: 60, activity: 'conversation' }));
}

export async function addCheckIn(w: World, matchId: string, side: 'volunteer' | 'mentee', heldOn: string, recordedByUserId: string) {
  await withSystem(w.db, (tx) => tx.insert(checkIns).values({ organisationId: w.org.id, matchId, side, heldOn, rating: 4, howItGoes: 'Dobrze', recordedByUserId }));
}

export async function createProgramme(w: World, name: string, followUp: Record<string, number> = {}, organisationId = w.org.id) {
  const [p] = await withSystem(w.db, (tx) => tx.insert(programmes).values({ organisationId, name, followUp }).returning());
  return p!;
}

export async function auditEntries(w: World, action: string, organisationId = w.org.id) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

export async function count(w: World, table: 'check_ins' | 'covers' | 'outbox' | 'jobs', where = sql`true`): Promise<number> {
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`)));
  return Number(row!.n);
}

/** The message shown next to a field (`f-<name>-error`), without the hidden "Error:" prefix. */
export function fieldError(html: string, name: string): string | undefined {
  const m = new RegExp(`id="f-${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return m?.[1]?.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '').trim();
}

export async function flashOn(client: TestClient, path: string): Promise<string> {
  const page = await client.get(path);
  return /<div class="flash[^"]*"[^>]*>([^<]*)<\/div>/.exec(page.body)?.[1] ?? '';
}

import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../core/audit/audit.table.js';
import { createAccessToken } from '../../core/auth/access-tokens.js';
import { rowsOf, withSystem, withTenant } from '../../core/db/tx.js';
import { foldForSearch, type Locale } from '../../core/i18n/index.js';
import { instantDaysAgo } from '../../core/testing/clock.js';
import { TestClient } from '../../core/testing/client.js';
import { createOrganisation, createUser } from '../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../core/testing/harness.js';
import { people, programmes, type Role } from '../../core/tenancy/tenancy.table.js';
import { mentees } from '../mentees/mentees.table.js';
import { safeguardingChecks, volunteers, type LanguageLevel } from '../volunteers/volunteers.table.js';
import { districts, matches } from './matching.table.js';

/** Test-only helpers of matching: two organisations on a fresh app, people inserted directly. */
export interface World {
  t: TestApp;
  db: TestApp['database']['db'];
  org: { id: string };
  other: { id: string };
}

export async function world(): Promise<World> {
  const t = await testApp();
  const db = t.database.db;
  const org = await createOrganisation(db, 'alfa', 'Stowarzyszenie Łączy Nas');
  const other = await createOrganisation(db, 'beta', 'Ośrodek Beta');
  return { t, db, org, other };
}

/** A signed-in browser with `roles` (administrators get TOTP), English unless told. */
export async function signedIn(w: World, roles: Role[], opts: { organisationId?: string; locale?: Locale; name?: string } = {}) {
  const user = await createUser(w.db, { organisationId: opts.organisationId ?? w.org.id, roles, totp: roles.includes('administrator'), name: opts.name });
  const client = new TestClient(w.t.app);
  await client.signIn(user.email, { totpSecret: user.totpSecret });
  await client.get(`/?lang=${opts.locale ?? 'en'}`);
  return { user, client };
}

/** A bearer token of a new account with `roles`. */
export async function tokenFor(w: World, roles: Role[], organisationId = w.org.id) {
  const user = await createUser(w.db, { organisationId, roles, totp: roles.includes('administrator') });
  return (await createAccessToken(w.db, { userId: user.userId, organisationId, name: 'test' })).token;
}

async function insertPerson(w: World, organisationId: string, p: { givenName: string; familyName: string; gender?: string | null; birthDate?: string | null }) {
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ organisationId, givenName: p.givenName, familyName: p.familyName, gender: p.gender ?? null, birthDate: p.birthDate ?? null, searchText: foldForSearch(`${p.givenName} ${p.familyName}`) })
      .returning({ id: people.id });
    return row!.id;
  });
}

export interface VolunteerSeed {
  givenName: string;
  familyName: string;
  gender?: 'female' | 'male' | 'other' | null;
  birthDate?: string | null;
  stage?: (typeof volunteers.$inferInsert)['stage'];
  capacity?: number;
  languages?: LanguageLevel[];
  availability?: string[];
  district?: string | null;
  interests?: string[];
  activities?: string[];
  preferredGender?: 'any' | 'female' | 'male' | null;
  preferredAgeGroups?: string[];
  travelKm?: number | null;
}

export async function createVolunteer(w: World, organisationId: string, s: VolunteerSeed): Promise<string> {
  const personId = await insertPerson(w, organisationId, { givenName: s.givenName, familyName: s.familyName, gender: s.gender === undefined ? 'female' : s.gender, birthDate: s.birthDate === undefined ? '1990-05-01' : s.birthDate });
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [v] = await tx
      .insert(volunteers)
      .values({
        organisationId,
        personId,
        stage: s.stage ?? 'approved',
        capacity: s.capacity ?? 1,
        languages: s.languages ?? [],
        availability: s.availability ?? [],
        district: s.district ?? null,
        interests: s.interests ?? [],
        activities: s.activities ?? [],
        preferredGender: s.preferredGender ?? null,
        preferredAgeGroups: s.preferredAgeGroups ?? [],
        travelKm: s.travelKm ?? null,
      })
      .returning({ id: volunteers.id });
    return v!.id;
  });
}

export interface MenteeSeed {
  givenName: string;
  familyName: string;
  gender?: 'female' | 'male' | 'other' | null;
  birthDate?: string | null;
  status?: (typeof mentees.$inferInsert)['status'];
  programmeId?: string | null;
  needs?: (typeof mentees.$inferInsert)['needs'];
  languages?: LanguageLevel[];
  availability?: string[];
  district?: string | null;
  interests?: string[];
  minor?: boolean;
  vulnerableAdult?: boolean;
  preferredVolunteerGender?: 'any' | 'female' | 'male' | null;
  preferredVolunteerAgeMin?: number | null;
  preferredVolunteerAgeMax?: number | null;
  daysWaiting?: number;
  summary?: string | null;
}

export async function createMentee(w: World, organisationId: string, s: MenteeSeed): Promise<string> {
  const personId = await insertPerson(w, organisationId, { givenName: s.givenName, familyName: s.familyName, gender: s.gender === undefined ? 'female' : s.gender, birthDate: s.birthDate ?? null });
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [m] = await tx
      .insert(mentees)
      .values({
        organisationId,
        personId,
        status: s.status ?? 'waiting',
        programmeId: s.programmeId ?? null,
        needs: s.needs ?? [],
        languages: s.languages ?? [],
        availability: s.availability ?? [],
        district: s.district ?? null,
        interests: s.interests ?? [],
        minor: s.minor ?? false,
        vulnerableAdult: s.vulnerableAdult ?? false,
        preferredVolunteerGender: s.preferredVolunteerGender ?? null,
        preferredVolunteerAgeMin: s.preferredVolunteerAgeMin ?? null,
        preferredVolunteerAgeMax: s.preferredVolunteerAgeMax ?? null,
        summary: s.summary ?? null,
        waitingSince: instantDaysAgo(s.daysWaiting ?? 10),
      })
      .returning({ id: mentees.id });
    return m!.id;
  });
}

/**
 * Everything Polish law asks before work with minors (volunteers' screening/requirements.ts): the register check and
 * the KRK information, valid until `renewBy`, and "did not live abroad". `kinds` records only some of them.
 */
export async function addSafeguardingCheck(w: World, organisationId: string, volunteerId: string, userId: string, renewBy = '2099-01-01', kinds: (typeof safeguardingChecks.$inferInsert)['kind'][] = ['pl_sex_offenders_register', 'pl_criminal_record']) {
  await withTenant(w.db, { organisationId, userId }, async (tx) => {
    for (const kind of kinds) await tx.insert(safeguardingChecks).values({ organisationId, volunteerId, kind, seenOn: '2020-01-01', seenByUserId: userId, renewBy });
    await tx.update(volunteers).set({ livedAbroad: false }).where(eq(volunteers.id, volunteerId));
  });
}

export async function createDistrict(w: World, organisationId: string, name: string, latitude: number, longitude: number) {
  await withTenant(w.db, { organisationId, userId: null }, (tx) => tx.insert(districts).values({ organisationId, name, latitude, longitude }));
}

export async function createProgramme(w: World, organisationId: string, name: string, weights: Record<string, number> = {}) {
  const [p] = await withTenant(w.db, { organisationId, userId: null }, (tx) => tx.insert(programmes).values({ organisationId, name, matchingWeights: weights }).returning({ id: programmes.id }));
  return p!.id;
}

export async function menteeRow(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, id)));
  return row!;
}

export async function matchesOf(w: World, where: { menteeId?: string; volunteerId?: string }) {
  return withSystem(w.db, (tx) =>
    tx
      .select()
      .from(matches)
      .where(and(where.menteeId ? eq(matches.menteeId, where.menteeId) : undefined, where.volunteerId ? eq(matches.volunteerId, where.volunteerId) : undefined)),
  );
}

export async function auditEntries(w: World, organisationId: string, action: string) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

type Table = 'matches' | 'match_exclusions' | 'match_runs' | 'match_proposals' | 'mentee_events' | 'audit_log';
export async function count(w: World, table: Table, organisationId?: string): Promise<number> {
  const where = organisationId ? sql` where organisation_id = ${organisationId}` : sql``;
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}${where}`)));
  return Number(row!.n);
}

/** The visible text of an HTML fragment (tags removed, entities of the renderer decoded, spaces collapsed). */
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

/** The names in the suggestion cards, best first. */
export function suggestedNames(body: string): string[] {
  const list = /<ol class="suggestions">([\s\S]*?)<\/ol>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<h3><a href="\/matching\/(?:volunteers|mentees)\/[0-9a-f-]+">([^<]*)<\/a>/g)].map((m) => m[1]!);
}

let orgs = 0;
/** A fresh organisation of its own (batch matching works on a whole waiting list, so tests must not share one). */
export async function freshOrg(w: World): Promise<{ id: string }> {
  orgs += 1;
  return createOrganisation(w.db, `org-${orgs}-${Math.random().toString(36).slice(2, 8)}`, `Organizacja ${orgs}`);
}

import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../core/audit/audit.table.js';
import { createAccessToken } from '../../../core/auth/access-tokens.js';
import { rowsOf, withSystem, withTenant } from '../../../core/db/tx.js';
import { type Locale } from '../../../core/i18n/index.js';
import { instantDaysAgo } from '../../../core/testing/clock.js';
import { TestClient } from '../../../core/testing/client.js';
import { createOrganisation, createUser } from '../../../core/testing/fixtures.js';
import { testApp, type TestApp } from '../../../core/testing/harness.js';
import { people, type Role } from '../../../core/tenancy/tenancy.table.js';
import { insuranceRecords, safeguardingChecks, volunteerDocuments, volunteerEvents, volunteers, type LanguageLevel } from '../volunteers.table.js';
import type { Stage } from './stages.js';
import { personSearchText } from '../../../core/tenancy/people-search.js';

/** Test-only helpers of the pipeline: two organisations on a fresh app, volunteers inserted directly. */
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

export async function anonymous(w: World) {
  const client = new TestClient(w.t.app);
  await client.get('/sign-in?lang=en');
  return client;
}

/** A bearer token of a new account with `roles`. */
export async function tokenFor(w: World, roles: Role[], organisationId = w.org.id) {
  const user = await createUser(w.db, { organisationId, roles, totp: roles.includes('administrator') });
  return (await createAccessToken(w.db, { userId: user.userId, organisationId, name: 'test' })).token;
}

export interface VolunteerSeed {
  givenName: string;
  familyName: string;
  email?: string | null;
  phone?: string | null;
  birthDate?: string | null;
  stage?: Stage;
  stageReason?: string | null;
  daysWaiting?: number;
  appliedDaysAgo?: number;
  languages?: LanguageLevel[];
  district?: string | null;
  activities?: string[];
  worksWithMinors?: boolean;
  plannedDays?: number | null;
  guardianConfirmed?: boolean;
  duplicateOf?: string | null;
  motivation?: string | null;
}

/** Inserts a person and their volunteer record in a tenant transaction (as the application form would). */
export async function createVolunteer(w: World, organisationId: string, s: VolunteerSeed): Promise<string> {
  const now = new Date();
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx
      .insert(people)
      .values({
        organisationId,
        givenName: s.givenName,
        familyName: s.familyName,
        email: s.email ?? null,
        phone: s.phone ?? null,
        birthDate: s.birthDate ?? null,
        searchText: personSearchText(s),
      })
      .returning({ id: people.id });
    const [v] = await tx
      .insert(volunteers)
      .values({
        organisationId,
        personId: p!.id,
        stage: s.stage ?? 'applied',
        stageReason: s.stageReason ?? null,
        stageChangedAt: instantDaysAgo(s.daysWaiting ?? 0, { now }),
        appliedAt: instantDaysAgo(s.appliedDaysAgo ?? s.daysWaiting ?? 0, { now }),
        languages: s.languages ?? [],
        district: s.district ?? null,
        activities: s.activities ?? [],
        worksWithMinors: s.worksWithMinors ?? false,
        plannedDays: s.plannedDays === undefined ? 20 : s.plannedDays,
        guardianName: s.birthDate ? 'Opiekun' : null,
        guardianConfirmedAt: s.guardianConfirmed ? new Date() : null,
        duplicateOf: s.duplicateOf ?? null,
        motivation: s.motivation ?? null,
      })
      .returning({ id: volunteers.id });
    return v!.id;
  });
}

/** Records one safeguarding check of `kind` (default: the register check), valid until `renewBy`. */
export async function addSafeguardingCheck(w: World, organisationId: string, volunteerId: string, userId: string, renewBy = '2099-01-01', kind: (typeof safeguardingChecks.$inferInsert)['kind'] = 'pl_sex_offenders_register') {
  await withTenant(w.db, { organisationId, userId }, (tx) =>
    tx.insert(safeguardingChecks).values({ organisationId, volunteerId, kind, seenOn: renewBy < '2024-01-02' ? '1999-01-01' : '2024-01-01', seenByUserId: userId, renewBy }),
  );
}

/** Sets the "lived outside Poland in the last 20 years" answer. */
export async function setLivedAbroad(w: World, organisationId: string, volunteerId: string, livedAbroad: boolean | null) {
  await withTenant(w.db, { organisationId, userId: null }, (tx) => tx.update(volunteers).set({ livedAbroad }).where(eq(volunteers.id, volunteerId)));
}

/** What every activation needs besides the agreement: health and safety acknowledged, travel costs settled, insurance. */
export async function addActivationFacts(w: World, organisationId: string, volunteerId: string, opts: { insurance?: boolean } = {}) {
  await withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    await tx.update(volunteers).set({ healthSafetyOn: '2026-01-05', travelCosts: 'reimbursed', travelCostsOn: '2026-01-05' }).where(eq(volunteers.id, volunteerId));
    if (opts.insurance !== false) await tx.insert(insuranceRecords).values({ organisationId, volunteerId, insurer: 'PZU', policyNumber: 'NNW-1', validFrom: '2026-01-01', validTo: '2099-12-31' });
  });
}

export async function addSignedAgreement(w: World, organisationId: string, volunteerId: string, acceptedHow: 'paper' | 'electronic' | 'qualified' = 'paper') {
  await withTenant(w.db, { organisationId, userId: null }, (tx) =>
    tx.insert(volunteerDocuments).values({ organisationId, volunteerId, kind: 'agreement', locale: 'pl', title: 'Porozumienie', body: '…', acceptedHow, acceptedAt: new Date() }),
  );
}

export async function volunteerState(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(volunteers).where(eq(volunteers.id, id)));
  return row!;
}

export async function eventsOf(w: World, id: string) {
  return withSystem(w.db, (tx) => tx.select().from(volunteerEvents).where(eq(volunteerEvents.volunteerId, id)));
}

export async function auditEntries(w: World, organisationId: string, action: string) {
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))));
}

export async function countRows(w: World, table: 'volunteers' | 'volunteer_events' | 'audit_log', organisationId?: string): Promise<number> {
  const where = organisationId ? sql` where organisation_id = ${organisationId}` : sql``;
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}${where}`)));
  return Number(row!.n);
}

/** The names in the list's table, in order of appearance. */
export function namesInList(body: string): string[] {
  return [...body.matchAll(/<th scope="row"><a href="\/volunteers\/[0-9a-f-]+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

import { and, eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../core/db/tx.js';
import { foldForSearch } from '../../core/i18n/index.js';
import { instantDaysAgo } from '../../core/testing/clock.js';
import { people, programmes } from '../../core/tenancy/tenancy.table.js';
import { mentees } from '../mentees/mentees.table.js';
import { safeguardingChecks, volunteers, type LanguageLevel } from '../volunteers/volunteers.table.js';
import { districts, matches } from './matching.table.js';
import type { World } from '../../core/testing/world.js';

/** Test-only helpers of matching: two organisations on a fresh app (core's world), people inserted directly. */
export { auditEntries, countRows } from '../../core/testing/rows.js';
export { textOf } from '../../core/testing/html.js';
export { freshOrganisation, signedIn, tokenFor, world, type World } from '../../core/testing/world.js';

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
  stage?: string;
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
  status?: string;
  programmeId?: string | null;
  needs?: string[];
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
export async function addSafeguardingCheck(w: World, organisationId: string, volunteerId: string, userId: string, renewBy = '2099-01-01', kinds: string[] = ['pl_sex_offenders_register', 'pl_criminal_record']) {
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

/** The names in the suggestion cards, best first. */
export function suggestedNames(body: string): string[] {
  const list = /<ol class="suggestions">([\s\S]*?)<\/ol>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<h3><a href="\/matching\/(?:volunteers|mentees)\/[0-9a-f-]+">([^<]*)<\/a>/g)].map((m) => m[1]!);
}


import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { people, programmes } from '../../core/tenancy/tenancy.table.js';
import { mentees } from '../mentees/index.js';
import { safeguardingMissingOf, volunteers } from '../volunteers/index.js';
import { matchExclusions, matches } from './matching.table.js';
import { districts } from '../../core/tenancy/districts.table.js';
import type { Gender, MenteeProfile, VolunteerProfile } from './scoring/types.js';

/**
 * Reads the scoring module's profiles (scoring/types.ts) from the database for one organisation, in a few
 * set-based queries (never one query per person). Every function takes the organisation id; RLS backs it up.
 */

/** Volunteers in these stages are candidates for new matches. */
export const CANDIDATE_STAGES = ['approved', 'active'] as const;

import { daysWaiting, type OrgClock } from '../../core/tenancy/org-clock.js';

/** Whole years from a birth date (YYYY-MM-DD) to `today`; null when unknown. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

const asGender = (g: string | null): Gender | null => (g === 'female' || g === 'male' || g === 'other' || g === 'undisclosed' ? g : null);
const asPreference = (g: string | null): 'any' | 'female' | 'male' | null => (g === 'any' || g === 'female' || g === 'male' ? g : null);

/** A volunteer as scoring sees them, plus what the pages show and the checks need. */
export interface VolunteerCandidate extends VolunteerProfile {
  personId: string;
  givenName: string;
  familyName: string;
  stage: (typeof volunteers.$inferSelect)['stage'];
  version: number;
}

/**
 * Volunteers with their active matches and safeguarding state. Without `ids`: the candidates (stages approved and
 * active). With `ids`: exactly those volunteers, whatever their stage (the caller decides what a stage means).
 */
export async function loadVolunteers(tx: Tx, organisationId: string, clock: OrgClock, opts: { ids?: string[] } = {}): Promise<VolunteerCandidate[]> {
  if (opts.ids && opts.ids.length === 0) return [];
  const which: SQL = opts.ids ? inArray(volunteers.id, opts.ids) : inArray(volunteers.stage, [...CANDIDATE_STAGES]);
  const rows = await tx
    .select({
      id: volunteers.id,
      personId: volunteers.personId,
      stage: volunteers.stage,
      version: volunteers.version,
      languages: volunteers.languages,
      availability: volunteers.availability,
      district: volunteers.district,
      interests: volunteers.interests,
      activities: volunteers.activities,
      preferredGender: volunteers.preferredGender,
      preferredAgeGroups: volunteers.preferredAgeGroups,
      travelKm: volunteers.travelKm,
      capacity: volunteers.capacity,
      givenName: people.givenName,
      familyName: people.familyName,
      gender: people.gender,
      birthDate: people.birthDate,
    })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), which));
  if (rows.length === 0) return [];
  const ids = opts.ids ?? null;
  const active = await tx
    .select({ volunteerId: matches.volunteerId, n: sql<number>`count(*)::int` })
    .from(matches)
    .where(and(eq(matches.organisationId, organisationId), eq(matches.status, 'active'), ids ? inArray(matches.volunteerId, ids) : undefined))
    .groupBy(matches.volunteerId);
  const activeBy = new Map(active.map((r) => [r.volunteerId, Number(r.n)]));
  // The law's rules per country (volunteers' screening/requirements.ts): all of the required checks, valid today.
  const missing = await safeguardingMissingOf(tx, organisationId, rows.map((r) => r.id), clock.today);
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    givenName: r.givenName,
    familyName: r.familyName,
    stage: r.stage,
    version: r.version,
    languages: r.languages,
    availability: r.availability,
    district: r.district,
    interests: r.interests,
    activities: r.activities,
    gender: asGender(r.gender),
    age: ageOn(r.birthDate, clock.today),
    preferredGender: asPreference(r.preferredGender),
    preferredAgeGroups: r.preferredAgeGroups,
    travelKm: r.travelKm,
    capacity: r.capacity,
    activeMatches: activeBy.get(r.id) ?? 0,
    safeguardingCleared: (missing.get(r.id) ?? ['any_check']).length === 0,
  }));
}

/** A mentee as scoring sees them, plus what the pages show and the checks need. */
export interface MenteeCandidate extends MenteeProfile {
  personId: string;
  givenName: string;
  familyName: string;
  status: (typeof mentees.$inferSelect)['status'];
  programmeId: string | null;
  summary: string | null;
  locale: (typeof mentees.$inferSelect)['locale'];
  version: number;
  waitingSince: Date | null;
}

/**
 * Mentees with the needs their active matches already serve. Without `ids`: the waiting list (status waiting), of
 * one programme when `programmeId` is given. With `ids`: exactly those mentees, whatever their status.
 */
export async function loadMentees(tx: Tx, organisationId: string, clock: OrgClock, opts: { ids?: string[]; programmeId?: string } = {}): Promise<MenteeCandidate[]> {
  if (opts.ids && opts.ids.length === 0) return [];
  const which: SQL[] = opts.ids ? [inArray(mentees.id, opts.ids)] : [eq(mentees.status, 'waiting')];
  if (opts.programmeId) which.push(eq(mentees.programmeId, opts.programmeId));
  const rows = await tx
    .select({
      id: mentees.id,
      personId: mentees.personId,
      status: mentees.status,
      programmeId: mentees.programmeId,
      summary: mentees.summary,
      locale: mentees.locale,
      version: mentees.version,
      needs: mentees.needs,
      languages: mentees.languages,
      availability: mentees.availability,
      district: mentees.district,
      interests: mentees.interests,
      minor: mentees.minor,
      vulnerableAdult: mentees.vulnerableAdult,
      preferredVolunteerGender: mentees.preferredVolunteerGender,
      preferredVolunteerAgeMin: mentees.preferredVolunteerAgeMin,
      preferredVolunteerAgeMax: mentees.preferredVolunteerAgeMax,
      waitingSince: mentees.waitingSince,
      givenName: people.givenName,
      familyName: people.familyName,
      gender: people.gender,
      birthDate: people.birthDate,
    })
    .from(mentees)
    .innerJoin(people, eq(people.id, mentees.personId))
    .where(and(eq(mentees.organisationId, organisationId), ...which));
  if (rows.length === 0) return [];
  // A subquery rather than a list of ids: a long waiting list would exceed the driver's parameter limit.
  const selected = tx.select({ id: mentees.id }).from(mentees).where(and(eq(mentees.organisationId, organisationId), ...which));
  const covered = await tx
    .select({ menteeId: matches.menteeId, needs: matches.needs })
    .from(matches)
    .where(and(eq(matches.organisationId, organisationId), eq(matches.status, 'active'), inArray(matches.menteeId, selected)));
  const coveredBy = new Map<string, Set<string>>();
  for (const c of covered) {
    const set = coveredBy.get(c.menteeId) ?? new Set<string>();
    for (const n of c.needs) set.add(n);
    coveredBy.set(c.menteeId, set);
  }
  return rows.map((r) => {
    const age = ageOn(r.birthDate, clock.today);
    return {
      id: r.id,
      personId: r.personId,
      givenName: r.givenName,
      familyName: r.familyName,
      status: r.status,
      programmeId: r.programmeId,
      summary: r.summary,
      locale: r.locale,
      version: r.version,
      waitingSince: r.waitingSince,
      needs: r.needs,
      coveredNeeds: [...(coveredBy.get(r.id) ?? [])],
      languages: r.languages,
      availability: r.availability,
      district: r.district,
      interests: r.interests,
      gender: asGender(r.gender),
      age,
      // A birth date under 18 makes a minor even when the flag was not ticked: safeguarding errs on the safe side.
      minor: r.minor || (age !== null && age < 18),
      vulnerableAdult: r.vulnerableAdult,
      preferredVolunteerGender: asPreference(r.preferredVolunteerGender),
      preferredVolunteerAgeMin: r.preferredVolunteerAgeMin,
      preferredVolunteerAgeMax: r.preferredVolunteerAgeMax,
      daysWaiting: r.waitingSince ? daysWaiting(clock, r.waitingSince) : 0,
    };
  });
}

/** The organisation's districts by name, for distances. */
export async function loadDistricts(tx: Tx, organisationId: string): Promise<Map<string, { latitude: number; longitude: number }>> {
  const rows = await tx
    .select({ name: districts.name, latitude: districts.latitude, longitude: districts.longitude })
    .from(districts)
    .where(eq(districts.organisationId, organisationId));
  return new Map(rows.map((r) => [r.name, { latitude: r.latitude, longitude: r.longitude }]));
}

/** Excluded pairs as `${menteeId}:${volunteerId}`, limited to these mentees or volunteers when given. */
export async function loadExcludedPairs(tx: Tx, organisationId: string, opts: { menteeIds?: string[]; volunteerIds?: string[] } = {}): Promise<Set<string>> {
  if (opts.menteeIds?.length === 0 || opts.volunteerIds?.length === 0) return new Set();
  const rows = await tx
    .select({ menteeId: matchExclusions.menteeId, volunteerId: matchExclusions.volunteerId })
    .from(matchExclusions)
    .where(
      and(
        eq(matchExclusions.organisationId, organisationId),
        opts.menteeIds ? inArray(matchExclusions.menteeId, opts.menteeIds) : undefined,
        opts.volunteerIds ? inArray(matchExclusions.volunteerId, opts.volunteerIds) : undefined,
      ),
    );
  return new Set(rows.map((r) => `${r.menteeId}:${r.volunteerId}`));
}

/**
 * The raw matching weights of programmes (the scoring module turns them into Weights with its defaults) and each
 * programme's distance limit in km.
 */
export async function loadProgrammeWeights(
  tx: Tx,
  organisationId: string,
  programmeIds: string[],
): Promise<Map<string, { weights: Record<string, number>; maxDistanceKm: number }>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: programmes.id, weights: programmes.matchingWeights, maxDistanceKm: programmes.matchingMaxDistanceKm })
    .from(programmes)
    .where(and(eq(programmes.organisationId, organisationId), inArray(programmes.id, programmeIds)));
  return new Map(rows.map((r) => [r.id, { weights: r.weights, maxDistanceKm: r.maxDistanceKm }]));
}

/** The organisation's programmes (active first, then by name) for filters and the batch form. */
export async function findProgrammes(tx: Tx, organisationId: string): Promise<{ id: string; name: string; active: boolean }[]> {
  const rows = await tx.select({ id: programmes.id, name: programmes.name, active: programmes.active }).from(programmes).where(eq(programmes.organisationId, organisationId));
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { programmes } from '../../core/tenancy/tenancy.table.js';
import { menteeEvents, mentees } from '../mentees/index.js';
import { volunteers } from '../volunteers/index.js';
import { matches, type StoredComponent } from './matching.table.js';
import { joinPairPeople, menteePerson, volunteerPerson } from './pair-people.js';
import { personSearchConditions } from '../../core/tenancy/people-search.js';
import type { Status as MenteeStatus } from '../mentees/index.js';
import type { MatchStatus } from './matches.schemas.js';

/** All SQL about matches themselves; every function takes the organisation id (RLS backs it up). */

/**
 * Locks volunteers and then mentees (`FOR UPDATE`), each kind in id order. Every writer that can change a
 * volunteer's free places or a mentee's covered needs takes its locks in this one global order (all volunteers
 * before any mentee), so two of them can wait for each other but never deadlock. Returns the ids found.
 */
export async function lockPeopleOfMatches(tx: Tx, organisationId: string, volunteerIds: string[], menteeIds: string[]): Promise<{ volunteers: Set<string>; mentees: Set<string> }> {
  const lockedVolunteers = await lockInIdOrder(tx, volunteers, organisationId, volunteerIds);
  const lockedMentees = await lockInIdOrder(tx, mentees, organisationId, menteeIds);
  return { volunteers: lockedVolunteers, mentees: lockedMentees };
}

/** Locks the organisation's rows of `table` with these ids (`FOR UPDATE`, in id order); returns the ids found. */
async function lockInIdOrder(tx: Tx, table: typeof volunteers | typeof mentees, organisationId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), inArray(table.id, [...new Set(ids)])))
    .orderBy(asc(table.id))
    .for('update');
  return new Set(rows.map((r) => r.id));
}

/** Whether the pair has an active match already. */
export async function hasActiveMatch(tx: Tx, organisationId: string, menteeId: string, volunteerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: matches.id })
    .from(matches)
    .where(and(eq(matches.organisationId, organisationId), eq(matches.menteeId, menteeId), eq(matches.volunteerId, volunteerId), eq(matches.status, 'active')))
    .limit(1);
  return Boolean(row);
}

export interface NewMatch {
  menteeId: string;
  volunteerId: string;
  programmeId: string | null;
  needs: string[];
  score: number;
  components: StoredComponent[];
  origin: 'suggestion' | 'batch';
  proposalId: string | null;
  createdByUserId: string;
  at: Date;
}

export async function insertMatch(tx: Tx, organisationId: string, m: NewMatch): Promise<string> {
  const [row] = await tx
    .insert(matches)
    // Whoever made the match follows the pair until someone hands it over.
    .values({ organisationId, ...m, coordinatorUserId: m.createdByUserId, startedAt: m.at, createdAt: m.at })
    .returning({ id: matches.id });
  return row!.id;
}

/** A waiting mentee becomes matched (version + 1) with a `match` event on the case's timeline. */
export async function recordMenteeMatched(tx: Tx, organisationId: string, e: { menteeId: string; fromStatus: MenteeStatus; matchId: string; volunteerId: string; actorUserId: string; at: Date }): Promise<void> {
  const toStatus = e.fromStatus === 'waiting' ? 'matched' : e.fromStatus;
  if (toStatus !== e.fromStatus) {
    await tx
      .update(mentees)
      .set({ status: toStatus, version: sql`${mentees.version} + 1`, updatedAt: e.at })
      .where(and(eq(mentees.organisationId, organisationId), eq(mentees.id, e.menteeId)));
  }
  await tx.insert(menteeEvents).values({
    organisationId,
    menteeId: e.menteeId,
    at: e.at,
    actorUserId: e.actorUserId,
    kind: 'match',
    fromStatus: e.fromStatus,
    toStatus,
    detail: { matchId: e.matchId, volunteerId: e.volunteerId },
  });
}

const matchColumns = {
  id: matches.id,
  menteeId: matches.menteeId,
  volunteerId: matches.volunteerId,
  programmeId: matches.programmeId,
  programmeName: programmes.name,
  needs: matches.needs,
  status: matches.status,
  score: matches.score,
  components: matches.components,
  origin: matches.origin,
  proposalId: matches.proposalId,
  createdByUserId: matches.createdByUserId,
  startedAt: matches.startedAt,
  endedAt: matches.endedAt,
  menteeGivenName: menteePerson.givenName,
  menteeFamilyName: menteePerson.familyName,
  volunteerGivenName: volunteerPerson.givenName,
  volunteerFamilyName: volunteerPerson.familyName,
  createdByName: sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${matches.organisationId} and p.user_id = ${matches.createdByUserId} limit 1)`,
};

export type MatchRow = {
  id: string;
  menteeId: string;
  volunteerId: string;
  programmeId: string | null;
  programmeName: string | null;
  needs: string[];
  status: string;
  score: number | null;
  components: StoredComponent[];
  origin: string;
  proposalId: string | null;
  createdByUserId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  menteeGivenName: string;
  menteeFamilyName: string;
  volunteerGivenName: string;
  volunteerFamilyName: string;
  createdByName: string | null;
};

function matchQuery(tx: Tx) {
  return joinPairPeople(tx.select(matchColumns).from(matches).$dynamic(), matches).leftJoin(programmes, eq(programmes.id, matches.programmeId));
}

export async function findMatchById(tx: Tx, organisationId: string, id: string): Promise<MatchRow | undefined> {
  const [row] = await matchQuery(tx).where(and(eq(matches.organisationId, organisationId), eq(matches.id, id)));
  return row;
}

export interface MatchFilter {
  status: MatchStatus;
  q?: string;
  programmeId?: string;
  menteeId?: string;
  volunteerId?: string;
}

function filterOf(organisationId: string, f: MatchFilter): SQL | undefined {
  const conditions: SQL[] = [eq(matches.organisationId, organisationId), eq(matches.status, f.status)];
  if (f.programmeId) conditions.push(eq(matches.programmeId, f.programmeId));
  if (f.menteeId) conditions.push(eq(matches.menteeId, f.menteeId));
  if (f.volunteerId) conditions.push(eq(matches.volunteerId, f.volunteerId));
  conditions.push(...personSearchConditions([menteePerson.searchText, volunteerPerson.searchText], f.q));
  return and(...conditions);
}

/** One page of matches, newest first, and the total. */
export async function findMatches(tx: Tx, organisationId: string, f: MatchFilter, page: { offset: number; limit: number }): Promise<{ rows: MatchRow[]; total: number }> {
  const where = filterOf(organisationId, f);
  const rows = await matchQuery(tx).where(where).orderBy(desc(matches.startedAt), desc(matches.id)).limit(page.limit).offset(page.offset);
  const [count] = await joinPairPeople(tx.select({ n: sql<number>`count(*)::int` }).from(matches).$dynamic(), matches).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

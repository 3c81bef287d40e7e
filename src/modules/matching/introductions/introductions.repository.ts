import { and, asc, eq } from 'drizzle-orm';
import { users } from '../../../core/auth/auth.table.js';
import type { Tx } from '../../../core/db/tx.js';
import { mentees } from '../../mentees/index.js';
import { volunteers } from '../../volunteers/index.js';
import { introductions, matches, venues } from '../matching.table.js';
import { joinPairPeople, menteePerson, volunteerPerson } from '../pair-people.js';

export type IntroductionRow = typeof introductions.$inferSelect;

/** One side of a pair as the introduction needs it: name, address and language. */
export interface Party {
  id: string;
  givenName: string;
  familyName: string;
  email: string | null;
  locale: string;
}

export interface MatchParties {
  id: string;
  status: string;
  volunteer: Party;
  mentee: Party & { socialWorkerUserId: string | null };
}

/** A match with both people (from their people rows); undefined for an unknown id or another organisation's. */
export async function findMatchParties(tx: Tx, organisationId: string, matchId: string): Promise<MatchParties | undefined> {
  const query = tx
    .select({
      id: matches.id,
      status: matches.status,
      volunteerId: volunteers.id,
      volunteerLocale: volunteers.locale,
      vGiven: volunteerPerson.givenName,
      vFamily: volunteerPerson.familyName,
      vEmail: volunteerPerson.email,
      menteeId: mentees.id,
      menteeLocale: mentees.locale,
      socialWorkerUserId: mentees.socialWorkerUserId,
      mGiven: menteePerson.givenName,
      mFamily: menteePerson.familyName,
      mEmail: menteePerson.email,
    })
    .from(matches)
    .$dynamic();
  const [row] = await joinPairPeople(query, matches).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId)));
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    volunteer: { id: row.volunteerId, givenName: row.vGiven, familyName: row.vFamily, email: row.vEmail, locale: row.volunteerLocale },
    mentee: { id: row.menteeId, givenName: row.mGiven, familyName: row.mFamily, email: row.mEmail, locale: row.menteeLocale, socialWorkerUserId: row.socialWorkerUserId },
  };
}

/** An account's address, name and language, if it belongs to a person of the organisation (row-level security). */
export async function findStaffUser(tx: Tx, userId: string): Promise<{ id: string; email: string; displayName: string; locale: string | null } | undefined> {
  const [row] = await tx.select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale, disabled: users.disabled }).from(users).where(eq(users.id, userId));
  return row && !row.disabled ? row : undefined;
}


/** The introductions of a match, earliest first, with their venue. */
export function findIntroductions(tx: Tx, organisationId: string, matchId: string) {
  return tx
    .select({ introduction: introductions, venue: venues })
    .from(introductions)
    .innerJoin(venues, eq(venues.id, introductions.venueId))
    .where(and(eq(introductions.organisationId, organisationId), eq(introductions.matchId, matchId)))
    .orderBy(asc(introductions.startsAt));
}

export async function findIntroduction(tx: Tx, organisationId: string, id: string, lock = false): Promise<IntroductionRow | undefined> {
  const query = tx.select().from(introductions).where(and(eq(introductions.organisationId, organisationId), eq(introductions.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Locks the match row, so two people scheduling the same pair at once do not both create an introduction. */
export async function lockMatch(tx: Tx, organisationId: string, matchId: string): Promise<void> {
  await tx.select({ id: matches.id }).from(matches).where(and(eq(matches.organisationId, organisationId), eq(matches.id, matchId))).for('update');
}

export async function insertIntroduction(tx: Tx, organisationId: string, v: Omit<typeof introductions.$inferInsert, 'organisationId'>): Promise<IntroductionRow> {
  const [row] = await tx.insert(introductions).values({ organisationId, ...v }).returning();
  return row!;
}

export async function updateIntroduction(tx: Tx, organisationId: string, id: string, v: Partial<Pick<IntroductionRow, 'venueId' | 'startsAt' | 'minutes' | 'note' | 'outsideHoursReason' | 'status' | 'sequence'>>): Promise<IntroductionRow> {
  const [row] = await tx.update(introductions).set(v).where(and(eq(introductions.organisationId, organisationId), eq(introductions.id, id))).returning();
  return row!;
}

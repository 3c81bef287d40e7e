import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { people, programmes } from '../../../core/tenancy/tenancy.table.js';
import { mentees } from '../../mentees/index.js';
import { matchProposals, matchRunUnmatched, matchRuns, type StoredComponent } from '../matching.table.js';
import { joinPairPeople, menteePerson, volunteerPerson } from '../pair-people.js';

/** SQL of batch runs and their proposals. Every function takes the organisation id (RLS backs it up). */

export interface RunFigures {
  programmeId: string | null;
  createdByUserId: string;
  createdAt: Date;
  mentees: number;
  volunteers: number;
  candidatePairs: number;
  matched: number;
  total: number;
  milliseconds: number;
  status: 'open' | 'closed';
}

export interface NewProposal {
  menteeId: string;
  volunteerId: string;
  score: number;
  components: StoredComponent[];
}

/** Someone the run could not propose a pair for: how many volunteers fitted, or why none did. */
export interface NewUnmatched {
  menteeId: string;
  eligible: number;
  leftOut: { count: number; byKey: Record<string, number>; genderUnknown?: number };
}

/** The run, its proposals and who it left unmatched (in chunks: the driver allows 65 535 parameters a statement). */
export async function insertRun(tx: Tx, organisationId: string, run: RunFigures, proposals: NewProposal[], unmatched: NewUnmatched[] = []): Promise<string> {
  const [row] = await tx
    .insert(matchRuns)
    .values({ organisationId, ...run })
    .returning({ id: matchRuns.id });
  const runId = row!.id;
  for (let i = 0; i < proposals.length; i += 1000) {
    await tx.insert(matchProposals).values(proposals.slice(i, i + 1000).map((p) => ({ organisationId, runId, ...p })));
  }
  for (let i = 0; i < unmatched.length; i += 1000) {
    await tx.insert(matchRunUnmatched).values(unmatched.slice(i, i + 1000).map((u) => ({ organisationId, runId, ...u })));
  }
  return runId;
}

export interface UnmatchedRow extends NewUnmatched {
  givenName: string;
  familyName: string;
  /** The person's status now: someone matched since the run is no longer waiting. */
  status: string;
}

/** Who a run left unmatched, longest waiting first; people erased since are gone with their rows. */
export async function findUnmatched(tx: Tx, organisationId: string, runId: string): Promise<UnmatchedRow[]> {
  return tx
    .select({
      menteeId: matchRunUnmatched.menteeId,
      eligible: matchRunUnmatched.eligible,
      leftOut: matchRunUnmatched.leftOut,
      givenName: people.givenName,
      familyName: people.familyName,
      status: mentees.status,
    })
    .from(matchRunUnmatched)
    .innerJoin(mentees, eq(mentees.id, matchRunUnmatched.menteeId))
    .innerJoin(people, eq(people.id, mentees.personId))
    .where(and(eq(matchRunUnmatched.organisationId, organisationId), eq(matchRunUnmatched.runId, runId)))
    .orderBy(sql`${mentees.waitingSince} asc nulls last`, asc(mentees.id));
}

const runColumns = {
  id: matchRuns.id,
  programmeId: matchRuns.programmeId,
  programmeName: programmes.name,
  status: matchRuns.status,
  createdAt: matchRuns.createdAt,
  createdByUserId: matchRuns.createdByUserId,
  createdBy: sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${matchRuns.organisationId} and p.user_id = ${matchRuns.createdByUserId} limit 1)`,
  mentees: matchRuns.mentees,
  volunteers: matchRuns.volunteers,
  candidatePairs: matchRuns.candidatePairs,
  matched: matchRuns.matched,
  total: matchRuns.total,
  milliseconds: matchRuns.milliseconds,
  proposed: sql<number>`(select count(*)::int from match_proposals mp where mp.run_id = ${matchRuns.id} and mp.status = 'proposed')`,
};
export interface RunRow extends Omit<RunFigures, 'status'> {
  id: string;
  programmeName: string | null;
  status: string;
  createdBy: string | null;
  /** Proposals still waiting for a decision. */
  proposed: number;
}

export async function findRun(tx: Tx, organisationId: string, id: string): Promise<RunRow | undefined> {
  const [row] = await tx
    .select(runColumns)
    .from(matchRuns)
    .leftJoin(programmes, eq(programmes.id, matchRuns.programmeId))
    .where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, id)));
  return row ? { ...row, proposed: Number(row.proposed) } : undefined;
}

/** The latest runs, newest first; `open` only those still waiting for decisions. */
export async function findRuns(tx: Tx, organisationId: string, opts: { limit: number; open?: boolean }): Promise<RunRow[]> {
  const rows = await tx
    .select(runColumns)
    .from(matchRuns)
    .leftJoin(programmes, eq(programmes.id, matchRuns.programmeId))
    .where(and(eq(matchRuns.organisationId, organisationId), opts.open ? eq(matchRuns.status, 'open') : undefined))
    .orderBy(desc(matchRuns.createdAt), desc(matchRuns.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r, proposed: Number(r.proposed) }));
}

export interface ProposalRow {
  id: string;
  runId: string;
  menteeId: string;
  volunteerId: string;
  score: number;
  components: StoredComponent[];
  status: string;
  decidedByUserId: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  matchId: string | null;
  menteeGivenName: string;
  menteeFamilyName: string;
  volunteerGivenName: string;
  volunteerFamilyName: string;
}

function proposalQuery(tx: Tx) {
  const query = tx
    .select({
      id: matchProposals.id,
      runId: matchProposals.runId,
      menteeId: matchProposals.menteeId,
      volunteerId: matchProposals.volunteerId,
      score: matchProposals.score,
      components: matchProposals.components,
      status: matchProposals.status,
      decidedByUserId: matchProposals.decidedByUserId,
      decidedBy: sql<string | null>`(select p.given_name || ' ' || p.family_name from people p where p.organisation_id = ${matchProposals.organisationId} and p.user_id = ${matchProposals.decidedByUserId} limit 1)`,
      decidedAt: matchProposals.decidedAt,
      reason: matchProposals.reason,
      matchId: matchProposals.matchId,
      menteeGivenName: menteePerson.givenName,
      menteeFamilyName: menteePerson.familyName,
      volunteerGivenName: volunteerPerson.givenName,
      volunteerFamilyName: volunteerPerson.familyName,
    })
    .from(matchProposals)
    .$dynamic();
  return joinPairPeople(query, matchProposals);
}

/** The proposals of a run, best score first (ties by id). */
export async function findProposals(tx: Tx, organisationId: string, runId: string): Promise<ProposalRow[]> {
  return proposalQuery(tx)
    .where(and(eq(matchProposals.organisationId, organisationId), eq(matchProposals.runId, runId)))
    .orderBy(desc(matchProposals.score), asc(matchProposals.id));
}

export async function findProposal(tx: Tx, organisationId: string, id: string): Promise<ProposalRow | undefined> {
  const [row] = await proposalQuery(tx).where(and(eq(matchProposals.organisationId, organisationId), eq(matchProposals.id, id)));
  return row;
}

/** Locks proposals (after the people they concern, see lockPeopleOfMatches) and returns their current status. */
export async function lockProposals(tx: Tx, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: matchProposals.id, status: matchProposals.status })
    .from(matchProposals)
    .where(and(eq(matchProposals.organisationId, organisationId), inArray(matchProposals.id, ids)))
    .orderBy(asc(matchProposals.id))
    .for('update');
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** The decision on a proposal still `proposed` (the caller holds its lock); false when it was decided meanwhile. */
export async function decideProposal(
  tx: Tx,
  organisationId: string,
  id: string,
  d: { status: 'accepted' | 'rejected' | 'stale'; userId: string; at: Date; reason: string | null; matchId: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(matchProposals)
    .set({ status: d.status, decidedByUserId: d.userId, decidedAt: d.at, reason: d.reason, matchId: d.matchId })
    .where(and(eq(matchProposals.organisationId, organisationId), eq(matchProposals.id, id), eq(matchProposals.status, 'proposed')))
    .returning({ id: matchProposals.id });
  return rows.length > 0;
}

/** Closes a run once none of its proposals waits for a decision. */
export async function closeRunIfDone(tx: Tx, organisationId: string, runId: string): Promise<boolean> {
  const rows = await tx
    .update(matchRuns)
    .set({ status: 'closed' })
    .where(
      and(
        eq(matchRuns.organisationId, organisationId),
        eq(matchRuns.id, runId),
        eq(matchRuns.status, 'open'),
        sql`not exists (select 1 from match_proposals mp where mp.run_id = ${matchRuns.id} and mp.status = 'proposed')`,
      ),
    )
    .returning({ id: matchRuns.id });
  return rows.length > 0;
}

/** Mentees on the waiting list, and the longest waiting of them (for the overview). */
export async function waitingList(tx: Tx, organisationId: string, limit: number) {
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(mentees)
    .where(and(eq(mentees.organisationId, organisationId), eq(mentees.status, 'waiting')));
  const longest = await tx
    .select({ id: mentees.id, givenName: people.givenName, familyName: people.familyName, waitingSince: mentees.waitingSince, needs: mentees.needs })
    .from(mentees)
    .innerJoin(people, eq(people.id, mentees.personId))
    .where(and(eq(mentees.organisationId, organisationId), eq(mentees.status, 'waiting')))
    .orderBy(sql`${mentees.waitingSince} asc nulls last`, asc(mentees.id))
    .limit(limit);
  return { count: Number(n?.n ?? 0), longest };
}

import { performance } from 'node:perf_hooks';
import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import type { Locale, Translate } from '../../../core/i18n/index.js';
import { loadContexts } from '../context.js';
import { solveAssignment } from '../engine/assignment.js';
import { componentsFromStore, explain, percentOfComponents, toStore } from '../explain-stored.js';
import { lockPeopleOfMatches } from '../matches.repository.js';
import { makeMatchLocked } from '../matches.service.js';
import { findProgrammes, loadMentees, loadVolunteers } from '../profiles.repository.js';
import { readRefusals, refusalMessage, storeRefusals, type Refusal } from '../refusals.js';
import { explainLeftOut, prepareVolunteers, rankVolunteers, scorePair, type PreparedVolunteers } from '../scoring/index.js';
import type { ScoringContext, VolunteerProfile } from '../scoring/types.js';
import { insertExclusion } from '../suggestions/suggestions.repository.js';
import { unknownGenderFor } from '../unknown-gender.js';
import { closeRunIfDone, decideProposal, findProposal, findProposals, findRun, findRuns, findUnmatched, insertRun, lockProposals, type NewProposal, type NewUnmatched, type ProposalRow, type RunRow, type UnmatchedRow } from './batch.repository.js';
import type { ProposalOutput, RejectInput, RunInput, RunOutput } from './batch.schemas.js';
import { batchInstance } from './instance.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Runs batch matching over a waiting list (one programme's, or the organisation's): loads the profiles, builds the
 * candidate graph (eligible pairs only, each mentee scored with their programme's weights), solves it exactly (most
 * people matched, then the highest total) and stores the run with its figures and one proposal per pair (score and
 * components) — all in one transaction. A run without any pair is closed at once. Audited `match_run.create`.
 * Refuses (VALIDATION on `programmeId`) when nobody is waiting; NOT_FOUND for another organisation's programme.
 */
export async function runBatch(db: Db, actor: RequestActor, input: RunInput, now = actor.clock.now): Promise<{ id: string }> {
  return withTenant(db, actor, async (tx) => {
    const org = actor.organisationId;
    if (input.programmeId && !(await findProgrammes(tx, org)).some((p) => p.id === input.programmeId)) throw new AppError('NOT_FOUND');
    const clock = clockOf(actor, now);
    const waiting = await loadMentees(tx, org, clock, input.programmeId ? { programmeId: input.programmeId } : {});
    if (waiting.length === 0) throw invalid('programmeId', 'matching.batch.nobodyWaiting');
    const volunteers = await loadVolunteers(tx, org, clock);
    const contextFor = await loadContexts(tx, org, waiting.map((m) => m.programmeId));
    const started = performance.now();
    const built = batchInstance(waiting, volunteers, contextFor);
    const solution = solveAssignment(built.instance);
    const milliseconds = Math.round(performance.now() - started);
    const menteeById = new Map(waiting.map((m) => [m.id, m]));
    const volunteerById = new Map(volunteers.map((v) => [v.id, v]));
    const proposals: NewProposal[] = solution.pairs.map(([i, j]) => {
      const mentee = menteeById.get(built.menteeIds[i]!)!;
      const volunteer = volunteerById.get(built.volunteerIds[j]!)!;
      const scored = scorePair(mentee, volunteer, contextFor(mentee.programmeId));
      // The engine only ever sees eligible pairs; a pair failing here would be a scoring bug, not a user error.
      if (!scored.eligible) throw new Error(`batch proposed an ineligible pair ${mentee.id}:${volunteer.id}`);
      return { menteeId: mentee.id, volunteerId: volunteer.id, score: scored.score, components: toStore(scored.components) };
    });
    const unmatched = unmatchedOf(waiting, volunteers, built, solution.pairs, contextFor);
    const id = await insertRun(
      tx,
      org,
      {
        programmeId: input.programmeId,
        createdByUserId: actor.userId,
        createdAt: now,
        mentees: built.instance.left,
        volunteers: built.instance.right,
        candidatePairs: built.instance.edges.length,
        matched: solution.matched,
        total: round2(solution.total),
        milliseconds,
        status: proposals.length > 0 ? 'open' : 'closed',
      },
      proposals,
      unmatched,
    );
    await audit(tx, actor, { action: 'match_run.create', entity: 'match_run', entityId: id, fields: ['mentees', 'volunteers'] });
    return { id };
  });
}

/**
 * Everyone on the list without a proposal, and why: how many volunteers with a free place fitted them (their places
 * went to others, so that more people get a match), or — when none did — which rules left every volunteer out
 * (all volunteers counted, those without a free place too, so "the places are all taken" is a reason).
 */
function unmatchedOf(
  waiting: readonly (Parameters<typeof scorePair>[0] & { programmeId: string | null })[],
  volunteers: readonly VolunteerProfile[],
  built: ReturnType<typeof batchInstance>,
  pairs: readonly (readonly [number, number])[],
  contextFor: (programmeId: string | null) => ScoringContext,
): NewUnmatched[] {
  const matched = new Set(pairs.map(([i]) => built.menteeIds[i]!));
  const eligible = new Map<string, number>();
  for (const [i] of built.instance.edges) eligible.set(built.menteeIds[i]!, (eligible.get(built.menteeIds[i]!) ?? 0) + 1);
  const prepared = new Map<string | null, PreparedVolunteers>();
  return waiting
    .filter((m) => !matched.has(m.id))
    .map((m) => {
      const fitted = eligible.get(m.id) ?? 0;
      const ctx = contextFor(m.programmeId);
      // Said in the reason, so that a wish for a woman or a man never fails silently on unrecorded genders.
      const unknown = unknownGenderFor(m, volunteers, ctx).length;
      const genderUnknown = unknown > 0 ? { genderUnknown: unknown } : {};
      if (fitted > 0) return { menteeId: m.id, eligible: fitted, leftOut: { count: 0, byKey: {}, ...genderUnknown } };
      if (!prepared.has(m.programmeId)) prepared.set(m.programmeId, prepareVolunteers(volunteers, ctx));
      const { leftOut } = rankVolunteers(m, prepared.get(m.programmeId)!, ctx, { limit: 1 });
      return { menteeId: m.id, eligible: 0, leftOut: { count: leftOut.count, byKey: leftOut.byKey as Record<string, number>, ...genderUnknown } };
    });
}

export interface PresentedUnmatched {
  mentee: { id: string; givenName: string; familyName: string };
  /** Still waiting, or matched (or closed) since the run. */
  waiting: boolean;
  /** Volunteers with a free place who fitted (their places went to others); 0 when none fitted. */
  eligible: number;
  /** Why, in words. */
  reason: string;
}

export function presentUnmatched(u: UnmatchedRow, t: Translate, locale: Locale): PresentedUnmatched {
  const reason =
    u.eligible > 0
      ? t('matching.batch.unmatched.placesTaken', { count: u.eligible })
      : u.leftOut.count === 0
        ? t('matching.batch.unmatched.noVolunteers')
        : t('matching.batch.unmatched.noneFits', { reasons: explainLeftOut(u.leftOut as Parameters<typeof explainLeftOut>[0], 'volunteers', t, locale) });
  const unknown = u.leftOut.genderUnknown ?? 0;
  return {
    mentee: { id: u.menteeId, givenName: u.givenName, familyName: u.familyName },
    waiting: u.status === 'waiting',
    eligible: u.eligible,
    reason: unknown > 0 ? `${reason} ${t('matching.batch.unmatched.genderUnknown', { count: unknown })}` : reason,
  };
}

export interface PresentedProposal extends ProposalOutput {
  /** Why a stale proposal could not be accepted (shown as a list on the page). */
  refusals: Refusal[];
}

const names = (p: ProposalRow) => ({ mentee: `${p.menteeGivenName} ${p.menteeFamilyName}`, volunteer: `${p.volunteerGivenName} ${p.volunteerFamilyName}` });

export function presentProposal(p: ProposalRow, t: Translate, locale: Locale): PresentedProposal {
  const components = componentsFromStore(p.components);
  const explained = explain(components, t, locale);
  const refusals = p.status === 'stale' ? readRefusals(p.reason) : [];
  const reason =
    p.status === 'stale'
      ? refusals
          .map((r) => {
            const m = refusalMessage(r, names(p));
            return t(m.key, m.params);
          })
          .join(' ')
      : p.reason;
  return {
    id: p.id,
    runId: p.runId,
    mentee: { id: p.menteeId, givenName: p.menteeGivenName, familyName: p.menteeFamilyName },
    volunteer: { id: p.volunteerId, givenName: p.volunteerGivenName, familyName: p.volunteerFamilyName },
    score: p.score,
    percent: percentOfComponents(p.score, components) ?? 0,
    summary: explained.summary,
    components: explained.components,
    status: p.status as ProposalOutput['status'],
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
    reason,
    matchId: p.matchId,
    refusals,
  };
}

function presentRun(run: RunRow, proposals: PresentedProposal[]): Omit<RunOutput, 'proposals' | 'unmatched'> & { proposals: PresentedProposal[]; proposed: number } {
  return {
    id: run.id,
    programmeId: run.programmeId,
    programmeName: run.programmeName,
    status: run.status as RunOutput['status'],
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy,
    mentees: run.mentees,
    volunteers: run.volunteers,
    candidatePairs: run.candidatePairs,
    matched: run.matched,
    total: run.total,
    milliseconds: run.milliseconds,
    proposals,
    proposed: run.proposed,
  };
}

/** A run with every proposal and its reasons; audited `match_run.view`. NOT_FOUND for another organisation's run. */
export async function viewRun(db: Db, actor: RequestActor, runId: string, t: Translate, locale: Locale) {
  return withTenant(db, actor, async (tx) => {
    const run = await findRun(tx, actor.organisationId, runId);
    if (!run) throw new AppError('NOT_FOUND');
    const proposals = (await findProposals(tx, actor.organisationId, runId)).map((p) => presentProposal(p, t, locale));
    const unmatched = await findUnmatched(tx, actor.organisationId, runId);
    await audit(tx, actor, { action: 'match_run.view', entity: 'match_run', entityId: runId, fields: proposals.length + unmatched.length ? ['name', 'profile'] : [] });
    return { run: presentRun(run, proposals), unmatched: unmatched.map((u) => presentUnmatched(u, t, locale)), timeZone: actor.org.timeZone };
  });
}
export type RunView = Awaited<ReturnType<typeof viewRun>>;

/** The batch page's data: the programmes to choose from and the latest runs (figures only). */
export async function batchHome(db: Db, actor: RequestActor) {
  return withTenant(db, actor, async (tx) => ({
    programmes: await findProgrammes(tx, actor.organisationId),
    runs: await findRuns(tx, actor.organisationId, { limit: 50 }),
    timeZone: actor.org.timeZone,
  }));
}

export type Decision =
  | { kind: 'accepted'; proposal: ProposalRow; matchId: string }
  | { kind: 'rejected'; proposal: ProposalRow }
  | { kind: 'stale'; proposal: ProposalRow; refusals: Refusal[] }
  /** Someone else decided it first: nothing was written. */
  | { kind: 'decided'; proposal: ProposalRow };

async function proposalOf(tx: Tx, organisationId: string, proposalId: string, runId?: string): Promise<ProposalRow> {
  const p = await findProposal(tx, organisationId, proposalId);
  if (!p || (runId !== undefined && p.runId !== runId)) throw new AppError('NOT_FOUND');
  return p;
}

/**
 * Accepts one proposal whose people and proposal rows the caller has locked: the match is made by the same re-check as
 * from a suggestion; if it may not be made any more the proposal becomes `stale` with the reasons. Audited.
 */
async function acceptLocked(tx: Tx, actor: RequestActor, p: ProposalRow, now: Date): Promise<Decision> {
  const clock = clockOf(actor, now);
  const outcome = await makeMatchLocked(tx, actor, { menteeId: p.menteeId, volunteerId: p.volunteerId }, { origin: 'batch', proposalId: p.id, clock });
  if (outcome.ok) {
    await decideProposal(tx, actor.organisationId, p.id, { status: 'accepted', userId: actor.userId, at: now, reason: null, matchId: outcome.matchId });
    await audit(tx, actor, { action: 'match_proposal.accept', entity: 'match_proposal', entityId: p.id });
    return { kind: 'accepted', proposal: p, matchId: outcome.matchId };
  }
  await decideProposal(tx, actor.organisationId, p.id, { status: 'stale', userId: actor.userId, at: now, reason: storeRefusals(outcome.refusals), matchId: null });
  await audit(tx, actor, { action: 'match_proposal.stale', entity: 'match_proposal', entityId: p.id });
  return { kind: 'stale', proposal: p, refusals: outcome.refusals };
}

/**
 * Accepts a proposal in one transaction: locks the volunteer, the mentee (the global lock order) and the proposal, then
 * re-checks everything on fresh data. Of two people accepting proposals that compete for a volunteer's last place at the
 * same moment, one gets the match and the other's proposal turns `stale` with the reason; a proposal someone else
 * decided first is reported as `decided` and left alone. `runId` (pages) must be the proposal's run. The run closes
 * when nothing is left to decide.
 */
export async function acceptProposal(db: Db, actor: RequestActor, proposalId: string, opts: { runId?: string } = {}, now = actor.clock.now): Promise<Decision> {
  return withTenant(db, actor, async (tx) => {
    const p = await proposalOf(tx, actor.organisationId, proposalId, opts.runId);
    await lockPeopleOfMatches(tx, actor.organisationId, [p.volunteerId], [p.menteeId]);
    const status = (await lockProposals(tx, actor.organisationId, [p.id])).get(p.id);
    const current = status === p.status ? p : await proposalOf(tx, actor.organisationId, proposalId);
    if (current.status !== 'proposed') return { kind: 'decided', proposal: current };
    const decision = await acceptLocked(tx, actor, current, now);
    await closeRunIfDone(tx, actor.organisationId, p.runId);
    return decision;
  });
}

/**
 * Rejects a proposal, with an optional reason; with `exclude` the pair is also ruled out for good (an exclusion with the
 * reason). Locks like an acceptance, so it cannot cross one. Audited; `decided` when someone else decided first.
 */
export async function rejectProposal(db: Db, actor: RequestActor, proposalId: string, input: RejectInput, opts: { runId?: string } = {}, now = actor.clock.now): Promise<Decision> {
  return withTenant(db, actor, async (tx) => {
    const p = await proposalOf(tx, actor.organisationId, proposalId, opts.runId);
    await lockPeopleOfMatches(tx, actor.organisationId, [p.volunteerId], [p.menteeId]);
    const status = (await lockProposals(tx, actor.organisationId, [p.id])).get(p.id);
    if (status !== 'proposed') return { kind: 'decided', proposal: await proposalOf(tx, actor.organisationId, proposalId) };
    await decideProposal(tx, actor.organisationId, p.id, { status: 'rejected', userId: actor.userId, at: now, reason: input.reason ?? null, matchId: null });
    await audit(tx, actor, { action: 'match_proposal.reject', entity: 'match_proposal', entityId: p.id, fields: input.reason ? ['reason'] : [] });
    if (input.exclude && input.reason) {
      const exclusionId = await insertExclusion(tx, actor.organisationId, { menteeId: p.menteeId, volunteerId: p.volunteerId, reason: input.reason, createdByUserId: actor.userId });
      if (exclusionId) await audit(tx, actor, { action: 'match_exclusion.create', entity: 'match_exclusion', entityId: exclusionId, fields: ['mentee', 'volunteer', 'reason'] });
    }
    await closeRunIfDone(tx, actor.organisationId, p.runId);
    return { kind: 'rejected', proposal: p };
  });
}

/**
 * Accepts every proposal of a run still waiting for a decision, in one transaction: all their volunteers and mentees are
 * locked first (the global order, so this cannot deadlock with single decisions), then each is accepted or turns stale
 * exactly as on its own. Returns the decisions (best score first).
 */
export async function acceptAll(db: Db, actor: RequestActor, runId: string, now = actor.clock.now): Promise<Decision[]> {
  return withTenant(db, actor, async (tx) => {
    const run = await findRun(tx, actor.organisationId, runId);
    if (!run) throw new AppError('NOT_FOUND');
    const pending = (await findProposals(tx, actor.organisationId, runId)).filter((p) => p.status === 'proposed');
    await lockPeopleOfMatches(
      tx,
      actor.organisationId,
      pending.map((p) => p.volunteerId),
      pending.map((p) => p.menteeId),
    );
    const statuses = await lockProposals(
      tx,
      actor.organisationId,
      pending.map((p) => p.id),
    );
    const decisions: Decision[] = [];
    for (const p of pending) {
      if (statuses.get(p.id) !== 'proposed') continue; // decided by someone else while we waited for the locks
      decisions.push(await acceptLocked(tx, actor, p, now));
    }
    await closeRunIfDone(tx, actor.organisationId, runId);
    return decisions;
  });
}

/** One proposal as the API shows it after a decision; audited `match_proposal.view`. */
export async function getProposal(db: Db, actor: RequestActor, proposalId: string, t: Translate, locale: Locale): Promise<ProposalOutput> {
  return withTenant(db, actor, async (tx) => {
    const p = await proposalOf(tx, actor.organisationId, proposalId);
    await audit(tx, actor, { action: 'match_proposal.view', entity: 'match_proposal', entityId: proposalId });
    const { refusals: _refusals, ...out } = presentProposal(p, t, locale);
    return out;
  });
}

import { audit, type Actor } from '../../core/audit/audit.js';
import type { RequestActor } from '../../core/tenancy/actor.js';
import { clockOf, type OrgClock } from '../../core/tenancy/org-clock.js';
import type { Db } from '../../core/db/database.js';
import { withTenant, type Tx } from '../../core/db/tx.js';
import { AppError } from '../../core/http/errors.js';
import type { Translate } from '../../core/i18n/catalogue.js';
import type { Locale } from '../../core/i18n/locales.js';
import { loadContexts } from './context.js';
import { componentsFromStore, explain, percentOfComponents, toStore } from './explain-stored.js';
import type { MatchOutput, MatchPage, MatchQuery } from './matches.schemas.js';
import { findMatchById, findMatches, hasActiveMatch, insertMatch, lockPeopleOfMatches, recordMenteeMatched, type MatchRow } from './matches.repository.js';
import { CANDIDATE_STAGES, loadMentees, loadVolunteers } from './profiles.repository.js';
import { refusalMessage, type Refusal } from './refusals.js';
import { scorePair } from './scoring/index.js';
import { isOneOf } from '../../core/one-of.js';

/** Mentee statuses that can take a new match (a matched person may get another one for needs still uncovered). */
export const MATCHABLE_STATUSES = ['waiting', 'matched'] as const;
export const MATCH_PAGE_SIZE = 25;

export interface PairNames {
  mentee: string;
  volunteer: string;
}

const nameOf = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/**
 * A match that may not be made, with every reason (re-checked on fresh data). An AppError CONFLICT whose message is
 * the first reason, so the API answers 409 with it; pages catch it and list all reasons.
 */
export class MatchRefusedError extends AppError {
  constructor(
    readonly refusals: Refusal[],
    readonly names: PairNames,
  ) {
    const messages = refusals.map((r) => refusalMessage(r, names));
    super('CONFLICT', messages[0]!.key, Object.fromEntries(messages.map((m, i) => [`reasons.${i}`, m])), messages[0]!.params);
  }
}

export type MakeOutcome = { ok: true; matchId: string; needs: string[] } | { ok: false; refusals: Refusal[]; names: PairNames };

/**
 * Makes a match inside the caller's transaction, which MUST already hold the locks of the volunteer and the mentee
 * (`lockPeopleOfMatches`): everything is read again under them and re-checked with `scorePair` (capacity, needs still
 * uncovered, exclusions, safeguarding, preferences) plus the volunteer's stage, the mentee's status and an existing
 * active pair. A refusal writes nothing. Otherwise: the match (needs = the uncovered needs the volunteer serves, or all
 * uncovered needs when none of their offers maps to one; score and components kept), a waiting mentee becomes matched
 * with a `match` event, and an audit row `match.create`. The volunteer's pipeline stage is not changed.
 * Throws NOT_FOUND when either person does not exist in the organisation.
 */
export async function makeMatchLocked(
  tx: Tx,
  actor: Actor,
  pair: { menteeId: string; volunteerId: string },
  opts: { origin: 'suggestion' | 'batch'; proposalId?: string; clock: OrgClock },
): Promise<MakeOutcome> {
  const org = actor.organisationId;
  const [volunteer] = await loadVolunteers(tx, org, opts.clock, { ids: [pair.volunteerId] });
  const [mentee] = await loadMentees(tx, org, opts.clock, { ids: [pair.menteeId] });
  if (!volunteer || !mentee) throw new AppError('NOT_FOUND');
  const names = { mentee: nameOf(mentee), volunteer: nameOf(volunteer) };
  const refusals: Refusal[] = [];
  if (!isOneOf(CANDIDATE_STAGES, volunteer.stage)) refusals.push({ key: 'volunteer_unavailable', detail: { stage: volunteer.stage } });
  if (!isOneOf(MATCHABLE_STATUSES, mentee.status)) refusals.push({ key: 'mentee_unavailable', detail: { status: mentee.status } });
  if (await hasActiveMatch(tx, org, mentee.id, volunteer.id)) refusals.push({ key: 'pair_active', detail: {} });
  const contextFor = await loadContexts(tx, org, [mentee.programmeId], { menteeIds: [mentee.id], volunteerIds: [volunteer.id] });
  const scored = scorePair(mentee, volunteer, contextFor(mentee.programmeId));
  if (!scored.eligible) refusals.push(...scored.violations);
  if (refusals.length > 0 || !scored.eligible) return { ok: false, refusals, names };

  const covered = new Set(mentee.coveredNeeds);
  const uncovered = [...new Set(mentee.needs)].filter((n) => !covered.has(n));
  const offered = scored.components.find((c) => c.key === 'needs')?.detail.offered;
  const served = Array.isArray(offered) ? uncovered.filter((n) => offered.includes(n)) : [];
  const needs = served.length > 0 ? served : uncovered;
  const at = opts.clock.now;
  const matchId = await insertMatch(tx, org, {
    menteeId: mentee.id,
    volunteerId: volunteer.id,
    programmeId: mentee.programmeId,
    needs,
    score: scored.score,
    components: toStore(scored.components),
    origin: opts.origin,
    proposalId: opts.proposalId ?? null,
    createdByUserId: actor.userId,
    at,
  });
  await recordMenteeMatched(tx, org, { menteeId: mentee.id, fromStatus: mentee.status, matchId, volunteerId: volunteer.id, actorUserId: actor.userId, at });
  await audit(tx, actor, { action: 'match.create', entity: 'match', entityId: matchId, fields: ['mentee', 'volunteer', 'needs'] });
  return { ok: true, matchId, needs };
}

/**
 * Makes a match chosen from the suggestions, in one transaction that locks the volunteer and then the mentee. Of two
 * people taking a volunteer's last place at the same moment, the second waits for the lock, sees the first match and
 * is refused. Throws NOT_FOUND (also for another organisation's ids) or MatchRefusedError (nothing written).
 */
export async function createMatch(db: Db, actor: RequestActor, pair: { menteeId: string; volunteerId: string }, now = actor.clock.now): Promise<{ id: string; needs: string[] }> {
  return withTenant(db, actor, async (tx) => {
    const locked = await lockPeopleOfMatches(tx, actor.organisationId, [pair.volunteerId], [pair.menteeId]);
    if (!locked.volunteers.has(pair.volunteerId) || !locked.mentees.has(pair.menteeId)) throw new AppError('NOT_FOUND');
    const outcome = await makeMatchLocked(tx, actor, pair, { origin: 'suggestion', clock: clockOf(actor, now) });
    if (!outcome.ok) throw new MatchRefusedError(outcome.refusals, outcome.names);
    return { id: outcome.matchId, needs: outcome.needs };
  });
}

/** Keeps database rows out of pages and responses; reasons in the viewer's language. */
export function presentMatch(row: MatchRow, t: Translate, locale: Locale): MatchOutput {
  const components = componentsFromStore(row.components);
  const explained = explain(components, t, locale);
  return {
    id: row.id,
    mentee: { id: row.menteeId, givenName: row.menteeGivenName, familyName: row.menteeFamilyName },
    volunteer: { id: row.volunteerId, givenName: row.volunteerGivenName, familyName: row.volunteerFamilyName },
    programmeId: row.programmeId,
    needs: row.needs,
    status: row.status as MatchOutput['status'],
    origin: row.origin as MatchOutput['origin'],
    proposalId: row.proposalId,
    score: row.score,
    percent: percentOfComponents(row.score, components),
    summary: explained.summary,
    components: explained.components,
    startedAt: row.startedAt.toISOString(),
  };
}

/** One match with its reasons; audited `match.view`. NOT_FOUND for an unknown id or another organisation's. */
export async function viewMatch(db: Db, actor: RequestActor, id: string, t: Translate, locale: Locale) {
  return withTenant(db, actor, async (tx) => {
    const row = await findMatchById(tx, actor.organisationId, id);
    if (!row) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'match.view', entity: 'match', entityId: id });
    return { match: presentMatch(row, t, locale), programmeName: row.programmeName, createdByName: row.createdByName, timeZone: actor.org.timeZone };
  });
}

/** A page of matches (newest first) with the filters; audited `match.list`. */
export async function listMatches(db: Db, actor: RequestActor, query: MatchQuery, t: Translate, locale: Locale): Promise<MatchPage & { timeZone: string }> {
  return withTenant(db, actor, async (tx) => {
    const { rows, total } = await findMatches(tx, actor.organisationId, query, { offset: (query.page - 1) * MATCH_PAGE_SIZE, limit: MATCH_PAGE_SIZE });
    await audit(tx, actor, { action: 'match.list', entity: 'match', fields: rows.length ? ['name'] : [] });
    return { items: rows.map((r) => presentMatch(r, t, locale)), total, page: query.page, pageSize: MATCH_PAGE_SIZE, timeZone: actor.org.timeZone };
  });
}

import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { foldForSearch, type Locale, type Translate } from '../../../core/i18n/index.js';
import { loadContexts } from '../context.js';
import { explain, percentOfComponents } from '../explain-stored.js';
import { findMatches } from '../matches.repository.js';
import { MATCHABLE_STATUSES, presentMatch } from '../matches.service.js';
import { CANDIDATE_STAGES, loadDistricts, loadMentees, loadVolunteers, type MenteeCandidate, type VolunteerCandidate } from '../profiles.repository.js';
import { explainCaution, explainLeftOut, prepareVolunteers, rankMentees, rankVolunteers, type LeftOut, type Ranked } from '../scoring/index.js';
import { unknownGenderFor } from '../unknown-gender.js';
import type { MenteeProfile, VolunteerProfile } from '../scoring/types.js';
import { findExclusions } from './suggestions.repository.js';
import { SUGGESTION_LIMIT, type SuggestionQuery, type SuggestionsOutput } from './suggestions.schemas.js';
import { isOneOf } from '../../../core/one-of.js';

export interface Suggestion<P> {
  person: P;
  score: number;
  percent: number;
  /** Every place taken (only listed when the filter asks for full volunteers too). */
  full: boolean;
  summary: string;
  components: { key: string; points: number; max: number; reason: string }[];
  cautions: string[];
}

function present<P extends { id: string }>(r: Ranked<MenteeProfile | VolunteerProfile>, byId: Map<string, P>, full: boolean, t: Translate, locale: Locale): Suggestion<P> {
  const explained = explain(r.components, t, locale);
  return {
    person: byId.get(r.profile.id)!,
    score: r.score,
    percent: percentOfComponents(r.score, r.components) ?? 0,
    full,
    summary: explained.summary,
    components: explained.components,
    cautions: r.cautions.map((c) => explainCaution(c, t, locale)),
  };
}

/** Volunteers passing the page's filters (district and language compared without case or diacritics). */
function volunteerFilter(query: SuggestionQuery) {
  const district = query.district ? foldForSearch(query.district) : null;
  return (v: VolunteerProfile) =>
    (district === null || (v.district !== null && foldForSearch(v.district) === district)) &&
    (!query.language || v.languages.some((l) => l.code === query.language)) &&
    (!query.weekday || v.availability.some((slot) => slot.startsWith(`${query.weekday}-`)));
}

/**
 * The best volunteers for one mentee (at most SUGGESTION_LIMIT, best first) with reasons, how many were left out by a
 * hard constraint and why, the mentee's exclusions and active matches, and the filter choices. With `includeFull`,
 * volunteers whose only obstacle is a full capacity are ranked too and marked `full`. Audited
 * `matching.suggestions.view`. NOT_FOUND for an unknown mentee or another organisation's.
 */
export async function suggestionsForMentee(db: Db, actor: RequestActor, menteeId: string, query: SuggestionQuery, t: Translate, locale: Locale, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const org = actor.organisationId;
    const clock = clockOf(actor, now);
    const [mentee] = await loadMentees(tx, org, clock, { ids: [menteeId] });
    if (!mentee) throw new AppError('NOT_FOUND');
    const matchable = isOneOf(MATCHABLE_STATUSES, mentee.status);
    const volunteers = await loadVolunteers(tx, org, clock);
    const byId = new Map(volunteers.map((v) => [v.id, v]));
    const ctx = (await loadContexts(tx, org, [mentee.programmeId], { menteeIds: [mentee.id] }))(mentee.programmeId);
    // Shown but not matchable: a full volunteer is scored as if one place were free, and marked.
    const scored = query.includeFull ? volunteers.map((v) => (v.activeMatches >= v.capacity ? { ...v, activeMatches: v.capacity - 1 } : v)) : volunteers;
    const ranking = matchable ? rankVolunteers(mentee, prepareVolunteers(scored, ctx), ctx, { limit: SUGGESTION_LIMIT, filter: volunteerFilter(query) }) : null;
    const items = (ranking?.items ?? []).map((r) => {
      const v = byId.get(r.profile.id)!;
      return present(r, byId, v.activeMatches >= v.capacity, t, locale);
    });
    // A wish for a woman or a man rules out everyone whose gender was never recorded: name them, so it is not silent.
    const genderUnknown = matchable ? unknownGenderFor(mentee, scored.filter(volunteerFilter(query)), ctx) : [];
    const districts = new Set([...(await loadDistricts(tx, org)).keys(), ...volunteers.flatMap((v) => (v.district ? [v.district] : []))]);
    const result = {
      timeZone: clock.timeZone,
      mentee,
      matchable,
      items,
      eligible: ranking?.eligible ?? 0,
      leftOut: ranking?.leftOut ?? { count: 0, byKey: {} },
      /** Volunteers left out only because their gender is unknown while the mentee asked for a woman or a man. */
      genderUnknown: genderUnknown.map((v) => ({ id: v.id, givenName: v.givenName, familyName: v.familyName })),
      candidates: volunteers.length,
      exclusions: await findExclusions(tx, org, { menteeId }),
      activeMatches: (await findMatches(tx, org, { status: 'active', menteeId }, { offset: 0, limit: 50 })).rows.map((r) => presentMatch(r, t, locale)),
      options: {
        districts: [...districts].sort((a, b) => a.localeCompare(b, locale)),
        languages: [...new Set(volunteers.flatMap((v) => v.languages.map((l) => l.code)))].filter((c) => /^[a-z]{2,3}$/.test(c)).sort(),
      },
    };
    await audit(tx, actor, { action: 'matching.suggestions.view', entity: 'mentee', entityId: menteeId, fields: items.length ? ['name', 'profile'] : [] });
    return result;
  });
}
export type MenteeSuggestions = Awaited<ReturnType<typeof suggestionsForMentee>>;

/** The API's view of a mentee's suggestions: no database rows, reasons in the caller's language. */
export function presentSuggestions(s: MenteeSuggestions, t: Translate, locale: Locale): SuggestionsOutput {
  const m = s.mentee;
  return {
    mentee: { id: m.id, givenName: m.givenName, familyName: m.familyName, status: m.status, needs: m.needs, coveredNeeds: m.coveredNeeds, daysWaiting: m.daysWaiting },
    items: s.items.map((i) => ({
      volunteerId: i.person.id,
      givenName: i.person.givenName,
      familyName: i.person.familyName,
      score: i.score,
      percent: i.percent,
      activeMatches: i.person.activeMatches,
      capacity: i.person.capacity,
      full: i.full,
      summary: i.summary,
      components: i.components,
      cautions: i.cautions,
    })),
    eligible: s.eligible,
    leftOut: { count: s.leftOut.count, byKey: s.leftOut.byKey as Record<string, number>, text: s.leftOut.count > 0 ? explainLeftOut(s.leftOut, 'volunteers', t, locale) : '' },
    genderUnknown: s.genderUnknown.map((v) => ({ volunteerId: v.id, givenName: v.givenName, familyName: v.familyName })),
  };
}

/** Merges per-programme rankings: by percentage (weights differ between programmes), then score, then id. */
function mergeRankings(parts: { items: Ranked<MenteeProfile>[]; eligible: number; leftOut: LeftOut }[]) {
  const leftOut: LeftOut = { count: 0, byKey: {} };
  for (const p of parts) {
    leftOut.count += p.leftOut.count;
    for (const [k, n] of Object.entries(p.leftOut.byKey) as [keyof LeftOut['byKey'], number][]) leftOut.byKey[k] = (leftOut.byKey[k] ?? 0) + n;
  }
  const items = parts
    .flatMap((p) => p.items)
    .sort((a, b) => (percentOfComponents(b.score, b.components) ?? 0) - (percentOfComponents(a.score, a.components) ?? 0) || b.score - a.score || (a.profile.id < b.profile.id ? -1 : 1))
    .slice(0, SUGGESTION_LIMIT);
  return { items, eligible: parts.reduce((n, p) => n + p.eligible, 0), leftOut };
}

/**
 * The reverse: the best waiting mentees for one volunteer (each mentee scored with their own programme's weights),
 * with the volunteer's active matches and exclusions. Audited `matching.suggestions.view`. NOT_FOUND for an unknown
 * volunteer or another organisation's.
 */
export async function suggestionsForVolunteer(db: Db, actor: RequestActor, volunteerId: string, t: Translate, locale: Locale, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const org = actor.organisationId;
    const clock = clockOf(actor, now);
    const [volunteer] = await loadVolunteers(tx, org, clock, { ids: [volunteerId] });
    if (!volunteer) throw new AppError('NOT_FOUND');
    const available = isOneOf(CANDIDATE_STAGES, volunteer.stage);
    const waiting = available ? await loadMentees(tx, org, clock) : [];
    const byId = new Map<string, MenteeCandidate>(waiting.map((m) => [m.id, m]));
    const contextFor = await loadContexts(tx, org, waiting.map((m) => m.programmeId), { volunteerIds: [volunteerId] });
    const groups = new Map<string | null, MenteeCandidate[]>();
    for (const m of waiting) groups.set(m.programmeId, [...(groups.get(m.programmeId) ?? []), m]);
    const merged = mergeRankings([...groups].map(([programmeId, list]) => rankMentees(volunteer, list, contextFor(programmeId), { limit: SUGGESTION_LIMIT })));
    const items = merged.items.map((r) => present(r, byId, false, t, locale));
    const result = {
      timeZone: clock.timeZone,
      volunteer: volunteer as VolunteerCandidate,
      available,
      items,
      eligible: merged.eligible,
      leftOut: merged.leftOut,
      candidates: waiting.length,
      exclusions: await findExclusions(tx, org, { volunteerId }),
      activeMatches: (await findMatches(tx, org, { status: 'active', volunteerId }, { offset: 0, limit: 50 })).rows.map((r) => presentMatch(r, t, locale)),
    };
    await audit(tx, actor, { action: 'matching.suggestions.view', entity: 'volunteer', entityId: volunteerId, fields: items.length ? ['name', 'profile'] : [] });
    return result;
  });
}
export type VolunteerSuggestions = Awaited<ReturnType<typeof suggestionsForVolunteer>>;

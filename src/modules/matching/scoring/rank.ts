/**
 * Suggestions: the best eligible volunteers for one mentee (and the reverse), with how many were left out and why.
 * The loop over candidates only checks constraint facts and adds up numbers; components and cautions (allocations,
 * strings) are built for the `limit` shown.
 */
import { componentsOf, scoreOf } from './components.js';
import { cautionsOf, VIOLATION_KEYS, violationMask } from './constraints.js';
import { newVocabulary, prepareMentee, prepareVolunteer, type PreparedMentee, type PreparedVolunteer, type PreparedVolunteers } from './prepare.js';
import { TopK } from './top-k.js';
import type { Caution, Component, MenteeProfile, ScoringContext, ViolationKey, VolunteerProfile } from './types.js';

export interface RankOptions<P> {
  /** how many to return (Infinity: all eligible) */
  limit: number;
  /** candidates failing the filter are skipped entirely: neither ranked nor counted as left out */
  filter?: (profile: P) => boolean;
}

export interface Ranked<P> {
  profile: P;
  score: number;
  components: Component[];
  cautions: Caution[];
}

/**
 * Candidates that break a hard constraint. `byKey` counts candidates per broken constraint; one candidate breaking
 * two constraints counts under both, so the counts may add up to more than `count`.
 */
export interface LeftOut {
  count: number;
  byKey: Partial<Record<ViolationKey, number>>;
}

export interface Ranking<P> {
  /** best first; equal scores by id */
  items: Ranked<P>[];
  /** eligible candidates that passed the filter (items is the best `limit` of them) */
  eligible: number;
  leftOut: LeftOut;
}

export class LeftOutCounter {
  private readonly counts = new Array<number>(VIOLATION_KEYS.length).fill(0);
  count = 0;

  add(mask: number): void {
    this.count++;
    for (let rest = mask; rest !== 0; rest &= rest - 1) this.counts[31 - Math.clz32(rest & -rest)]!++;
  }

  result(): LeftOut {
    const byKey: LeftOut['byKey'] = {};
    VIOLATION_KEYS.forEach((key, i) => {
      if (this.counts[i]! > 0) byKey[key] = this.counts[i]!;
    });
    return { count: this.count, byKey };
  }
}

function ranked<P>(profile: P, pm: PreparedMentee, pv: PreparedVolunteer, score: number, ctx: ScoringContext): Ranked<P> {
  return { profile, score, components: componentsOf(pm, pv, ctx.weights), cautions: cautionsOf(pm, pv) };
}

/**
 * The hot loop, in a function of its own: V8 optimises it while it runs, and the rarely run code around it (building
 * the shown items) would otherwise lack type feedback and throw the optimised loop away on every call.
 */
export function scan(
  pm: PreparedMentee,
  list: readonly PreparedVolunteer[],
  weights: ScoringContext['weights'],
  filter: ((v: VolunteerProfile) => boolean) | undefined,
  top: TopK,
  leftOut: LeftOutCounter,
): number {
  let eligible = 0;
  for (let i = 0; i < list.length; i++) {
    const pv = list[i]!;
    if (filter && !filter(pv.profile)) continue;
    const mask = violationMask(pm, pv);
    if (mask !== 0) leftOut.add(mask);
    else {
      eligible++;
      top.offer(i, scoreOf(pm, pv, weights), pv.id);
    }
  }
  return eligible;
}

/**
 * The best `limit` eligible volunteers for a mentee, best first (ties by volunteer id), each with its components;
 * the same scores as `scorePair`. Prepare the volunteers once (`prepareVolunteers`) and rank many mentees.
 */
export function rankVolunteers(
  mentee: MenteeProfile,
  prepared: PreparedVolunteers,
  ctx: ScoringContext,
  opts: RankOptions<VolunteerProfile>,
): Ranking<VolunteerProfile> {
  const pm = prepareMentee(mentee, ctx, prepared.vocabulary);
  const list = prepared.list;
  const top = new TopK(opts.limit, list.length);
  const leftOut = new LeftOutCounter();
  const eligible = scan(pm, list, ctx.weights, opts.filter, top, leftOut);
  const items = top.result().map(({ index, score }) => ranked(list[index]!.profile, pm, list[index]!, score, ctx));
  return { items, eligible, leftOut: leftOut.result() };
}

/** The reverse: the best `limit` eligible mentees for one volunteer, best first (ties by mentee id). */
export function rankMentees(
  volunteer: VolunteerProfile,
  mentees: readonly MenteeProfile[],
  ctx: ScoringContext,
  opts: RankOptions<MenteeProfile>,
): Ranking<MenteeProfile> {
  const vocabulary = newVocabulary();
  const pv = prepareVolunteer(volunteer, ctx, vocabulary);
  const top = new TopK(opts.limit, mentees.length);
  const leftOut = new LeftOutCounter();
  const prepared: PreparedMentee[] = new Array(mentees.length);
  let eligible = 0;
  mentees.forEach((m, i) => {
    if (opts.filter && !opts.filter(m)) return;
    const pm = (prepared[i] = prepareMentee(m, ctx, vocabulary));
    const mask = violationMask(pm, pv);
    if (mask !== 0) leftOut.add(mask);
    else {
      eligible++;
      top.offer(i, scoreOf(pm, pv, ctx.weights), m.id);
    }
  });
  const items = top.result().map(({ index, score }) => ranked(mentees[index]!, prepared[index]!, pv, score, ctx));
  return { items, eligible, leftOut: leftOut.result() };
}

/**
 * The volunteer pipeline as pure rules (no I/O), so pages, the API, bulk moves and tests share one truth.
 *
 *   applied → contacted → interview_scheduled → interviewed → training → approved → active ⇄ paused → ended
 *   rejected / withdrawn from any stage before ended, with a reason.
 */
import type { SafeguardingRequirement } from '../screening/requirements.js';
import type { MessageKey } from '../../../core/i18n/message-keys.js';

export const STAGES = ['applied', 'contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active', 'paused', 'ended', 'rejected', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages of the board, in order; rejected and withdrawn are shown apart. */
export const BOARD_STAGES: readonly Stage[] = ['applied', 'contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active', 'paused', 'ended'];
export const TERMINAL: ReadonlySet<Stage> = new Set<Stage>(['ended', 'rejected', 'withdrawn']);

const NEXT: Record<Stage, readonly Stage[]> = {
  applied: ['contacted'],
  contacted: ['interview_scheduled'],
  interview_scheduled: ['interviewed', 'contacted'],
  interviewed: ['training'],
  training: ['approved'],
  approved: ['active'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
  rejected: [],
  withdrawn: [],
};

/** Moves that need a reason in words. */
export const NEEDS_REASON: ReadonlySet<Stage> = new Set<Stage>(['rejected', 'withdrawn', 'paused', 'ended']);

/** The stages a volunteer goes through on the way in, in order: the only ones that can be passed in one step. */
export const FORWARD: readonly Stage[] = ['applied', 'contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active'];

/** How a signed agreement was accepted: in Tandem (documentary form) or in written form (paper, qualified e-signature). */
export type AgreementForm = 'none' | 'electronic' | 'written';

/** What the rules need to know about a volunteer at the moment of the move. */
export interface VolunteerFacts {
  stage: Stage;
  worksWithMinors: boolean;
  /** What the law of the organisation's country still asks before work with minors (screening/requirements.ts); empty = cleared. */
  safeguardingMissing: readonly SafeguardingRequirement[];
  /** Planned length of service in days; null means open-ended (over 30 days). */
  plannedDays: number | null;
  /** The strongest acceptance of a current agreement. */
  agreement: AgreementForm;
  /** Which acceptance counts for service over 30 days: the law's written form, or (on the organisation's lawyer's advice) electronic. */
  longServiceForm: 'written' | 'electronic';
  /** Accident insurance (NNW) recorded that has not ended before today. */
  insured: boolean;
  /** The health-and-safety information acknowledged, with its date. */
  healthSafetyAcknowledged: boolean;
  /** Travel-cost reimbursement or its written waiver recorded. */
  travelCostsRecorded: boolean;
  /** Under 18 and the guardian has not confirmed yet. */
  awaitingGuardian: boolean;
}

/** One thing missing before a move, named so the page can say it and link to where it is fixed. */
export type Requirement = SafeguardingRequirement | 'agreement' | 'agreement_written' | 'insurance' | 'health_safety' | 'travel_costs';

export type TransitionCheck = { ok: true } | { ok: false; reason: MessageKey; params?: Record<string, string | number>; missing?: Requirement[] };

/** The stages a volunteer may move to now in one step (before the rules about documents are checked). */
export function nextStages(from: Stage): Stage[] {
  if (TERMINAL.has(from)) return [];
  return [...NEXT[from], 'rejected', 'withdrawn'];
}

/** Service of more than 30 days, or open-ended: the law asks for a written agreement. */
export const isLongService = (plannedDays: number | null) => plannedDays === null || plannedDays > 30;

/**
 * Everything missing before activation, in the order a coordinator collects it (Polish law):
 * safeguarding for work with minors (the 2016 Act); for service over 30 days an agreement in written form
 * (art. 44 of the 2003 Act; a click is documentary form, Civil Code art. 77², unless the organisation chose
 * electronic acceptance on its lawyer's advice); for 30 days or less accident insurance (art. 46); for everyone
 * the health-and-safety information acknowledged (art. 45) and travel costs reimbursed or waived in writing.
 */
export function activationMissing(v: VolunteerFacts): Requirement[] {
  const missing: Requirement[] = v.worksWithMinors ? [...v.safeguardingMissing] : [];
  if (isLongService(v.plannedDays)) {
    const enough = v.agreement === 'written' || (v.agreement === 'electronic' && v.longServiceForm === 'electronic');
    if (!enough) missing.push(v.agreement === 'electronic' ? 'agreement_written' : 'agreement');
  } else if (!v.insured) missing.push('insurance');
  if (!v.healthSafetyAcknowledged) missing.push('health_safety');
  if (!v.travelCostsRecorded) missing.push('travel_costs');
  return missing;
}

/** The message of a refusal for missing things: named after the first of them (safeguarding, agreement, …). */
function missingReason(first: Requirement): MessageKey {
  if (first === 'agreement' || first === 'agreement_written') return 'volunteers.rule.agreementRequired';
  if (first === 'insurance') return 'volunteers.rule.insuranceRequired';
  if (first === 'health_safety' || first === 'travel_costs') return 'volunteers.rule.legalRequired';
  return 'volunteers.rule.safeguardingRequired';
}

/**
 * Whether a one-stage move is allowed, and if not, the message key that says why (shown to the coordinator) and
 * exactly what is missing. Approval of someone who will work with minors needs the safeguarding the law asks;
 * activation needs everything of `activationMissing`.
 */
export function checkTransition(v: VolunteerFacts, to: Stage, reason?: string): TransitionCheck {
  if (v.stage === to) return { ok: false, reason: 'volunteers.rule.sameStage' };
  if (!nextStages(v.stage).includes(to)) return { ok: false, reason: 'volunteers.rule.notAllowed' };
  if (NEEDS_REASON.has(to) && !reason?.trim()) return { ok: false, reason: 'volunteers.rule.reasonRequired' };
  if (v.awaitingGuardian && to !== 'rejected' && to !== 'withdrawn') return { ok: false, reason: 'volunteers.rule.awaitingGuardian' };
  const missing: Requirement[] = to === 'approved' && v.worksWithMinors ? [...v.safeguardingMissing] : to === 'active' ? activationMissing(v) : [];
  if (missing.length > 0) return { ok: false, reason: missingReason(missing[0]!), missing };
  return { ok: true };
}

/**
 * The stages passed on the way from `from` to `to`, `to` included: one stage for an ordinary move, several when
 * a coordinator takes an applicant forward through the intake stages in one step. Null when `to` is not ahead.
 *
 * @example pathTo('contacted', 'training') // ['interview_scheduled', 'interviewed', 'training']
 */
export function pathTo(from: Stage, to: Stage): Stage[] | null {
  if (nextStages(from).includes(to)) return [to];
  const i = FORWARD.indexOf(from);
  const j = FORWARD.indexOf(to);
  if (i < 0 || j <= i) return null;
  return FORWARD.slice(i + 1, j + 1);
}

/** Every stage a coordinator can choose from `from`: the next ones, then the further intake stages ahead. */
export function reachableStages(from: Stage): Stage[] {
  const next = nextStages(from);
  const i = FORWARD.indexOf(from);
  const further = i < 0 ? [] : FORWARD.slice(i + 1).filter((s) => !next.includes(s));
  return [...next.filter((s) => !NEEDS_REASON.has(s)), ...further, ...next.filter((s) => NEEDS_REASON.has(s))];
}

/**
 * A move through one or more stages: every step is checked as if the ones before it had been made, and the move
 * is allowed only when all of them are. A refusal names the stage where the way stops and everything missing
 * on the whole way (so one look tells the coordinator all there is to record).
 */
export function checkPath(v: VolunteerFacts, to: Stage, reason?: string): TransitionCheck & { path?: Stage[]; stoppedAt?: Stage } {
  const path = pathTo(v.stage, to);
  if (!path) return checkTransition(v, to, reason);
  let at = v.stage;
  const missing: Requirement[] = [];
  let first: (TransitionCheck & { ok: false }) | undefined;
  let stoppedAt: Stage | undefined;
  for (const step of path) {
    const r = checkTransition({ ...v, stage: at }, step, step === to ? reason : undefined);
    if (!r.ok) {
      if (!r.missing) return { ...r, stoppedAt: step };
      first ??= r;
      stoppedAt ??= step;
      for (const m of r.missing) if (!missing.includes(m)) missing.push(m);
    }
    at = step;
  }
  if (first) return { ...first, missing, stoppedAt };
  return { ok: true, path };
}

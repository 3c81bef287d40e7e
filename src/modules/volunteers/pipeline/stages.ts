/**
 * The volunteer pipeline as pure rules (no I/O), so pages, the API, bulk moves and tests share one truth.
 *
 *   applied → contacted → interview_scheduled → interviewed → training → approved → active ⇄ paused → ended
 *   rejected / withdrawn from any stage before ended, with a reason.
 */
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

/** What the rules need to know about a volunteer at the moment of the move. */
export interface VolunteerFacts {
  stage: Stage;
  worksWithMinors: boolean;
  /** A recorded safeguarding check that is valid today. */
  safeguardingValid: boolean;
  /** Planned length of service in days; null means open-ended (over 30 days). */
  plannedDays: number | null;
  /** An agreement accepted electronically or marked signed on paper. */
  agreementSigned: boolean;
  /** Under 18 and the guardian has not confirmed yet. */
  awaitingGuardian: boolean;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string; params?: Record<string, string | number> };

/** The stages a volunteer may move to now (before the rules about documents are checked). */
export function nextStages(from: Stage): Stage[] {
  if (TERMINAL.has(from)) return [];
  return [...NEXT[from], 'rejected', 'withdrawn'];
}

/**
 * Whether a move is allowed, and if not, the message key that says why (shown to the coordinator).
 * Polish law: service over 30 days needs a written agreement (art. 44 of the 2003 Act); work with minors
 * needs the check of the register of sex offenders (2016 Act) — in Germany § 72a SGB VIII.
 */
export function checkTransition(v: VolunteerFacts, to: Stage, reason?: string): TransitionCheck {
  if (v.stage === to) return { ok: false, reason: 'volunteers.rule.sameStage' };
  if (!nextStages(v.stage).includes(to)) return { ok: false, reason: 'volunteers.rule.notAllowed' };
  if (NEEDS_REASON.has(to) && !reason?.trim()) return { ok: false, reason: 'volunteers.rule.reasonRequired' };
  if (v.awaitingGuardian && to !== 'rejected' && to !== 'withdrawn') return { ok: false, reason: 'volunteers.rule.awaitingGuardian' };
  if (to === 'approved' && v.worksWithMinors && !v.safeguardingValid) return { ok: false, reason: 'volunteers.rule.safeguardingRequired' };
  if (to === 'active') {
    const longService = v.plannedDays === null || v.plannedDays > 30;
    if (longService && !v.agreementSigned) return { ok: false, reason: 'volunteers.rule.agreementRequired' };
    if (v.worksWithMinors && !v.safeguardingValid) return { ok: false, reason: 'volunteers.rule.safeguardingRequired' };
  }
  return { ok: true };
}

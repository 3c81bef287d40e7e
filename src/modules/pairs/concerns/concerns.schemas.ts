import { z } from 'zod';
import { optionalMultilineText, requiredMultilineText, requiredText } from '../../../core/http/validation.js';

export const SEVERITIES = ['low', 'medium', 'high', 'safeguarding'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type ConcernStatus = (typeof STATUSES)[number];
export const ACTION_KINDS = ['note', 'action'] as const;

/** High and safeguarding concerns reach every responsible staff member at once. */
export const isUrgent = (severity: string) => severity === 'high' || severity === 'safeguarding';

/**
 * Where a concern may go next: forward through the work, back to work from resolved; closing only after resolving.
 * A closed concern stays closed (a new concern is raised instead).
 */
const NEXT: Record<ConcernStatus, readonly ConcernStatus[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};
export const nextStatuses = (status: ConcernStatus): readonly ConcernStatus[] => NEXT[status] ?? [];

/** Raising a concern about a pair (staff and the pair's volunteer use the same fields). */
export const RaiseInput = z
  .object({
    matchId: z.string().trim().uuid(),
    severity: z.enum(SEVERITIES),
    summary: requiredText(200),
    description: optionalMultilineText(5000),
  })
  .strict();
export type RaiseInput = z.output<typeof RaiseInput>;

/** The version the user saw: a hidden field, so a stale form is refused (409), never silently applied. */
const version = z.coerce.number().int().min(1);

export const AssignInput = z.object({ version, assigneeUserId: z.string().trim().uuid() }).strict();
export type AssignInput = z.output<typeof AssignInput>;

export const ActionInput = z.object({ kind: z.enum(ACTION_KINDS), text: requiredMultilineText(2000) }).strict();
export type ActionInput = z.output<typeof ActionInput>;

export const StatusInput = z
  .object({ version, status: z.enum(STATUSES), resolution: optionalMultilineText(2000) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'resolved' && !v.resolution) ctx.addIssue({ code: 'custom', path: ['resolution'], params: { key: 'pairs.concerns.validation.resolutionRequired' } });
  });
export type StatusInput = z.output<typeof StatusInput>;

/**
 * Staff escalation: a higher severity and the reason in words (the service refuses a severity that is not higher than
 * the current one, next to the field).
 */
export const EscalateInput = z.object({ version, severity: z.enum(SEVERITIES), reason: requiredMultilineText(1000) }).strict();
export type EscalateInput = z.output<typeof EscalateInput>;

/** "I have seen this / taking it": nothing to send (the form carries only its CSRF token). */
export const AcknowledgeInput = z.object({}).strict();

/** The severities above `severity`, in order (what an escalation may choose). */
export const higherThan = (severity: Severity): readonly Severity[] => SEVERITIES.slice(SEVERITIES.indexOf(severity) + 1);

/**
 * How long an urgent concern may stay unacknowledged before it escalates by itself, in hours from when it got its
 * severity. The hourly job checks, so it escalates within the hour after the limit.
 */
export const AUTO_ESCALATION_HOURS = { high: 24, safeguarding: 4 } as const;

/** A filter left blank (the list form's "all") is no filter. */
const blankAsAll = (v: unknown) => (v === '' ? undefined : v);

/**
 * Filters of the list (`/concerns` and the API). The page reads them leniently (a value it does not know means
 * "no filter"); the API answers 422.
 */
export const ListQuery = z.object({
  status: z.preprocess(blankAsAll, z.enum(STATUSES).optional()),
  severity: z.preprocess(blankAsAll, z.enum(SEVERITIES).optional()),
});
export type ListQuery = z.output<typeof ListQuery>;

/** `?matchId=` of the raise forms: a malformed one is ignored (the form offers a choice). */
export const MatchQuery = z.object({ matchId: z.string().uuid().optional().catch(undefined) });

// --- API outputs (view models, never rows) -------------------------------------------------------

const uuid = z.string().uuid();
const instant = z.string().datetime();

/** A pair a concern may be raised about: the match id to send as `matchId`, and both names. */
export const RaisablePair = z.object({ matchId: uuid, volunteerName: z.string().nullable(), menteeName: z.string().nullable() });
export type RaisablePair = z.infer<typeof RaisablePair>;
export const RaisablePairs = z.object({ items: z.array(RaisablePair) });

/** A concern in the staff list. */
export const ConcernListItem = z.object({
  id: uuid,
  matchId: uuid.nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  summary: z.string(),
  createdAt: instant,
  volunteerName: z.string().nullable(),
  menteeName: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
export type ConcernListItem = z.infer<typeof ConcernListItem>;
export const ConcernList = z.object({ items: z.array(ConcernListItem) });
export type ConcernList = z.infer<typeof ConcernList>;

/**
 * One entry of a concern's history. `from`/`to`: statuses for `status` (no `from` when it was raised), severities for
 * `escalated`; `automatic` and `hours` for the automatic escalation; `assigneeName` for `assigned`.
 */
export const ConcernHistoryEntry = z.object({
  id: uuid,
  at: instant,
  kind: z.enum(['note', 'action', 'assigned', 'status', 'acknowledged', 'escalated']),
  byName: z.string().nullable(),
  text: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  automatic: z.boolean(),
  hours: z.number().nullable(),
  assigneeName: z.string().nullable(),
});

/**
 * A concern as the staff on its case see it, with its history, the next statuses and severities it may move to, and
 * the staff it may be assigned to (`mayAssignAway`: false when the assignment is the caller's only link to the case,
 * so only they may be chosen). `version` goes with every change.
 */
export const ConcernOutput = ConcernListItem.extend({
  description: z.string(),
  raisedAs: z.string(),
  raisedByName: z.string().nullable(),
  assignedToUserId: uuid.nullable(),
  resolution: z.string().nullable(),
  version: z.number().int(),
  severitySince: instant,
  acknowledgedAt: instant.nullable(),
  acknowledgedByName: z.string().nullable(),
  escalatedAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  closedAt: instant.nullable(),
  nextStatuses: z.array(z.enum(STATUSES)),
  escalateTo: z.array(z.enum(SEVERITIES)),
  staff: z.array(z.object({ userId: uuid, givenName: z.string(), familyName: z.string() })),
  mayAssignAway: z.boolean(),
  history: z.array(ConcernHistoryEntry),
});
export type ConcernOutput = z.infer<typeof ConcernOutput>;

/** A concern its volunteer raised: what they may know is the status, never staff notes. */
export const MyConcern = z.object({ id: uuid, summary: z.string(), severity: z.enum(SEVERITIES), status: z.enum(STATUSES), createdAt: instant, menteeGivenName: z.string().nullable() });
export type MyConcern = z.infer<typeof MyConcern>;
/** The volunteer's own concerns, newest first, and the pairs they may raise one about. */
export const MyConcerns = z.object({ concerns: z.array(MyConcern), pairs: z.array(z.object({ matchId: uuid, menteeGivenName: z.string().nullable() })) });
export type MyConcerns = z.infer<typeof MyConcerns>;

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

/** The severities above `severity`, in order (what an escalation may choose). */
export const higherThan = (severity: Severity): readonly Severity[] => SEVERITIES.slice(SEVERITIES.indexOf(severity) + 1);

/**
 * How long an urgent concern may stay unacknowledged before it escalates by itself, in hours from when it got its
 * severity. The hourly job checks, so it escalates within the hour after the limit.
 */
export const AUTO_ESCALATION_HOURS = { high: 24, safeguarding: 4 } as const;

/** Filters of the list; anything unknown in the query string means "no filter". */
export const ListQuery = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
});
export type ListQuery = z.output<typeof ListQuery>;

/** `?matchId=` of the raise forms: a malformed one is ignored (the form offers a choice). */
export const MatchQuery = z.object({ matchId: z.string().uuid().optional().catch(undefined) });

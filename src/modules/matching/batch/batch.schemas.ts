import { z } from 'zod';
import { optionalMultilineText } from '../../../core/http/validation.js';
import { ComponentOutput } from '../matches.schemas.js';

/** Inputs and outputs of batch matching (pages and API). */

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Which waiting list to match: one programme's, or the whole organisation's (`all`, also when left out or null). */
export const RunInput = z
  .object({
    programmeId: z.preprocess(
      (v) => (v === null || emptyToUndefined(v) === undefined ? 'all' : typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.union([z.literal('all'), z.string().uuid()]),
    ),
  })
  .strict()
  .transform((v) => ({ programmeId: v.programmeId === 'all' ? null : v.programmeId }));
export type RunInput = z.output<typeof RunInput>;

/** A rejection: an optional reason, and "never propose this pair again" (which needs the reason, kept with the exclusion). */
export const RejectInput = z
  .object({
    reason: optionalMultilineText(500),
    exclude: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()).default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.exclude && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], params: { key: 'matching.batch.reasonForExclusion' } });
  });
export type RejectInput = z.output<typeof RejectInput>;

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected', 'stale'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

const PersonName = z.object({ id: z.string().uuid(), givenName: z.string(), familyName: z.string() });

export const ProposalOutput = z.object({
  id: z.string().uuid(),
  runId: z.string().uuid(),
  mentee: PersonName,
  volunteer: PersonName,
  score: z.number(),
  percent: z.number().int(),
  summary: z.string(),
  components: z.array(ComponentOutput),
  status: z.enum(PROPOSAL_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The reviewer's reason (rejected) or, for a stale proposal, why it could not be accepted, in words. */
  reason: z.string().nullable(),
  matchId: z.string().uuid().nullable(),
});
export type ProposalOutput = z.infer<typeof ProposalOutput>;

export const RunOutput = z.object({
  id: z.string().uuid(),
  programmeId: z.string().uuid().nullable(),
  programmeName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  mentees: z.number().int(),
  volunteers: z.number().int(),
  candidatePairs: z.number().int(),
  matched: z.number().int(),
  total: z.number(),
  milliseconds: z.number().int(),
  proposals: z.array(ProposalOutput),
  /** Everyone on the list the run could not propose a pair for, and why in words (empty for runs before 2026-12). */
  unmatched: z.array(z.object({ mentee: PersonName, waiting: z.boolean(), eligible: z.number().int(), reason: z.string() })),
});
export type RunOutput = z.infer<typeof RunOutput>;

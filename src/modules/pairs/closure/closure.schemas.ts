import { z } from 'zod';
import { isoDate, optionalMultilineText } from '../../../core/http/validation.js';
import { END_REASONS, RETURN_CHOICES } from './reasons.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const ticked = z.preprocess((v) => v === 'true' || v === 'on' || v === true, z.boolean());

/** The closing conversation with one side as it comes from the form: every field optional here. */
const heldOn = () => z.preprocess(blank, isoDate().optional());
const rating = () => z.preprocess(blank, z.coerce.number().int().min(1).max(5).optional());

export interface ClosingConversation {
  heldOn: string;
  rating: number | null;
  notes: string | null;
}

/**
 * Ending a pair (the form on /pairs/:matchId/close). A side's closing conversation is recorded when a rating or notes
 * are given, and then needs its date; `reasonText` is required for `other`. Dates against today and the match's
 * start are checked by the service, which knows the organisation's zone.
 */
export const CloseInput = z
  .object({
    version: z.coerce.number().int().min(1),
    reason: z.enum(END_REASONS),
    reasonText: optionalMultilineText(500),
    returnChoice: z.preprocess((v) => blank(v) ?? 'auto', z.enum(RETURN_CHOICES)),
    sendThanks: ticked,
    volunteerHeldOn: heldOn(),
    volunteerRating: rating(),
    volunteerNotes: optionalMultilineText(2000),
    menteeHeldOn: heldOn(),
    menteeRating: rating(),
    menteeNotes: optionalMultilineText(2000),
  })
  // Unknown fields are refused (422), as in every other input: a client sending `status` or `organisationId` learns
  // that they are not its to set instead of having them dropped in silence.
  .strict()
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.reasonText) ctx.addIssue({ code: 'custom', path: ['reasonText'], params: { key: 'pairs.closure.validation.otherText' } });
    for (const p of ['volunteer', 'mentee'] as const) {
      const given = v[`${p}Rating`] !== undefined || v[`${p}Notes`] !== undefined;
      if (given && v[`${p}HeldOn`] === undefined) ctx.addIssue({ code: 'custom', path: [`${p}HeldOn`], params: { key: 'pairs.closure.validation.heldOnRequired' } });
    }
  })
  .transform((v) => {
    const conversation = (p: 'volunteer' | 'mentee'): ClosingConversation | null => {
      const given = { rating: v[`${p}Rating`], notes: v[`${p}Notes`], heldOn: v[`${p}HeldOn`] };
      if (given.rating === undefined && given.notes === undefined) return null;
      return { heldOn: given.heldOn!, rating: given.rating ?? null, notes: given.notes ?? null };
    };
    return {
      version: v.version,
      reason: v.reason,
      reasonText: v.reason === 'other' ? (v.reasonText ?? null) : null,
      returnChoice: v.returnChoice,
      sendThanks: v.sendThanks,
      volunteer: conversation('volunteer'),
      mentee: conversation('mentee'),
    };
  });
export type CloseInput = z.output<typeof CloseInput>;

// --- The JSON API ---------------------------------------------------------------------------------

const Side = z.object({ givenName: z.string(), familyName: z.string() });

/** What the closing form shows: the pair, its `version` (send it back to close), its first day and today (organisation's zone). */
export const CloseFormOutput = z.object({
  matchId: z.string().uuid(),
  status: z.enum(['active', 'paused']),
  version: z.number().int(),
  startedOn: z.string(),
  today: z.string(),
  volunteer: Side.extend({ hasEmail: z.boolean() }),
  mentee: Side.extend({ status: z.string() }),
});

/** A pair just ended: its new version, the reason, and what happened to the mentee and the thank-you. */
export const ClosedOutput = z.object({
  matchId: z.string().uuid(),
  status: z.literal('closed'),
  version: z.number().int(),
  endedAt: z.string().datetime(),
  reason: z.enum(END_REASONS),
  reasonText: z.string().nullable(),
  /** The mentee's status afterwards: `waiting` (back on the list, keeping their place), `closed`, or unchanged while another pair of theirs runs. */
  menteeStatus: z.string(),
  returned: z.boolean(),
  /** Whether the thank-you mail was queued (asked for, and the volunteer has an e-mail address). */
  thanked: z.boolean(),
});

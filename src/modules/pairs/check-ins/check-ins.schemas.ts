import { z } from 'zod';
import { isoDate, optionalMultilineText, requiredMultilineText } from '../../../core/http/validation.js';
import { isOneOf } from '../../../core/one-of.js';
import { PairOutput, PairPerson } from '../meetings/meetings.schemas.js';

export const SIDES = ['volunteer', 'mentee'] as const;
export type Side = (typeof SIDES)[number];
export const RATINGS = [1, 2, 3, 4, 5] as const;

const choice = <T extends string>(values: readonly T[], key: string) =>
  z.unknown().transform((v, ctx) => {
    if (typeof v !== 'string' || !isOneOf(values, v)) {
      ctx.addIssue({ code: 'custom', params: { key } });
      return z.NEVER;
    }
    return v as T;
  });

const rating = z.unknown().transform((v, ctx) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[1-5]$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    ctx.addIssue({ code: 'custom', params: { key: 'pairs.checkIns.validation.rating' } });
    return z.NEVER;
  }
  return n;
});

const fields = z
  .object({
    side: choice(SIDES, 'pairs.checkIns.validation.side').describe('`volunteer` or `mentee`: whom the check-in was with'),
    heldOn: isoDate(),
    rating: rating.describe('1 (badly) … 5 (very well): a number, or its digit as text'),
    howItGoes: requiredMultilineText(2000),
    notes: optionalMultilineText(4000),
  })
  .strict();

/**
 * A check-in with one side of a pair: held on a day that is not in the future (in the organisation's zone) and not
 * before the match started, a rating 1–5, how it goes and optional notes. Built per request: "today" and the start
 * are the pair's.
 */
export function checkInInput(today: string, startedOn: string) {
  return fields.superRefine((v, ctx) => {
    if (v.heldOn > today) ctx.addIssue({ code: 'custom', path: ['heldOn'], params: { key: 'pairs.checkIns.validation.future' } });
    else if (v.heldOn < startedOn) ctx.addIssue({ code: 'custom', path: ['heldOn'], params: { key: 'pairs.checkIns.validation.beforeStart' } });
  });
}
export type CheckInInput = z.output<typeof fields>;

const userId = (key: string) =>
  z.unknown().transform((v, ctx) => {
    if (typeof v !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v.trim())) {
      ctx.addIssue({ code: 'custom', params: { key } });
      return z.NEVER;
    }
    return v.trim().toLowerCase();
  });

/** A cover: who is away, who covers, from and to (whole days, the end not before the start), an optional note. */
export const coverInput = z
  .object({
    absentUserId: userId('pairs.covers.validation.absent'),
    coverUserId: userId('pairs.covers.validation.cover'),
    startsOn: isoDate(),
    endsOn: isoDate(),
    note: optionalMultilineText(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], params: { key: 'pairs.covers.validation.endBeforeStart' } });
    if (v.absentUserId === v.coverUserId) ctx.addIssue({ code: 'custom', path: ['coverUserId'], params: { key: 'pairs.covers.validation.samePerson' } });
  });
export type CoverInput = z.output<typeof coverInput>;

/** The request body of the JSON API's check-in, for the OpenAPI document: the form's fields; the date is checked against today and the pair's start when the request comes. */
export const CheckInBody = fields;

// --- Outputs of the JSON API (view models, never rows) ----------------------------------------

/** A check-in with one side: `regular`, or `closing` (the closing conversation when the pair ended). */
export const CheckInOutput = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  side: z.enum(SIDES),
  kind: z.enum(['regular', 'closing']),
  heldOn: z.string(),
  /** 1 (badly) … 5 (very well); a closing conversation may have none. */
  rating: z.number().int().min(1).max(5).nullable(),
  howItGoes: z.string().nullable(),
  notes: z.string().nullable(),
  /** The display name of whoever recorded it. */
  recordedBy: z.string().nullable(),
  createdAt: z.string().datetime(),
});
export type CheckInOutput = z.infer<typeof CheckInOutput>;

/** A pair's check-ins (newest first) and the day the next one with each side is due (null: the pair is not active). */
export const CheckInsOutput = z.object({
  pair: PairOutput,
  items: z.array(CheckInOutput),
  due: z.object({ volunteer: z.string().nullable(), mentee: z.string().nullable() }),
  today: z.string(),
});

const Followed = { matchId: z.string().uuid(), coordinatorUserId: z.string().uuid().nullable(), volunteer: PairPerson, mentee: PairPerson, days: z.number().int() };

/** `?all=1` (or `true`): every pair of the organisation, for administrators and coordinators; the pairs I follow otherwise. */
export const OverdueQuery = z.object({ all: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true') }).strict();

/** Overdue check-ins (most overdue first) and quiet pairs (longest quiet first); `days` are whole days in the organisation's zone. */
export const OverdueOutput = z.object({
  all: z.boolean(),
  today: z.string(),
  overdue: z.array(z.object({ ...Followed, side: z.enum(SIDES), dueOn: z.string() })),
  quiet: z.array(z.object({ ...Followed, lastMeetingOn: z.string().nullable(), startedOn: z.string() })),
});

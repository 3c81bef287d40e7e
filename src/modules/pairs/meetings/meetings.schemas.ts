import { z } from 'zod';
import { asciiDigits, isoDate, optionalMultilineText, optionalText, requiredMultilineText } from '../../../core/http/validation.js';
import { SEVERITIES } from '../concerns/concerns.schemas.js';

/** What a pair did when they met (the short list of the meeting log). */
export const ACTIVITIES = ['conversation', 'language_practice', 'homework', 'errand', 'office_visit', 'leisure', 'online', 'other'] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** The common lengths offered as one tap; anything else is typed in minutes. */
export const DURATIONS = [30, 60, 90, 120] as const;
export const DEFAULT_DURATION = 60;
/** The database allows 5–720 minutes (12 hours): a longer "meeting" is a typo (30 hours), a shorter one not a meeting. */
export const MIN_MINUTES = 5;
export const MAX_MINUTES = 720;
export const NOTE_MAX = 500;
export const COMMENT_MAX = 500;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A JSON number (the API) read as the text a form sends, so both go through the same checks and messages. */
const numberAsText = (v: unknown) => (typeof v === 'number' ? String(v) : blankToUndefined(v));

/** Minutes typed by hand: a whole number (Arabic-script digits count); "abc", "1.5", "-30" and "1800" get their own message. */
const typedMinutes = z.preprocess(
  numberAsText,
  z
    .string()
    .trim()
    .transform(asciiDigits)
    .refine((s) => /^-?\d+$/.test(s), { params: { key: 'pairs.meetings.error.minutesNotNumber' } })
    .transform(Number)
    .pipe(
      z
        .number()
        .refine((n) => n > 0, { params: { key: 'pairs.meetings.error.minutesPositive' } })
        .refine((n) => n <= 0 || n >= MIN_MINUTES, { params: { key: 'pairs.meetings.error.minutesTooShort' } })
        .refine((n) => n <= MAX_MINUTES, { params: { key: 'pairs.meetings.error.minutesTooLong' } }),
    )
    .optional(),
);

/**
 * The fast meeting log, from the form or as JSON (numbers for `duration`/`minutes`, a boolean `worry`). `minutes` (typed) wins over the `duration` radio, so someone who picked nothing special
 * but typed 45 gets 45. The date must not be after `today` (the organisation's zone); whether it is before the
 * match started is checked by the service, which knows the match.
 */
export function meetingInput(today: string) {
  return z
    .object({
      matchId: z.string().uuid(),
      meetingDate: isoDate().refine((d) => d <= today, { params: { key: 'pairs.meetings.error.dateInFuture' } }),
      duration: z.preprocess(numberAsText, z.enum(DURATIONS.map(String) as [string, ...string[]]).optional()).describe('One of the common lengths: 30, 60, 90 or 120 minutes (text or a number)'),
      minutes: typedMinutes.describe(`Any other length in whole minutes, ${MIN_MINUTES}–${MAX_MINUTES} (a number or its digits as text); wins over \`duration\``),
      place: optionalText(120),
      activity: z.enum(ACTIVITIES),
      note: optionalMultilineText(NOTE_MAX),
      // A ticked box ("on", "true") or a JSON boolean.
      worry: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
      // With a worry, the volunteer says how serious it is and what it is in one line (the concern's title).
      worrySeverity: z.preprocess(blankToUndefined, z.enum(SEVERITIES).optional()),
      worrySummary: optionalText(200),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.minutes === undefined && v.duration === undefined) ctx.addIssue({ code: 'custom', path: ['duration'], params: { key: 'pairs.meetings.error.durationRequired' } });
      if (v.worry && !v.worrySeverity) ctx.addIssue({ code: 'custom', path: ['worrySeverity'], params: { key: 'pairs.meetings.error.worrySeverity' } });
      if (v.worry && !v.worrySummary) ctx.addIssue({ code: 'custom', path: ['worrySummary'], params: { key: 'pairs.meetings.error.worrySummary' } });
    })
    .transform(({ duration, minutes, ...rest }) => ({ ...rest, minutes: minutes ?? Number(duration) }));
}
export type MeetingInput = z.output<ReturnType<typeof meetingInput>>;

/** A short answer of staff under a meeting log. */
export const CommentInput = z.object({ body: requiredMultilineText(COMMENT_MAX) }).strict();
export type CommentInput = z.infer<typeof CommentInput>;

/** The period of an hours certificate; both ends optional (first meeting or training … today). */
export const CertificateQuery = z
  .object({
    from: z.preprocess(blankToUndefined, isoDate().optional()),
    to: z.preprocess(blankToUndefined, isoDate().optional()),
    lang: z.string().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: { key: 'pairs.meetings.error.periodOrder' } });
export type CertificateQuery = z.infer<typeof CertificateQuery>;

/** The request body of the JSON API's meeting log, for the OpenAPI document: the form's schema; the date is checked against the organisation's today when the request comes. */
export const MeetingBody = meetingInput('9999-12-31');

// --- Outputs of the JSON API (view models, never rows) ----------------------------------------

/** Count and length of meetings; minutes are exact (the pages show them as hours with one decimal). */
export const TotalsOutput = z.object({ minutes: z.number().int(), meetings: z.number().int() });

/** A staff comment under a meeting. */
export const CommentOutput = z.object({
  id: z.string().uuid(),
  meetingId: z.string().uuid(),
  body: z.string(),
  /** The author's name as the organisation knows them (null when they have no person record). */
  authorName: z.string().nullable(),
  createdAt: z.string().datetime(),
});
export type CommentOutput = z.infer<typeof CommentOutput>;

/** A logged meeting with the staff comments under it. `meetingDate` is a calendar day in the organisation's zone. */
export const MeetingOutput = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  menteeGivenName: z.string(),
  meetingDate: z.string(),
  minutes: z.number().int(),
  place: z.string().nullable(),
  activity: z.enum(ACTIVITIES),
  note: z.string().nullable(),
  worry: z.boolean(),
  createdAt: z.string().datetime(),
  comments: z.array(CommentOutput),
});
export type MeetingOutput = z.infer<typeof MeetingOutput>;

/** A meeting just logged, and the concern opened from it when "something worries me" was ticked. */
export const LoggedMeetingOutput = MeetingOutput.extend({ concernId: z.string().uuid().nullable() });

/** The volunteer's own log: their active pairs (the mentee's first name), meetings newest first, totals. */
export const MyMeetingsOutput = z.object({
  today: z.string(),
  timeZone: z.string(),
  pairs: z.array(z.object({ matchId: z.string().uuid(), menteeGivenName: z.string(), startedOn: z.string() })),
  meetings: z.array(MeetingOutput),
  totals: z.object({ month: TotalsOutput, year: TotalsOutput, all: TotalsOutput }),
});

/** One side of a pair, by name. */
export const PairPerson = z.object({ id: z.string().uuid(), givenName: z.string(), familyName: z.string() });

/** A pair as staff see it. */
export const PairOutput = z.object({
  id: z.string().uuid(),
  status: z.enum(['active', 'paused', 'closed']),
  startedAt: z.string().datetime(),
  programmeId: z.string().uuid().nullable(),
  coordinatorUserId: z.string().uuid().nullable(),
  volunteer: PairPerson,
  mentee: PairPerson,
});

/** The pairs the caller follows (administrators: all, `all` true), active first, with the last meeting and this month's minutes. */
export const PairsOutput = z.object({
  today: z.string(),
  all: z.boolean(),
  pairs: z.array(PairOutput.extend({ lastMeetingDate: z.string().nullable(), monthMinutes: z.number().int() })),
});

/** One pair's log: meetings newest first with comments, totals per month (`YYYY-MM`, newest first) and in all. */
export const PairLogOutput = z.object({
  pair: PairOutput,
  meetings: z.array(MeetingOutput),
  months: z.array(TotalsOutput.extend({ month: z.string() })),
  total: TotalsOutput,
});

/** The route parameters of a comment under a meeting of a pair. */
export const CommentParams = z.object({ id: z.string().uuid(), meetingId: z.string().uuid() });

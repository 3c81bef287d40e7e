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

/** Minutes typed by hand: a whole number (Arabic-script digits count); "abc", "1.5", "-30" and "1800" get their own message. */
const typedMinutes = z.preprocess(
  blankToUndefined,
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
 * The fast meeting log. `minutes` (typed) wins over the `duration` radio, so someone who picked nothing special
 * but typed 45 gets 45. The date must not be after `today` (the organisation's zone); whether it is before the
 * match started is checked by the service, which knows the match.
 */
export function meetingInput(today: string) {
  return z
    .object({
      matchId: z.string().uuid(),
      meetingDate: isoDate().refine((d) => d <= today, { params: { key: 'pairs.meetings.error.dateInFuture' } }),
      duration: z.preprocess(blankToUndefined, z.enum(DURATIONS.map(String) as [string, ...string[]]).optional()),
      minutes: typedMinutes,
      place: optionalText(120),
      activity: z.enum(ACTIVITIES),
      note: optionalMultilineText(NOTE_MAX),
      worry: z.preprocess((v) => v === 'true' || v === 'on', z.boolean()),
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

import { z } from 'zod';
import { int, isoDate, optionalMultilineText, optionalText, requiredText, text } from '../../../core/http/validation.js';

export const AUDIENCES = ['volunteers', 'coordinators'] as const;
export type Audience = (typeof AUDIENCES)[number];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * A group supervision session as the form sends it: the date and time are wall-clock values in the organisation's
 * zone (turned into an instant by the service, which knows the zone); a place, an online link, or both.
 */
const SessionFields = z
  .object({
    audience: z.enum(AUDIENCES),
    date: isoDate().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { params: { key: 'validation.date' } }),
    time: z
      .string()
      .trim()
      .refine((s) => /^([01]\d|2[0-3]):[0-5]\d(:00)?$/.test(s), { params: { key: 'pairs.supervision.validation.time' } })
      .transform((s) => s.slice(0, 5)),
    // One message for every wrong value (words, fractions, out of range): the range says what is expected.
    minutes: int(15, 480, { message: 'pairs.supervision.validation.minutes' }),
    place: optionalText(200),
    onlineLink: z.preprocess(
      blank,
      text(500)
        .refine((s) => /^https:\/\/[^\s<>"]+$/.test(s), { params: { key: 'pairs.supervision.validation.link' } })
        .optional(),
    ),
    facilitator: requiredText(200),
    topics: optionalMultilineText(2000),
  })
  .strict();
export const SessionInput = SessionFields.superRefine((v, ctx) => {
  if (!v.place && !v.onlineLink) ctx.addIssue({ code: 'custom', path: ['place'], params: { key: 'pairs.supervision.validation.where' } });
});
export type SessionInput = z.output<typeof SessionInput>;

/**
 * A change through the API: any of the session's fields (a blank place or link clears it). The session's current
 * values fill in the rest and the whole is checked as `SessionInput`, as the page's form would send it.
 */
export const SessionPatch = SessionFields.partial();

/** After the session: who attended (ticked people) and a short record. */
export const AttendanceInput = z
  .object({
    attendees: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z
        .array(z.string().trim())
        .max(1000)
        .refine((ids) => ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)), { params: { key: 'validation.choice' } }),
    ),
    record: optionalMultilineText(2000),
  })
  .strict();
export type AttendanceInput = z.output<typeof AttendanceInput>;

// --- API outputs (view models, never rows) -------------------------------------------------------

const uuid = z.string().uuid();
const instant = z.string().datetime();

/** A session in the list, with how many attended. */
export const SessionListItem = z.object({
  id: uuid,
  audience: z.enum(AUDIENCES),
  startsAt: instant,
  minutes: z.number().int(),
  place: z.string().nullable(),
  onlineLink: z.string().nullable(),
  facilitator: z.string(),
  hasRecord: z.boolean(),
  attended: z.number().int(),
});
export type SessionListItem = z.infer<typeof SessionListItem>;
/** Upcoming sessions soonest first, past ones latest first; `timeZone` is the organisation's. */
export const SessionList = z.object({ upcoming: z.array(SessionListItem), past: z.array(SessionListItem), timeZone: z.string() });
export type SessionList = z.infer<typeof SessionList>;

/**
 * One session: `date` and `time` on the organisation's wall clock (`timeZone`), as the form takes them; `started`
 * once attendance may be recorded; `attendance` lists who may be ticked (the audience's people, and whoever was
 * recorded before) and whether they attended.
 */
export const SessionOutput = SessionListItem.omit({ hasRecord: true, attended: true }).extend({
  date: z.string(),
  time: z.string(),
  timeZone: z.string(),
  topics: z.string(),
  record: z.string().nullable(),
  started: z.boolean(),
  attendance: z.array(z.object({ personId: uuid, givenName: z.string(), familyName: z.string(), attended: z.boolean() })),
});
export type SessionOutput = z.infer<typeof SessionOutput>;

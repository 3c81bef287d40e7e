import { z } from 'zod';
import { int, isoDate, optionalMultilineText, optionalText } from '../../../core/http/validation.js';
import { zonedToUtc } from '../../../core/i18n/time-zone.js';

export const DEFAULT_MINUTES = 60;

const time = () =>
  z
    .string()
    .trim()
    .refine((s) => /^([01]\d|2[0-3]):[0-5]\d(:00)?$/.test(s), { params: { key: 'matching.introductions.validation.time' } })
    .transform((s) => s.slice(0, 5));

/** Whole minutes 15–480 from a form ("60", "٦٠") or JSON (60), with one plain message for anything else. */
const minutes = int(15, 480, { message: 'matching.introductions.validation.minutes' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One of the radio buttons of the venue list; missing or not a venue id: "choose a venue". */
const venueId = z.unknown().transform((v, ctx) => {
  if (typeof v !== 'string' || !UUID.test(v.trim())) {
    ctx.addIssue({ code: 'custom', params: { key: 'matching.introductions.validation.venue' } });
    return z.NEVER;
  }
  return v.trim().toLowerCase();
});

/** The "schedule anyway" checkbox ("true"/"on"; absent = no). */
const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());

const fields = z
  .object({
    venueId,
    date: isoDate(),
    time: time(),
    minutes,
    note: optionalMultilineText(1000),
    /** Ticked after the form was refused for the venue's opening hours: schedule anyway, with a reason. */
    outsideHours: flag.default(false),
    outsideHoursReason: optionalText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outsideHours && !v.outsideHoursReason) ctx.addIssue({ code: 'custom', path: ['outsideHoursReason'], params: { key: 'matching.introductions.validation.overrideReason' } });
  });

/**
 * The introduction form: a venue, a date and time typed in the organisation's time zone (it must exist there —
 * not the hour skipped when clocks go forward — and be in the future), a length and a note for both people; and,
 * when the time is outside the venue's opening hours (checked by the service), "schedule anyway" with a reason.
 * Built per request because the zone is the organisation's and "future" is now.
 */
export function introductionInput(timeZone: string, now = new Date()) {
  return fields.transform((v, ctx) => {
    const startsAt = zonedToUtc(v.date, v.time, timeZone);
    if (!startsAt) {
      ctx.addIssue({ code: 'custom', path: ['time'], params: { key: 'matching.introductions.validation.timeSkipped' } });
      return z.NEVER;
    }
    if (startsAt.getTime() <= now.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['date'], params: { key: 'matching.introductions.validation.past' } });
      return z.NEVER;
    }
    return { venueId: v.venueId, startsAt, minutes: v.minutes, note: v.note ?? null, outsideHoursReason: v.outsideHours ? (v.outsideHoursReason ?? null) : null };
  });
}
export type IntroductionInput = z.output<ReturnType<typeof introductionInput>>;

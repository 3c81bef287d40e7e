import { z } from 'zod';

/** The earliest and latest year the report accepts: anything else in a hand-edited link is a typo. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** `?year=YYYY` of the hours report; without it the report shows the current year in the organisation's zone. */
export const HoursReportQuery = z.object({
  year: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .refine((s) => /^\d{4}$/.test(s) && Number(s) >= FIRST_YEAR && Number(s) <= LAST_YEAR, { params: { key: 'pairs.meetings.hours.error.year' } })
      .transform(Number)
      .optional(),
  ),
});
export type HoursReportQuery = z.output<typeof HoursReportQuery>;

const Minutes = z.number().int();

/** The hours report as the JSON API answers it (minutes, exact; the page shows hours with one decimal). */
export const HoursReportOutput = z.object({
  year: z.number().int(),
  /** Years with meetings, and the current and the chosen one, newest first. */
  years: z.array(z.number().int()),
  /** `YYYY-MM` of the 12 months of the year. */
  months: z.array(z.string()),
  /** Per programme (`id` and `name` null: pairs without a programme), minutes per month, January first. */
  programmes: z.array(z.object({ id: z.string().uuid().nullable(), name: z.string().nullable(), months: z.array(Minutes), minutes: Minutes })),
  monthMinutes: z.array(Minutes),
  total: z.object({ minutes: Minutes, meetings: Minutes }),
  /** Volunteers who met or attended supervision in the year, most minutes first. */
  volunteers: z.array(z.object({ id: z.string().uuid(), givenName: z.string(), familyName: z.string(), minutes: Minutes, meetings: Minutes, trainingMinutes: Minutes })),
  trainingMinutes: Minutes,
});

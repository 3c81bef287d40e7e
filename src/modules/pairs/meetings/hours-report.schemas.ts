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

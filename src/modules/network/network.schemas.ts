import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR, PERIOD_CHOICES } from './period.js';
import { isOneOf } from '../../core/one-of.js';

/** A published value that is shown, or null with the reason it is hidden (`hidden` describes the reasons). */
const shownOrHidden = <V extends z.ZodNumber>(value: V, hidden: string, description: string) =>
  z
    .discriminatedUnion('suppression', [
      z.object({ suppression: z.literal('none').describe('shown'), value }),
      z.object({ suppression: z.enum(['small', 'secondary']).describe(hidden), value: z.null() }),
    ])
    .describe(description);

/** A count as published: the number, or null with the reason it is hidden (see suppression.ts). */
export const ShownCountSchema = shownOrHidden(
  z.number().int().nonnegative(),
  'small: 1 to 4, read as "fewer than 5"; secondary: a total hidden because it would reveal a small count',
  'A count with small-count suppression: the value, or null and the reason it is hidden',
);

/** Hours (or another figure made by a group of people) as published: hidden when 1 to 4 people made it. */
export const ShownFigureSchema = shownOrHidden(
  z.number().nonnegative(),
  'small: made by 1 to 4 people; secondary: a total hidden because it would reveal a hidden cell',
  'A figure made by a group of people, hidden when the group is small',
);

/** A median as published: null with "none" when nobody is in the group, hidden when 1 to 4 people are. */
export const ShownMedianSchema = z
  .discriminatedUnion('suppression', [
    z.object({ suppression: z.literal('none').describe('shown (null: nobody in the group)'), value: z.number().nonnegative().nullable() }),
    z.object({ suppression: z.literal('small').describe('taken over 1 to 4 people'), value: z.null() }),
  ])
  .describe('A median, hidden when taken over fewer people than the threshold');

/** The outcome figures over the chosen period (definitions in the network README and on the page). */
export const OutcomesSchema = z.object({
  activePairs: ShownCountSchema.describe('Pairs started on or before the reporting date and not ended by its end (active or paused then)'),
  pairsStarted: ShownCountSchema.describe('Pairs whose start date falls in the period'),
  hours: ShownFigureSchema.describe('Hours of the meetings the volunteers logged with a date in the period, one decimal; hidden when 1 to 4 volunteers logged them'),
  medianWaitingDays: ShownMedianSchema.describe(
    'For the mentees whose first pair started in the period: the median of the calendar days (in the organisation’s zone) from the request received to that start; for the totals, over all those mentees of the network',
  ),
  concerns: ShownCountSchema.describe('Concerns raised in the period'),
  highConcerns: ShownCountSchema.describe('Of those, the ones whose severity is high or safeguarding'),
});

export const PeriodSchema = z.object({
  choice: z.enum(['last-12-months', 'this-year', 'year']),
  year: z.number().int().nullable(),
  from: z.string().date().describe('First day of the period (inclusive)'),
  to: z.string().date().describe('Last day of the period (inclusive)'),
  reportingDate: z.string().date().describe('The day active pairs are counted on: the last day of the period, or today'),
});

/** `?period=`: `last-12-months` (default), `this-year` or a year `YYYY`. */
export const NetworkQuery = z.object({
  period: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .refine((s) => isOneOf(PERIOD_CHOICES, s) || (/^\d{4}$/.test(s) && Number(s) >= FIRST_YEAR && Number(s) <= LAST_YEAR), {
        params: { key: 'network.error.period' },
      })
      .optional()
      .describe('last-12-months (default), this-year, or a year such as 2025'),
  ),
});
export type NetworkQuery = z.output<typeof NetworkQuery>;

const Counts = z.object({
  volunteers: ShownCountSchema,
  mentees: ShownCountSchema,
  staff: ShownCountSchema,
  activeProgrammes: ShownCountSchema,
});

export const NetworkAggregates = z.object({
  threshold: z.number().int().describe('Counts below this (from 1) are hidden'),
  period: PeriodSchema,
  networks: z.array(
    z.object({
      id: z.string().uuid(),
      slug: z.string(),
      name: z.string(),
      organisations: z.array(z.object({ id: z.string().uuid(), slug: z.string(), name: z.string() }).merge(Counts).extend({ outcomes: OutcomesSchema })),
      totals: Counts.extend({ outcomes: OutcomesSchema }),
    }),
  ),
});
export type NetworkAggregates = z.infer<typeof NetworkAggregates>;
export type NetworkTable = NetworkAggregates['networks'][number];
export type Outcomes = z.infer<typeof OutcomesSchema>;

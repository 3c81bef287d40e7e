import { z } from 'zod';

/** A count as published: the number, or null with the reason it is hidden (see suppression.ts). */
export const ShownCountSchema = z
  .object({
    value: z.number().int().nonnegative().nullable().describe('The count; null when it is hidden'),
    suppression: z
      .enum(['none', 'small', 'secondary'])
      .describe('none: shown; small: 1 to 4 ("fewer than 5"); secondary: a total hidden because it would reveal a small count'),
  })
  .describe('A count with small-count suppression');

const Counts = z.object({
  volunteers: ShownCountSchema,
  mentees: ShownCountSchema,
  staff: ShownCountSchema,
  activeProgrammes: ShownCountSchema,
});

export const NetworkAggregates = z.object({
  threshold: z.number().int().describe('Counts below this (from 1) are hidden'),
  networks: z.array(
    z.object({
      id: z.string().uuid(),
      slug: z.string(),
      name: z.string(),
      organisations: z.array(z.object({ id: z.string().uuid(), slug: z.string(), name: z.string() }).merge(Counts)),
      totals: Counts,
    }),
  ),
});
export type NetworkAggregates = z.infer<typeof NetworkAggregates>;
export type NetworkTable = NetworkAggregates['networks'][number];

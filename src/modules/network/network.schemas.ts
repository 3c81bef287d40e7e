import { z } from 'zod';

/** A count as published: the number, or null with the reason it is hidden (see suppression.ts). */
export const ShownCountSchema = z
  .discriminatedUnion('suppression', [
    z.object({ suppression: z.literal('none').describe('shown'), value: z.number().int().nonnegative() }),
    z.object({
      suppression: z.enum(['small', 'secondary']).describe('small: 1 to 4, read as "fewer than 5"; secondary: a total hidden because it would reveal a small count'),
      value: z.null(),
    }),
  ])
  .describe('A count with small-count suppression: the value, or null and the reason it is hidden');

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

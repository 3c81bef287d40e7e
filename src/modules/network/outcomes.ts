import { toHours } from '../pairs/index.js';
import type { OrganisationOutcomesRow, WaitingMedianRow } from './outcomes.repository.js';
import type { Outcomes } from './network.schemas.js';
import { suppressByGroupSize, suppressMedian, suppressSmallCounts } from './suppression.js';

/** The outcome counts, all suppressed by the count rule (pairs and concerns are about people). */
const COUNTED = ['activePairs', 'pairsStarted', 'concerns', 'highConcerns'] as const;

const EMPTY: Omit<OrganisationOutcomesRow, 'networkId' | 'organisationId'> = {
  activePairs: 0,
  pairsStarted: 0,
  minutes: 0,
  volunteersWithHours: 0,
  concerns: 0,
  highConcerns: 0,
};

/**
 * The outcome figures of one network's organisations (in the order given) and their totals, suppressed:
 * counts by `suppressSmallCounts` (with its secondary rule on the totals), hours by the number of volunteers who
 * logged them (`suppressByGroupSize`), medians by the number of mentees they are taken over (`suppressMedian`;
 * the total is the network's own median over all its mentees, from the query, never a median of medians).
 */
export function outcomeTable(
  organisationIds: readonly string[],
  rows: readonly OrganisationOutcomesRow[],
  waiting: readonly WaitingMedianRow[],
): { organisations: Outcomes[]; totals: Outcomes } {
  const figures = organisationIds.map((id) => rows.find((r) => r.organisationId === id) ?? { ...EMPTY });
  const counts = suppressSmallCounts(
    figures.map((f) => COUNTED.map((m) => f[m])),
    COUNTED.length,
  );
  const hours = suppressByGroupSize(figures.map((f) => ({ value: f.minutes, group: f.volunteersWithHours })));
  const asHours = <T extends { value: number | null }>(s: T): T => (s.value === null ? s : { ...s, value: toHours(s.value) });
  const median = (organisationId: string | null) => {
    const row = waiting.find((w) => w.organisationId === organisationId);
    return suppressMedian(row?.medianDays ?? null, row?.mentees ?? 0);
  };
  const outcomes = (shown: ReturnType<typeof suppressSmallCounts>['totals'], h: Outcomes['hours'], m: Outcomes['medianWaitingDays']): Outcomes => ({
    activePairs: shown[0]!,
    pairsStarted: shown[1]!,
    hours: asHours(h),
    medianWaitingDays: m,
    concerns: shown[2]!,
    highConcerns: shown[3]!,
  });
  return {
    organisations: organisationIds.map((id, i) => outcomes(counts.rows[i]!, hours.rows[i]!, median(id))),
    totals: outcomes(counts.totals, hours.total, median(null)),
  };
}

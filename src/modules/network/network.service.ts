import type { Db } from '../../core/db/database.js';
import { compareNames, type Locale } from '../../core/i18n/index.js';
import { countsForManager, type OrganisationCountsRow } from './network.repository.js';
import { outcomesForManager } from './outcomes.repository.js';
import { outcomeTable } from './outcomes.js';
import type { Period } from './period.js';
import type { NetworkAggregates, NetworkTable } from './network.schemas.js';
import { suppressSmallCounts, THRESHOLD, type ShownCount } from './suppression.js';

const MEASURES = ['volunteers', 'mentees', 'staff', 'activeProgrammes'] as const;
type Measure = (typeof MEASURES)[number];

/**
 * The measures that count people: small counts of these are suppressed (they could point at a person).
 * Active programmes are shown exactly: they describe no person, and each organisation already lists its
 * active programmes on its public page. Add 'activeProgrammes' here to suppress them too.
 */
const SUPPRESSED: readonly Measure[] = ['volunteers', 'mentees', 'staff'];

type OrganisationRow = OrganisationCountsRow & { organisationId: string; organisationSlug: string; organisationName: string };

/**
 * The aggregates of every network the user manages, organisations sorted by name in the viewer's
 * language, with small counts suppressed (see suppression.ts): the counts of today, and the outcome figures
 * (pairs, hours, median days waiting, concerns) over `period` (see outcomes.repository.ts for their definitions).
 */
export async function networkAggregates(db: Db, userId: string, locale: Locale, period: Period): Promise<NetworkAggregates> {
  const rows = await countsForManager(db, userId);
  const outcomeRows = await outcomesForManager(db, userId, period);
  const byNetwork = new Map<string, OrganisationCountsRow[]>();
  for (const row of rows) byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row]);
  const compare = compareNames(locale);
  const networks: NetworkTable[] = [...byNetwork.values()].map((group) => {
    const first = group[0]!;
    const organisations = group
      .filter((r): r is OrganisationRow => r.organisationId !== null)
      .sort((a, b) => compare(a.organisationName, b.organisationName) || a.organisationSlug.localeCompare(b.organisationSlug));
    const suppressed = suppressSmallCounts(
      organisations.map((o) => SUPPRESSED.map((m) => o[m])),
      SUPPRESSED.length,
    );
    const cell = (m: Measure, exact: number, shown: ShownCount[]): ShownCount => {
      const i = SUPPRESSED.indexOf(m);
      return i >= 0 ? shown[i]! : { value: exact, suppression: 'none' };
    };
    const counts = (exact: (m: Measure) => number, shown: ShownCount[]) =>
      Object.fromEntries(MEASURES.map((m) => [m, cell(m, exact(m), shown)])) as Record<Measure, ShownCount>;
    const outcomes = outcomeTable(
      organisations.map((o) => o.organisationId),
      outcomeRows.organisations.filter((r) => r.networkId === first.networkId),
      outcomeRows.waiting.filter((w) => w.networkId === first.networkId),
    );
    return {
      id: first.networkId,
      slug: first.networkSlug,
      name: first.networkName,
      organisations: organisations.map((o, i) => ({
        id: o.organisationId,
        slug: o.organisationSlug,
        name: o.organisationName,
        ...counts((m) => o[m], suppressed.rows[i]!),
        outcomes: outcomes.organisations[i]!,
      })),
      totals: { ...counts((m) => organisations.reduce((sum, o) => sum + o[m], 0), suppressed.totals), outcomes: outcomes.totals },
    };
  });
  networks.sort((a, b) => compare(a.name, b.name));
  const { choice, year, from, to, reportingDate } = period;
  return { threshold: THRESHOLD, period: { choice, year, from, to, reportingDate }, networks };
}

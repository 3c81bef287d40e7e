import type { Db } from '../../core/db/database.js';
import { compareNames, type Locale } from '../../core/i18n/index.js';
import { countsForManager, type OrganisationCountsRow } from './network.repository.js';
import type { NetworkAggregates, NetworkTable } from './network.schemas.js';
import { suppressSmallCounts, THRESHOLD, type ShownCount } from './suppression.js';

/** Counts of people: suppressed when small (they could point at a person). */
const PEOPLE_MEASURES = ['volunteers', 'mentees', 'staff'] as const;

/**
 * The aggregates of every network the user manages, organisations sorted by name in the viewer's
 * language, with small counts of people suppressed. Active programmes are shown exactly: they describe no
 * person, and each organisation already lists its active programmes on its public page.
 */
export async function networkAggregates(db: Db, userId: string, locale: Locale): Promise<NetworkAggregates> {
  const rows = await countsForManager(db, userId);
  const byNetwork = new Map<string, OrganisationCountsRow[]>();
  for (const row of rows) byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row]);
  const compare = compareNames(locale);
  const networks: NetworkTable[] = [...byNetwork.values()].map((group) => {
    const first = group[0]!;
    const organisations = group
      .filter((r): r is OrganisationCountsRow & { organisationId: string; organisationSlug: string; organisationName: string } => r.organisationId !== null)
      .sort((a, b) => compare(a.organisationName, b.organisationName) || a.organisationSlug.localeCompare(b.organisationSlug));
    const table = suppressSmallCounts(
      organisations.map((o) => PEOPLE_MEASURES.map((m) => o[m])),
      PEOPLE_MEASURES.length,
    );
    const exact = (value: number): ShownCount => ({ value, suppression: 'none' });
    const counts = (cells: ShownCount[], programmes: number) => ({ volunteers: cells[0]!, mentees: cells[1]!, staff: cells[2]!, activeProgrammes: exact(programmes) });
    return {
      id: first.networkId,
      slug: first.networkSlug,
      name: first.networkName,
      organisations: organisations.map((o, i) => ({ id: o.organisationId, slug: o.organisationSlug, name: o.organisationName, ...counts(table.rows[i]!, o.activeProgrammes) })),
      totals: counts(table.totals, organisations.reduce((sum, o) => sum + o.activeProgrammes, 0)),
    };
  });
  networks.sort((a, b) => compare(a.name, b.name));
  return { threshold: THRESHOLD, networks };
}

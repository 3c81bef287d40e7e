import type { Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import type { Locale } from '../../../core/i18n/index.js';
import { districtsWithUsage, findDistrictOtherAllowed, type DistrictWithUsage } from './districts.service.js';
import type { VenueOutput, WeightsOutput } from './settings.schemas.js';
import { sortedVenues } from './venues.service.js';
import { programmesWithWeights } from './weights.service.js';

export interface SettingsOverview {
  districts: DistrictWithUsage[];
  /** Forms may take a place outside the list ("other"). */
  districtOtherAllowed: boolean;
  venues: VenueOutput[];
  programmes: (WeightsOutput & { active: boolean })[];
}

/** Everything the settings page lists, read in one transaction (no personal data: not audited). */
export async function loadSettings(db: Db, actor: Actor, locale: Locale): Promise<SettingsOverview> {
  return withTenant(db, actor, async (tx) => ({
    districts: await districtsWithUsage(tx, actor.organisationId, locale),
    districtOtherAllowed: await findDistrictOtherAllowed(tx, actor.organisationId),
    venues: await sortedVenues(tx, actor.organisationId, locale),
    programmes: await programmesWithWeights(tx, actor.organisationId, locale),
  }));
}

import { audit, changedFields, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError, found } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import { guardUnique } from '../../../core/db/unique.js';
import { sameWeeklyHours } from './opening-hours.js';
import type { VenueInput, VenueOutput } from './settings.schemas.js';
import { deleteVenue as deleteVenueRow, findVenueById, findVenues, insertVenue, updateVenue as updateVenueRow, venueIntroductionCount, venueNameTaken, type VenueRow } from './venues.repository.js';

export const presentVenue = (v: VenueRow): VenueOutput => ({
  id: v.id,
  kind: v.kind,
  name: v.name,
  address: v.address,
  district: v.district,
  weeklyHours: v.weeklyHours ?? null,
  openingHours: v.openingHours,
  stepFree: v.stepFree,
  active: v.active,
});

const nameTaken = () => invalid('name', 'matching.settings.venues.nameTaken');

const guardName = <T>(work: () => Promise<T>) => guardUnique('venues_name_per_org', nameTaken, work);

const venueOf = async (tx: Tx, organisationId: string, id: string): Promise<VenueRow> => found(await findVenueById(tx, organisationId, id));

/** The organisation's venues in `tx`: active first, then by name in the viewer's language. */
export async function sortedVenues(tx: Tx, organisationId: string, locale: Locale, opts: { activeOnly?: boolean } = {}): Promise<VenueOutput[]> {
  const compare = compareNames(locale);
  const rows = await findVenues(tx, organisationId, opts);
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || compare(a.name, b.name)).map(presentVenue);
}

export async function listVenues(db: Db, actor: Actor, locale: Locale, opts: { activeOnly?: boolean } = {}): Promise<VenueOutput[]> {
  return withTenant(db, actor, (tx) => sortedVenues(tx, actor.organisationId, locale, opts));
}

/** One venue with the number of introductions held or planned there; NOT_FOUND for another organisation's id. */
export async function getVenue(db: Db, actor: Actor, id: string): Promise<VenueOutput & { introductions: number }> {
  return withTenant(db, actor, async (tx) => {
    const v = await venueOf(tx, actor.organisationId, id);
    return { ...presentVenue(v), introductions: await venueIntroductionCount(tx, actor.organisationId, id) };
  });
}

/** Adds an active venue (audited `venue.create`); a name in use, ignoring case, is a field error on `name`. */
export async function createVenue(db: Db, actor: Actor, input: VenueInput): Promise<VenueOutput> {
  return guardName(() =>
    withTenant(db, actor, async (tx) => {
      if (await venueNameTaken(tx, actor.organisationId, input.name)) throw nameTaken();
      const row = await insertVenue(tx, actor.organisationId, input);
      await audit(tx, actor, { action: 'venue.create', entity: 'venue', entityId: row.id, fields: Object.keys(input) });
      return presentVenue(row);
    }),
  );
}

/** Changes a venue's details (not whether it is active), auditing the names of the changed fields. */
export async function updateVenue(db: Db, actor: Actor, id: string, input: VenueInput): Promise<VenueOutput> {
  return guardName(() =>
    withTenant(db, actor, async (tx) => {
      const before = await venueOf(tx, actor.organisationId, id);
      const { weeklyHours, ...rest } = input;
      const fields = [...changedFields(before as unknown as Record<string, unknown>, rest), ...(sameWeeklyHours(before.weeklyHours, weeklyHours) ? [] : ['weeklyHours'])];
      if (fields.length === 0) return presentVenue(before);
      if (fields.includes('name') && (await venueNameTaken(tx, actor.organisationId, input.name, id))) throw nameTaken();
      await updateVenueRow(tx, actor.organisationId, id, input);
      await audit(tx, actor, { action: 'venue.update', entity: 'venue', entityId: id, fields });
      return presentVenue((await findVenueById(tx, actor.organisationId, id))!);
    }),
  );
}

/** Takes a venue off (or back onto) the list offered for new introductions; scheduled ones keep it. */
export async function setVenueActive(db: Db, actor: Actor, id: string, active: boolean): Promise<VenueOutput> {
  return withTenant(db, actor, async (tx) => {
    const before = await venueOf(tx, actor.organisationId, id);
    if (before.active === active) return presentVenue(before);
    await updateVenueRow(tx, actor.organisationId, id, { active });
    await audit(tx, actor, { action: active ? 'venue.reactivate' : 'venue.deactivate', entity: 'venue', entityId: id, fields: ['active'] });
    return { ...presentVenue(before), active };
  });
}

/**
 * Deletes a venue no introduction names. One that has been used stays for the record of those meetings:
 * CONFLICT with a message that says to deactivate it instead (the foreign key refuses it too).
 */
export async function deleteVenue(db: Db, actor: Actor, id: string): Promise<VenueOutput> {
  return withTenant(db, actor, async (tx) => {
    const v = await venueOf(tx, actor.organisationId, id);
    if ((await venueIntroductionCount(tx, actor.organisationId, id)) > 0) throw new AppError('CONFLICT', 'matching.settings.venues.inUse');
    await deleteVenueRow(tx, actor.organisationId, id);
    await audit(tx, actor, { action: 'venue.delete', entity: 'venue', entityId: id });
    return presentVenue(v);
  });
}

import { audit, changedFields, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { found } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import {
  findDistrictOtherAllowed,
  saveDistrictOtherAllowed,
  deleteDistrict as deleteDistrictRow,
  districtNameTaken,
  districtUsageByName,
  foldName,
  findDistrictById,
  findDistricts,
  insertDistrict,
  renameDistrictReferences,
  updateDistrict as updateDistrictRow,
  type DistrictRow,
  type DistrictUsage,
} from './districts.repository.js';
import type { DistrictInput, DistrictOutput } from './settings.schemas.js';
import { guardUnique } from '../../../core/db/unique.js';

export type DistrictWithUsage = DistrictOutput & { usage: DistrictUsage };

const present = (d: DistrictRow): DistrictOutput => ({ id: d.id, name: d.name, latitude: d.latitude, longitude: d.longitude });
const NO_USE: DistrictUsage = { volunteers: 0, mentees: 0, venues: 0 };
const nameTaken = () => invalid('name', 'matching.settings.districts.nameTaken');

/** A write that may hit the unique name constraint in a race the pre-check missed: the same field error. */
const guardName = <T>(work: () => Promise<T>) => guardUnique('districts_name_per_org', nameTaken, work);

const districtOf = async (tx: Tx, organisationId: string, id: string): Promise<DistrictRow> => found(await findDistrictById(tx, organisationId, id));

/** The districts of the organisation in `tx`, by name in the viewer's language, with how many records name each. */
export async function districtsWithUsage(tx: Tx, organisationId: string, locale: Locale): Promise<DistrictWithUsage[]> {
  const rows = await findDistricts(tx, organisationId);
  const usage = await districtUsageByName(tx, organisationId);
  const compare = compareNames(locale);
  return rows.sort((a, b) => compare(a.name, b.name)).map((d) => ({ ...present(d), usage: usage.get(foldName(d.name)) ?? NO_USE }));
}

export async function listDistricts(db: Db, actor: Actor, locale: Locale): Promise<DistrictWithUsage[]> {
  return withTenant(db, actor, (tx) => districtsWithUsage(tx, actor.organisationId, locale));
}

/** One district with its usage (for the edit and delete pages); NOT_FOUND for another organisation's id. */
export async function getDistrict(db: Db, actor: Actor, id: string): Promise<DistrictWithUsage> {
  return withTenant(db, actor, async (tx) => {
    const d = await districtOf(tx, actor.organisationId, id);
    const usage = (await districtUsageByName(tx, actor.organisationId)).get(d.name.trim().toLowerCase()) ?? NO_USE;
    return { ...present(d), usage };
  });
}

/** Adds a district (audited `district.create`); a name in use, ignoring case, is a field error on `name`. */
export async function createDistrict(db: Db, actor: Actor, input: DistrictInput): Promise<DistrictOutput> {
  return guardName(() =>
    withTenant(db, actor, async (tx) => {
      if (await districtNameTaken(tx, actor.organisationId, input.name)) throw nameTaken();
      const row = await insertDistrict(tx, actor.organisationId, input);
      await audit(tx, actor, { action: 'district.create', entity: 'district', entityId: row.id, fields: ['name', 'latitude', 'longitude'] });
      return present(row);
    }),
  );
}

/**
 * Changes a district. A new name carries the volunteers, mentees and venues that named the old one (each
 * changed volunteer and mentee record is audited), so distances keep working after a rename.
 */
export async function updateDistrict(db: Db, actor: Actor, id: string, input: DistrictInput): Promise<{ district: DistrictOutput; moved: number }> {
  return guardName(() =>
    withTenant(db, actor, async (tx) => {
      const before = await districtOf(tx, actor.organisationId, id);
      const fields = changedFields({ name: before.name, latitude: before.latitude, longitude: before.longitude }, input);
      if (fields.length === 0) return { district: present(before), moved: 0 };
      const renamed = fields.includes('name');
      if (renamed && (await districtNameTaken(tx, actor.organisationId, input.name, id))) throw nameTaken();
      await updateDistrictRow(tx, actor.organisationId, id, input);
      await audit(tx, actor, { action: 'district.update', entity: 'district', entityId: id, fields });
      let moved = 0;
      if (renamed) {
        const changed = await renameDistrictReferences(tx, actor.organisationId, before.name, input.name);
        for (const v of changed.volunteers) await audit(tx, actor, { action: 'volunteer.update', entity: 'volunteer', entityId: v, fields: ['district'] });
        for (const m of changed.mentees) await audit(tx, actor, { action: 'mentee.update', entity: 'mentee', entityId: m, fields: ['district'] });
        for (const p of changed.venues) await audit(tx, actor, { action: 'venue.update', entity: 'venue', entityId: p, fields: ['district'] });
        moved = changed.volunteers.length + changed.mentees.length + changed.venues.length;
      }
      return { district: present((await findDistrictById(tx, actor.organisationId, id))!), moved };
    }),
  );
}

/**
 * Deletes a district. Records that name it keep the name (the scorer then knows no centre for them, so the
 * distance component gives nothing); the delete page warns with their number first.
 */
export async function deleteDistrict(db: Db, actor: Actor, id: string): Promise<DistrictOutput> {
  return withTenant(db, actor, async (tx) => {
    const d = await districtOf(tx, actor.organisationId, id);
    await deleteDistrictRow(tx, actor.organisationId, id);
    await audit(tx, actor, { action: 'district.delete', entity: 'district', entityId: id });
    return present(d);
  });
}

/**
 * Lets the organisation's forms (volunteer application, request for support, intake) take a place outside the
 * district list as "other", or not (the default). Audited `organisation.district_other` when it changes.
 */
export async function setDistrictOtherAllowed(db: Db, actor: Actor, allowed: boolean): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    if ((await findDistrictOtherAllowed(tx, actor.organisationId, true)) === allowed) return;
    await saveDistrictOtherAllowed(tx, actor.organisationId, allowed);
    await audit(tx, actor, { action: 'organisation.district_other', entity: 'organisation', entityId: actor.organisationId, fields: ['districtOtherAllowed'] });
  });
}

export { findDistrictOtherAllowed };

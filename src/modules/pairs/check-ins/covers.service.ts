import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import type { CoverInput } from './check-ins.schemas.js';
import { findCovers, findStaff, insertCover, overlappingCover } from './covers.repository.js';

/**
 * The covers page: covers running or to come, recent past ones, and the staff to choose from (sorted by name in
 * the reader's language). Names of staff are shown to staff: audited `cover.list`.
 */
export async function coversPage(db: Db, actor: RequestActor, locale: Locale, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const { today, timeZone } = clockOf(actor, now);
    const compare = compareNames(locale);
    const staff = (await findStaff(tx, actor.organisationId)).sort((a, b) => compare(a.name, b.name));
    const current = await findCovers(tx, actor.organisationId, today, 'current');
    const past = await findCovers(tx, actor.organisationId, today, 'past');
    await audit(tx, actor, { action: 'cover.list', entity: 'cover', fields: ['absent.name', 'cover.name'] });
    return { today, timeZone, staff, current, past };
  });
}

/**
 * Hands an absent colleague's pairs to a cover for whole days: both must be staff of this organisation who can
 * follow pairs, and the absent person must have no other cover on any of those days (field errors, nothing written).
 * Audited `cover.create`. From its first day the cover follows the pairs (access.ts) and receives their digest items.
 */
export async function createCover(db: Db, actor: RequestActor, input: CoverInput): Promise<{ id: string }> {
  return withTenant(db, actor, async (tx) => {
    const staff = new Set((await findStaff(tx, actor.organisationId)).map((s) => s.userId));
    if (!staff.has(input.absentUserId)) throw invalid('absentUserId', 'pairs.covers.validation.notStaff');
    if (!staff.has(input.coverUserId)) throw invalid('coverUserId', 'pairs.covers.validation.notStaff');
    if (await overlappingCover(tx, actor.organisationId, input.absentUserId, input.startsOn, input.endsOn)) throw invalid('startsOn', 'pairs.covers.validation.overlap');
    const row = await insertCover(tx, actor.organisationId, { ...input, note: input.note ?? null, createdByUserId: actor.userId });
    await audit(tx, actor, { action: 'cover.create', entity: 'cover', entityId: row.id, fields: ['absentUserId', 'coverUserId', 'startsOn', 'endsOn', ...(input.note ? ['note'] : [])] });
    return { id: row.id };
  });
}

import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { lockPeopleOfMatches } from '../matches.repository.js';
import { loadVolunteers } from '../profiles.repository.js';
import { setVolunteerProfile } from './suggestions.repository.js';
import type { VolunteerProfileInput } from './suggestions.schemas.js';

/**
 * The volunteer's matching profile: how many mentees at once (1–20) and gender (used only for stated preferences).
 * The volunteer row is locked like a match does, so places cannot drop below the active matches while a match is
 * being made; such a capacity is refused on its field. Audited `volunteer.matching_profile` with the changed fields.
 */
export async function updateVolunteerProfile(db: Db, actor: RequestActor, volunteerId: string, input: VolunteerProfileInput, now = actor.clock.now): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const locked = await lockPeopleOfMatches(tx, actor.organisationId, [volunteerId], []);
    if (!locked.volunteers.has(volunteerId)) throw new AppError('NOT_FOUND');
    const [v] = await loadVolunteers(tx, actor.organisationId, clockOf(actor, now), { ids: [volunteerId] });
    if (!v) throw new AppError('NOT_FOUND');
    if (input.capacity < v.activeMatches) throw invalid('capacity', 'matching.profile.belowActive', { active: v.activeMatches });
    const gender = input.gender ?? null;
    const fields = [...(input.capacity !== v.capacity ? ['capacity'] : []), ...(gender !== v.gender ? ['gender'] : [])];
    if (fields.length === 0) return;
    await setVolunteerProfile(tx, actor.organisationId, { volunteerId, personId: v.personId, capacity: input.capacity, gender, at: now });
    await audit(tx, actor, { action: 'volunteer.matching_profile', entity: 'volunteer', entityId: volunteerId, fields });
  });
}

import type { Actor } from '../../../core/audit/audit.js';
import type { Tx } from '../../../core/db/tx.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { isMinor } from '../../volunteers/index.js';
import type { MenteeValues, PersonValues } from '../mentees.repository.js';
import type { MenteeInput, MenteeUpdate } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import { resolveDistrict } from '../../../core/tenancy/district-choice.js';
import { findDistrictChoice, findProgrammes, findStaff } from '../options.repository.js';

export type Profile = Omit<MenteeInput, 'consents'> | Omit<MenteeUpdate, 'version'>;

export interface Checked {
  programmeId: string | null;
  district: string | null;
  socialWorkerUserId: string;
}

/**
 * Checks the choices that must come from the organisation's own lists, in the writing transaction: an active
 * programme, one of its districts (when it keeps any; stored as the list spells it), and a responsible social
 * worker among its social workers and coordinators (default: `fallback`, whoever records or reviews). A wrong
 * value is refused on its field (VALIDATION), before anything is written. `keepProgramme` lets an edit keep a
 * programme that has since been switched off.
 */
export async function checkProfile(tx: Tx, actor: Actor, p: Profile, fallback: string, keepProgramme: string | null = null): Promise<Checked> {
  let programmeId: string | null = null;
  if (p.programmeId) {
    const active = await findProgrammes(tx, actor.organisationId, p.programmeId !== keepProgramme);
    if (!active.some((o) => o.value === p.programmeId)) throw invalid('programmeId', 'mentees.validation.unknownProgramme');
    programmeId = p.programmeId;
  }
  // From the organisation's list (ignoring case and diacritics), or a typed place only where it allows one.
  const resolved = resolveDistrict(await findDistrictChoice(tx, actor.organisationId), p.district, p.districtOther);
  if (!resolved.ok) throw invalid(resolved.field, resolved.field === 'district' ? 'mentees.validation.unknownDistrict' : resolved.key);
  const district = resolved.district;
  const socialWorkerUserId = p.socialWorkerUserId ?? fallback;
  if (socialWorkerUserId !== fallback) {
    const staff = await findStaff(tx, actor.organisationId, menteesPolicy.roles('responsible'));
    if (!staff.some((s) => s.value === socialWorkerUserId)) throw invalid('socialWorkerUserId', 'mentees.validation.unknownSocialWorker');
  }
  return { programmeId, district, socialWorkerUserId };
}

export function personValues(p: Profile): PersonValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    email: p.email ?? null,
    phone: p.phone ?? null,
    birthDate: p.birthDate ?? null,
    gender: p.gender ?? null,
    locale: p.locale,
  };
}

/** The matching profile of a mentee; `minor` is also set whenever the birth date says under 18. */
export function profileValues(p: Profile, checked: Checked, today: string): Omit<MenteeValues, 'personId' | 'status' | 'source'> {
  return {
    programmeId: checked.programmeId,
    locale: p.locale,
    needs: [...new Set(p.needs)],
    languages: p.languages,
    availability: [...new Set(p.availability)],
    district: checked.district,
    interests: [...new Set(p.interests)],
    preferredVolunteerGender: p.preferredVolunteerGender ?? null,
    preferredVolunteerAgeMin: p.preferredVolunteerAgeMin ?? null,
    preferredVolunteerAgeMax: p.preferredVolunteerAgeMax ?? null,
    minor: p.minor || isMinor(p.birthDate ?? null, today),
    vulnerableAdult: p.vulnerableAdult,
    summary: p.summary ?? null,
    socialWorkerUserId: checked.socialWorkerUserId,
  };
}

/** Names of the fields given (never their values), for the audit entry of a creation. */
export function filledFields(input: Record<string, unknown>): string[] {
  return Object.entries(input)
    .filter(([, v]) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k)
    .sort();
}

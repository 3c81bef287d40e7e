import { foldForSearch } from '../i18n/search.js';
import type { MessageKey } from '../i18n/message-keys.js';

/**
 * How a form chooses a district: from the organisation's list (matching's districts), with a typed "other" place
 * only when the organisation allows it (`organisations.district_other_allowed`, off by default). Pure; the modules
 * load the list and the setting and call `resolveDistrict` on the server, so a district outside the list is refused
 * whatever the browser sent.
 */
export interface DistrictChoice {
  /** The organisation's district names; empty: it keeps no list and the district is free text. */
  names: string[];
  /** A place outside the list may be typed ("other"). */
  otherAllowed: boolean;
}

/** The select's value meaning "another place, typed in `districtOther`". */
export const OTHER_DISTRICT = '_other';

export type ResolvedDistrict = { ok: true; district: string | null } | { ok: false; field: 'district' | 'districtOther'; key: MessageKey };

/**
 * The district to store for what was chosen (`chosen`, the select or a typed name) and typed (`other`). A name is
 * matched to the list ignoring case and diacritics ("srodmiescie" → "Śródmieście"), so the list's spelling is stored.
 * Outside the list: the typed place when "other" is allowed, else `validation.districtNotListed` on `district`.
 * "Other" chosen with nothing typed: `validation.districtOtherRequired` on `districtOther`. Nothing: null.
 */
export function resolveDistrict(choice: DistrictChoice, chosen: string | undefined | null, other?: string | null): ResolvedDistrict {
  const picked = chosen?.trim() ?? '';
  const typed = other?.trim() ?? '';
  if (choice.names.length === 0) return { ok: true, district: (picked === OTHER_DISTRICT ? typed : picked || typed) || null };
  const listed = (name: string) => {
    const folded = foldForSearch(name);
    return choice.names.find((n) => foldForSearch(n) === folded) ?? null;
  };
  if (picked && picked !== OTHER_DISTRICT) {
    const known = listed(picked);
    if (known) return { ok: true, district: known };
    return choice.otherAllowed ? { ok: true, district: picked } : { ok: false, field: 'district', key: 'validation.districtNotListed' };
  }
  if (!typed) return picked === OTHER_DISTRICT ? { ok: false, field: 'districtOther', key: 'validation.districtOtherRequired' } : { ok: true, district: null };
  const known = listed(typed);
  if (known) return { ok: true, district: known };
  return choice.otherAllowed ? { ok: true, district: typed } : { ok: false, field: 'district', key: 'validation.districtNotListed' };
}

import type { FieldErrors } from '../../../core/http/errors.js';
import { fromForm } from '../../volunteers/index.js';

/** The controls both forms post, read by `fromForm` (an empty e-mail, '' there, is no e-mail to MenteeInput either). */
const SHARED_FIELDS = ['givenName', 'familyName', 'email', 'phone', 'birthDate', 'gender', 'languages', 'availability', 'district', 'districtOther', 'interests'] as const;

/**
 * The posted intake form in the shape of MenteeInput / MenteeUpdate. The person's name and contact, the language
 * rows, the week grid, the district and the comma-separated interests are read by the volunteer application's own
 * `fromForm` (SHARED_FIELDS), so both forms post the same controls; `values` are what to show again (language rows
 * renumbered without the empty ones).
 */
export function menteeFromForm(body: Record<string, unknown>, part: 'create' | 'edit'): { input: Record<string, unknown>; values: Record<string, unknown> } {
  const { input: shared, values } = fromForm(body);
  const str = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
  const list = (v: unknown): string[] => (v === undefined ? [] : [v].flat().map(String));
  const ticked = (name: string) => str(body[name]) === 'yes';
  const input: Record<string, unknown> = {
    ...Object.fromEntries(SHARED_FIELDS.map((name) => [name, shared[name]])),
    locale: str(body.locale),
    programmeId: str(body.programmeId),
    needs: list(body.needs),
    preferredVolunteerGender: str(body.preferredVolunteerGender),
    preferredVolunteerAgeMin: str(body.preferredVolunteerAgeMin),
    preferredVolunteerAgeMax: str(body.preferredVolunteerAgeMax),
    minor: ticked('minor'),
    vulnerableAdult: ticked('vulnerableAdult'),
    summary: str(body.summary),
    socialWorkerUserId: str(body.socialWorkerUserId),
  };
  if (part === 'create') input.consents = { support: str(body['consents.support']), contactEmail: ticked('consents.contactEmail'), contactPhone: ticked('consents.contactPhone') };
  else input.version = str(body.version);
  return { input, values };
}

/** Errors of list items (`needs.2`, `availability.0`, `interests.3`) belong to the list's control on the form. */
export function formFieldErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, e] of Object.entries(errors)) {
    const key = name.replace(/^(needs|interests|availability)\.\d+$/, '$1');
    out[key] ??= e;
  }
  return out;
}

/** Rows of the language table: those filled in, then blank ones (at least 3, at most 20). */
export const languageRowsFor = (filled: number, extra = 0) => Math.min(20, Math.max(3, filled + 1 + extra));

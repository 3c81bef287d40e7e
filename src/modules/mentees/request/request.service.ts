import { audit } from '../../../core/audit/audit.js';
import { randomToken, tokenHash } from '../../../core/auth/tokens.js';
import type { Db } from '../../../core/db/database.js';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import type { Locale } from '../../../core/i18n/index.js';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import { queueMail } from '../../../core/mail/outbox.js';
import { findOrganisationBySlug, releaseFormToken, useFormToken, type PublicOrganisation, isMinor } from '../../volunteers/index.js';
import { filledFields } from '../intake/profile.js';
import { addEvent, findFirstPossibleDuplicate, insertConsents, insertMentee, insertPerson } from '../mentees.repository.js';
import { resolveDistrict, type DistrictChoice } from '../../../core/tenancy/district-choice.js';
import { findDistrictChoice } from '../options.repository.js';
import { requestReceivedMail } from './request.mails.js';
import type { RequestInput } from './request.schemas.js';
import { requestConsentText } from './wording.js';

/** The private status page of a request, in `locale`. */
export const statusPath = (slug: string, token: string, locale: string) => `/o/${slug}/request/status/${token}?lang=${locale}`;

/** The organisation behind a public address and its district list (empty: the district is free text), or NOT_FOUND. */
export async function getRequestForm(db: Db, slug: string): Promise<{ org: PublicOrganisation; districts: DistrictChoice }> {
  const org = await withSystem(db, (tx) => findOrganisationBySlug(tx, slug));
  if (!org) throw new AppError('NOT_FOUND');
  const districts = await withTenant(db, { organisationId: org.id, userId: null }, (tx) => findDistrictChoice(tx, org.id));
  return { org, districts };
}

/**
 * Writes a request from the public form in ONE tenant transaction (no user): the person with the `mentee` role, the
 * mentee with status `requested` and source `form` (not on the waiting list until a social worker accepts it; no
 * case staff yet), the consents with the wording the visitor saw (`pageLocale`), a `created` event keeping what the
 * profile has no place for (a carer's name, an age given instead of a birth date), the audit entry and a confirmation
 * mail in the language chosen for messages, with the private link to the request's status page (the database keeps
 * only its hash). The form's one-time nonce is claimed first: a replay is CONFLICT with nothing written; if writing
 * fails the nonce is released so the person can send again.
 */
export async function submitRequest(db: Db, org: PublicOrganisation, input: RequestInput, pageLocale: Locale, nonce: string, opts: { requestId?: string; baseUrl: string; now?: Date }): Promise<{ id: string; statusToken: string }> {
  const fresh = await withSystem(db, (tx) => useFormToken(tx, nonce));
  if (!fresh) throw new AppError('CONFLICT', 'mentees.request.spam.replayed');
  const now = opts.now ?? new Date();
  const statusToken = randomToken();
  try {
    return await withTenant(db, { organisationId: org.id, userId: null }, async (tx) => {
      // From the organisation's list (ignoring case and diacritics), or a typed place only where it allows one.
      const resolved = resolveDistrict(await findDistrictChoice(tx, org.id), input.district, input.districtOther);
      if (!resolved.ok) throw invalid(resolved.field, resolved.field === 'district' ? 'mentees.validation.unknownDistrict' : resolved.key);
      const district = resolved.district;
      const minor = isMinor(input.birthDate ?? null, clockAt(now, org.timeZone).today) || (input.age !== undefined && input.age < 18);
      const person = { givenName: input.givenName, familyName: input.familyName, email: input.email ?? null, phone: input.phone ?? null, birthDate: input.birthDate ?? null, gender: null, locale: input.locale };
      const duplicateOf = (await findFirstPossibleDuplicate(tx, org.id, person)) ?? null;
      const personId = await insertPerson(tx, org.id, person);
      const id = await insertMentee(tx, org.id, {
        personId,
        duplicateOf,
        status: 'requested',
        source: 'form',
        locale: input.locale,
        needs: [...new Set(input.needs)],
        languages: input.languages,
        availability: [...new Set(input.availability)],
        district,
        minor,
        preferredVolunteerGender: input.preferredVolunteerGender ?? null,
        preferredVolunteerAgeMin: input.preferredVolunteerAgeMin ?? null,
        preferredVolunteerAgeMax: input.preferredVolunteerAgeMax ?? null,
        statusTokenHash: tokenHash(statusToken),
        createdAt: now,
      });
      const consents = (['support', 'contact_email', 'contact_phone'] as const).filter((p) => (p === 'support' ? true : p === 'contact_email' ? input.consents.contactEmail : input.consents.contactPhone));
      await insertConsents(tx, org.id, id, consents.map((purpose) => ({ purpose, lawfulBasis: 'consent', text: requestConsentText(pageLocale, purpose, org.name), givenAt: now })));
      const detail: Record<string, unknown> = { source: 'form', ...(input.forSomeoneElse && input.carerName ? { carerName: input.carerName } : {}), ...(input.age !== undefined ? { statedAge: input.age } : {}) };
      await addEvent(tx, org.id, { menteeId: id, actorUserId: null, kind: 'created', toStatus: 'requested', detail, at: now });
      await audit(tx, { organisationId: org.id, userId: null, requestId: opts.requestId }, { action: 'mentee.request', entity: 'mentee', entityId: id, fields: filledFields(input) });
      if (input.email) {
        await queueMail(tx, {
          organisationId: org.id,
          to: input.email,
          locale: input.locale,
          template: requestReceivedMail,
          params: { organisation: org.name, givenName: input.forSomeoneElse && input.carerName ? input.carerName : input.givenName, forSomeoneElse: input.forSomeoneElse, statusUrl: `${opts.baseUrl}${statusPath(org.slug, statusToken, input.locale)}` },
        });
      }
      return { id, statusToken };
    });
  } catch (err) {
    await withSystem(db, (tx) => releaseFormToken(tx, nonce));
    throw err;
  }
}

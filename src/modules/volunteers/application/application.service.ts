import { audit } from '../../../core/audit/audit.js';
import { randomToken, tokenHash } from '../../../core/auth/tokens.js';
import type { Db } from '../../../core/db/database.js';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { translator, type Locale } from '../../../core/i18n/index.js';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import { queueMail } from '../../../core/mail/outbox.js';
import { addEvent, isMinor } from '../volunteers.repository.js';
import { applicationReceivedMail, guardianConfirmMail } from './application.mails.js';
import {
  findDistrictChoice,
  findFirstPossibleDuplicate,
  findOrganisationBySlug,
  findPendingGuardianLink,
  findSettings,
  insertApplicant,
  insertConsent,
  insertVolunteer,
  lockApplicantEmail,
  markGuardianConfirmed,
  releaseFormToken,
  useFormToken,
  type PublicOrganisation,
  type Settings,
} from './application.repository.js';
import { withoutHidden, type ApplicationInput, type ApplicationOutput } from './application.schemas.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { resolveDistrict, type DistrictChoice } from '../../../core/tenancy/district-choice.js';

/** Days a guardian's confirmation link stays valid. */
export const GUARDIAN_LINK_DAYS = 30;

/** The organisation of a public page and its form settings, or NOT_FOUND. */
export async function getPublicForm(db: Db, slug: string): Promise<{ org: PublicOrganisation; settings: Settings; districts: DistrictChoice }> {
  const org = await withSystem(db, (tx) => findOrganisationBySlug(tx, slug));
  if (!org) throw new AppError('NOT_FOUND');
  const [settings, districts] = await withTenant(db, { organisationId: org.id, userId: null }, async (tx) => [await findSettings(tx, org.id), await findDistrictChoice(tx, org.id)] as const);
  return { org, settings, districts };
}

/** Who submits: the applicant on the public form, or staff through the API (on the applicant's behalf). */
export interface Submitter {
  source: 'form' | 'staff';
  userId: string | null;
  requestId?: string;
  baseUrl: string;
}

/**
 * Writes an application in ONE tenant transaction: the person, the volunteer at stage `applied`, the consents
 * with their wording in the applicant's language, the `applied` event, the audit row and the mails (to the
 * applicant; to the guardian of an applicant under 18, with a one-time link). A re-application (the same e-mail, or
 * the same name in any script with the same birth date or phone: `findFirstPossibleDuplicate`) is kept, marked
 * `duplicate_of` the first one, with a `duplicate` event on both; the applicant is not told.
 * Fields the organisation switched off are dropped.
 */
export async function submitApplication(db: Db, org: PublicOrganisation, raw: ApplicationInput, locale: Locale, by: Submitter): Promise<ApplicationOutput> {
  return withTenant(db, { organisationId: org.id, userId: by.userId }, async (tx) => {
    const settings = await findSettings(tx, org.id);
    // The district from the organisation's list (or a typed place where it allows one): refused otherwise.
    const district = resolveDistrict(await findDistrictChoice(tx, org.id), raw.district, raw.districtOther);
    if (!district.ok) throw invalid(district.field, district.key);
    const input = { ...withoutHidden(raw, settings.hiddenFields), district: district.district ?? undefined, districtOther: undefined };
    const minor = isMinor(input.birthDate ?? null, clockAt(new Date(), org.timeZone).today);
    const guardianToken = minor ? randomToken() : null;
    await lockApplicantEmail(tx, org.id, input.email);
    const duplicateOf = (await findFirstPossibleDuplicate(tx, org.id, input)) ?? null;
    const personId = await insertApplicant(tx, org.id, input, locale);
    const id = await insertVolunteer(tx, org.id, { personId, input, locale, source: by.source, guardianTokenHash: guardianToken ? tokenHash(guardianToken) : null, duplicateOf });

    const t = translator(locale);
    await insertConsent(tx, org.id, { volunteerId: id, purpose: 'application', lawfulBasis: 'consent', text: t('volunteers.application.consent.application', { organisation: org.name }) });
    if (input.consents.newsletter) {
      await insertConsent(tx, org.id, { volunteerId: id, purpose: 'newsletter', lawfulBasis: 'consent', text: t('volunteers.application.consent.newsletter', { organisation: org.name }) });
    }
    await addEvent(tx, org.id, { volunteerId: id, actorUserId: by.userId, kind: 'applied', toStage: 'applied', detail: { source: by.source } });
    if (duplicateOf) {
      await addEvent(tx, org.id, { volunteerId: id, actorUserId: by.userId, kind: 'duplicate', detail: { of: duplicateOf } });
      await addEvent(tx, org.id, { volunteerId: duplicateOf, actorUserId: by.userId, kind: 'duplicate', detail: { by: id } });
    }
    const filled = Object.entries(input)
      .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k]) => k)
      .sort();
    await audit(tx, { organisationId: org.id, userId: by.userId, requestId: by.requestId }, { action: 'volunteer.apply', entity: 'volunteer', entityId: id, fields: filled });

    const orgUrl = `${by.baseUrl}/o/${org.slug}`;
    await queueMail(tx, { organisationId: org.id, to: input.email, locale, template: applicationReceivedMail, params: { organisation: org.name, givenName: input.givenName, minor, url: orgUrl } });
    if (guardianToken && input.guardianEmail) {
      await queueMail(tx, {
        organisationId: org.id,
        to: input.guardianEmail,
        locale,
        template: guardianConfirmMail,
        params: {
          organisation: org.name,
          applicant: `${input.givenName} ${input.familyName}`,
          guardianName: input.guardianName ?? '',
          url: `${orgUrl}/apply/guardian/${guardianToken}`,
          days: GUARDIAN_LINK_DAYS,
        },
      });
    }
    return { id, personId, stage: 'applied', source: by.source, duplicateOf, awaitingGuardian: minor };
  });
}

/**
 * The public form's submission: claims the form's one-time nonce (a replay is refused with CONFLICT and
 * nothing written), then writes the application; if that fails the nonce is released so the person can retry.
 */
export async function submitPublicApplication(db: Db, org: PublicOrganisation, input: ApplicationInput, locale: Locale, nonce: string, by: Submitter): Promise<ApplicationOutput> {
  const fresh = await withSystem(db, (tx) => useFormToken(tx, nonce));
  if (!fresh) throw new AppError('CONFLICT', 'volunteers.application.spam.replayed');
  try {
    return await submitApplication(db, org, input, locale, by);
  } catch (err) {
    await withSystem(db, (tx) => releaseFormToken(tx, nonce));
    throw err;
  }
}

function linkExpired(appliedAt: Date, now = new Date()): boolean {
  return now.getTime() - appliedAt.getTime() > GUARDIAN_LINK_DAYS * 24 * 3600 * 1000;
}

/** What the guardian's page shows: the applicant's given name only. NOT_FOUND when the link is unknown, used or expired. */
export async function checkGuardianLink(db: Db, org: PublicOrganisation, token: string): Promise<{ givenName: string }> {
  const row = await withTenant(db, { organisationId: org.id, userId: null }, (tx) => findPendingGuardianLink(tx, org.id, tokenHash(token)));
  if (!row || linkExpired(row.appliedAt) || row.stage === 'withdrawn' || row.stage === 'rejected') throw new AppError('NOT_FOUND', 'volunteers.application.guardian.invalid');
  return { givenName: row.givenName };
}

/**
 * The guardian confirms: the application now counts. The link works once (its hash is cleared); the consent is
 * recorded with the wording shown, a `guardian` event and an audit row are written.
 */
export async function confirmGuardian(db: Db, org: PublicOrganisation, token: string, locale: Locale, requestId?: string): Promise<void> {
  await withTenant(db, { organisationId: org.id, userId: null }, async (tx) => {
    const row = await findPendingGuardianLink(tx, org.id, tokenHash(token));
    if (!row || linkExpired(row.appliedAt) || row.stage === 'withdrawn' || row.stage === 'rejected') throw new AppError('NOT_FOUND', 'volunteers.application.guardian.invalid');
    if (!(await markGuardianConfirmed(tx, org.id, row.id))) throw new AppError('NOT_FOUND', 'volunteers.application.guardian.invalid');
    const text = translator(locale)('volunteers.application.guardian.consent', { name: row.givenName, organisation: org.name });
    await insertConsent(tx, org.id, { volunteerId: row.id, purpose: 'guardian', lawfulBasis: 'consent', text });
    await addEvent(tx, org.id, { volunteerId: row.id, actorUserId: null, kind: 'guardian', detail: { confirmed: true } });
    await audit(tx, { organisationId: org.id, userId: null, requestId }, { action: 'volunteer.guardian_confirm', entity: 'volunteer', entityId: row.id, fields: ['guardianConfirmedAt'] });
  });
}

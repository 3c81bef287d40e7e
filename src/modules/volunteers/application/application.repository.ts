import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/tx.js';
import { usedFormTokens } from '../../../core/http/http.table.js';
import { organisations, people } from '../../../core/tenancy/tenancy.table.js';
import type { DistrictChoice } from '../../../core/tenancy/district-choice.js';
import { findOrgFactsBySlug, type OrgFacts } from '../../../core/tenancy/org-facts.js';
import { districts } from '../../../core/tenancy/districts.table.js';
import { volunteerConsents, volunteers, volunteerSettings } from '../volunteers.table.js';
import { PLANNED_LENGTHS, type ApplicationInput, type SettingsInput } from './application.schemas.js';
import { possibleDuplicateOf } from '../../../core/tenancy/people-search.js';
import { insertPersonRecord, personFields } from '../../../core/tenancy/person-record.js';
import type { Locale } from '../../../core/i18n/locales.js';

/** All SQL of the application part. Tenant functions take the organisation id; the two system ones say so. */

/** The organisation a public form belongs to: core's organisation facts (name, zone, language, country). */
export type PublicOrganisation = OrgFacts;

/** System transaction: the organisation behind a public address (public information only). */
export const findOrganisationBySlug = findOrgFactsBySlug;

/**
 * System transaction: records a form's one-time nonce. False when it was already used (a replay); the
 * primary key makes two simultaneous submissions of one form end with exactly one winner.
 */
export async function useFormToken(tx: Tx, nonce: string): Promise<boolean> {
  const rows = await tx.insert(usedFormTokens).values({ token: nonce }).onConflictDoNothing().returning({ token: usedFormTokens.token });
  return rows.length === 1;
}

/** System transaction: gives a nonce back when the application could not be written, so the person can retry. */
export async function releaseFormToken(tx: Tx, nonce: string): Promise<void> {
  await tx.delete(usedFormTokens).where(eq(usedFormTokens.token, nonce));
}

export type Settings = Pick<typeof volunteerSettings.$inferSelect, 'hiddenFields' | 'safeguardingRenewalMonths' | 'reminderDays'>;
export const DEFAULT_SETTINGS: Settings = { hiddenFields: [], safeguardingRenewalMonths: 60, reminderDays: 30 };

export async function findSettings(tx: Tx, organisationId: string): Promise<Settings> {
  const [row] = await tx
    .select({ hiddenFields: volunteerSettings.hiddenFields, safeguardingRenewalMonths: volunteerSettings.safeguardingRenewalMonths, reminderDays: volunteerSettings.reminderDays })
    .from(volunteerSettings)
    .where(eq(volunteerSettings.organisationId, organisationId));
  return row ?? DEFAULT_SETTINGS;
}

/** The organisation's districts (matching's list) and whether a place outside them may be typed. */
export async function findDistrictChoice(tx: Tx, organisationId: string): Promise<DistrictChoice> {
  const rows = await tx.select({ name: districts.name }).from(districts).where(eq(districts.organisationId, organisationId)).orderBy(asc(districts.name));
  const [org] = await tx.select({ otherAllowed: organisations.districtOtherAllowed }).from(organisations).where(eq(organisations.id, organisationId));
  return { names: rows.map((r) => r.name), otherAllowed: org?.otherAllowed ?? false };
}

/** The organisation's own slug (tenant transaction: RLS lets an organisation read itself). */
export async function findOrganisationSlug(tx: Tx, organisationId: string): Promise<string | undefined> {
  const [row] = await tx.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.slug;
}

export async function saveSettings(tx: Tx, organisationId: string, input: SettingsInput): Promise<void> {
  const values = { hiddenFields: [...new Set(input.hiddenFields)].sort(), safeguardingRenewalMonths: input.safeguardingRenewalMonths, reminderDays: input.reminderDays };
  await tx
    .insert(volunteerSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: volunteerSettings.organisationId, set: values });
}

/** The person record of an applicant, searchable without diacritics. */
export async function insertApplicant(tx: Tx, organisationId: string, input: ApplicationInput, locale: Locale): Promise<string> {
  return insertPersonRecord(tx, organisationId, { ...personFields(input, locale), gender: input.gender ?? null });
}

export async function insertVolunteer(
  tx: Tx,
  organisationId: string,
  v: { personId: string; input: ApplicationInput; locale: Locale; source: 'form' | 'staff'; guardianTokenHash: string | null; duplicateOf: string | null },
): Promise<string> {
  const i = v.input;
  const [row] = await tx
    .insert(volunteers)
    .values({
      organisationId,
      personId: v.personId,
      stage: 'applied',
      source: v.source,
      locale: v.locale,
      profession: i.profession ?? null,
      education: i.education ?? null,
      interests: i.interests,
      languages: i.languages,
      availability: i.availability,
      hoursPerMonth: i.hoursPerMonth ?? null,
      district: i.district ?? null,
      travelKm: i.travelKm ?? null,
      activities: i.activities,
      preferredAgeGroups: i.preferredAgeGroups,
      preferredGender: i.preferredGender ?? null,
      motivation: i.motivation ?? null,
      heardFrom: i.heardFrom ?? null,
      worksWithMinors: i.worksWithMinors,
      plannedDays: PLANNED_LENGTHS[i.plannedLength],
      guardianName: v.guardianTokenHash ? (i.guardianName ?? null) : null,
      guardianEmail: v.guardianTokenHash ? (i.guardianEmail ?? null) : null,
      guardianTokenHash: v.guardianTokenHash,
      duplicateOf: v.duplicateOf,
    })
    .returning({ id: volunteers.id });
  return row!.id;
}

export async function insertConsent(tx: Tx, organisationId: string, c: { volunteerId: string; purpose: string; lawfulBasis: 'consent'; text: string }): Promise<void> {
  await tx.insert(volunteerConsents).values({ organisationId, ...c });
}

/** Serialises applications with one e-mail address in one organisation, so two at once still see each other. */
export async function lockApplicantEmail(tx: Tx, organisationId: string, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`volunteer-application:${organisationId}:${email.toLowerCase()}`}, 0))`);
}

/** The first earlier application this one may duplicate (`possibleDuplicateOf`: same e-mail, or same name in any script with the same birth date or phone). */
export async function findFirstPossibleDuplicate(
  tx: Tx,
  organisationId: string,
  a: { email: string; givenName: string; familyName: string; birthDate?: string | null; phone?: string | null },
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: volunteers.id })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), possibleDuplicateOf(a)))
    .orderBy(asc(volunteers.appliedAt), asc(volunteers.createdAt))
    .limit(1);
  return row?.id;
}

/** An application still waiting for its guardian, by the SHA-256 of the link's token. */
export async function findPendingGuardianLink(tx: Tx, organisationId: string, tokenHash: string) {
  const [row] = await tx
    .select({ id: volunteers.id, givenName: people.givenName, guardianName: volunteers.guardianName, appliedAt: volunteers.appliedAt, stage: volunteers.stage })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.guardianTokenHash, tokenHash), isNull(volunteers.guardianConfirmedAt)));
  return row;
}

/** Records the guardian's confirmation and retires the link. False when someone else confirmed it first. */
export async function markGuardianConfirmed(tx: Tx, organisationId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(volunteers)
    .set({ guardianConfirmedAt: new Date(), guardianTokenHash: null, version: sql`${volunteers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, id), isNull(volunteers.guardianConfirmedAt)))
    .returning({ id: volunteers.id });
  return rows.length === 1;
}

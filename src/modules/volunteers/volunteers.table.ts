import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy } from '../../core/db/rls.js';
import { organisations, people, tenantTable } from '../../core/tenancy/tenancy.table.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { HeardFrom } from './application/application.schemas.js';
import type { DocumentKind, DocumentLocale, LongServiceForm } from './documents/documents.schemas.js';
import type { Stage } from './pipeline/stages.js';
import type { SafeguardingKind } from './screening/requirements.js';
import type { Recommendation, TravelCosts } from './screening/screening.schemas.js';
import { belongsTo, calendarDate, jsonList, jsonObject, rowVersion, textList, timestampNow, timestamptz } from '../../core/db/columns.js';

/** A language with its level: CEFR A1–C2 or native. The same model serves matching and interpreting. */
export interface LanguageLevel {
  code: string;
  level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'native';
}

/**
 * A volunteer of one organisation: the application and everything the coordinator learns after it.
 * The personal data (name, contact, birth date) stays in `people`; this row holds the volunteering side.
 * `version` increases with every change so that two coordinators moving the same volunteer at once cannot
 * overwrite each other (the second is told).
 */
export const volunteers = tenantTable(
  'volunteers',
  {
    personId: belongsTo(() => people.id),
    stage: text().$type<Stage>().notNull().default('applied'),
    /** Why the volunteer was rejected, withdrew, paused or ended. */
    stageReason: text(),
    stageChangedAt: timestampNow(),
    version: rowVersion(),
    appliedAt: timestampNow(),
    /** `form` (public application), `staff` (entered by a coordinator). */
    source: text().notNull().default('form'),
    locale: text().$type<Locale>().notNull().default('pl'),
    profession: text(),
    education: text(),
    interests: textList(),
    languages: jsonList<LanguageLevel>(),
    /** Weekly grid: "mon-morning", "tue-evening"… (day × morning/afternoon/evening). */
    availability: textList(),
    hoursPerMonth: integer(),
    /** How many mentees the volunteer supports at once (a hard limit in matching). */
    capacity: integer().notNull().default(1),
    district: text(),
    travelKm: integer(),
    /** mentoring, language_help, school_help, errands, leisure, institution_assistance, events. */
    activities: textList(),
    preferredAgeGroups: textList(),
    preferredGender: text(),
    motivation: text(),
    heardFrom: text().$type<HeardFrom>(),
    /** Will work with minors: safeguarding check required before approval. */
    worksWithMinors: boolean().notNull().default(false),
    /** Planned length of service in days (null: open-ended, treated as over 30 days). */
    plannedDays: integer(),
    /**
     * Lived outside Poland in the last 20 years (the 2016 Act, art. 21): then a statement of those countries and
     * the criminal record of the country of citizenship are needed too. Null: not asked yet (counts as missing).
     */
    livedAbroad: boolean(),
    /** The day the volunteer acknowledged the health-and-safety information (art. 45 of the 2003 Act). */
    healthSafetyOn: calendarDate(),
    /** Travel costs: `reimbursed` (the organisation pays them) or `waived` (the volunteer's written waiver). */
    travelCosts: text().$type<TravelCosts>(),
    /** The day the travel-cost arrangement (or the waiver) was recorded. */
    travelCostsOn: calendarDate(),
    /** Under-18 applicants: the guardian confirms by a link before the application counts. */
    guardianName: text(),
    guardianEmail: text(),
    guardianConfirmedAt: timestamptz(),
    /** SHA-256 of the token in the guardian's confirmation link. */
    guardianTokenHash: text().unique(),
    /** Another application of the same person (same e-mail) in this organisation, shown to the coordinator. */
    duplicateOf: uuid(),
    createdAt: timestampNow(),
    updatedAt: timestampNow(),
  },
  (t) => [
    check(
      'volunteers_stage',
      sql`${t.stage} in ('applied','contacted','interview_scheduled','interviewed','training','approved','active','paused','ended','rejected','withdrawn')`,
    ),
    check('volunteers_capacity', sql`${t.capacity} between 1 and 20`),
    check('volunteers_hours', sql`${t.hoursPerMonth} is null or ${t.hoursPerMonth} between 0 and 744`),
    check('volunteers_travel_costs', sql`${t.travelCosts} is null or ${t.travelCosts} in ('reimbursed','waived')`),
    index('volunteers_org_stage').on(t.organisationId, t.stage),
    index('volunteers_person').on(t.personId),
  ],
);

/** Consent per purpose with its lawful basis (GDPR art. 6/9), as given on the form or recorded by staff. */
export const volunteerConsents = tenantTable(
  'volunteer_consents',
  {
    volunteerId: belongsTo(() => volunteers.id),
    purpose: text().notNull(),
    lawfulBasis: text().notNull(),
    /** The wording the person agreed to, as shown, in their language. */
    text: text().notNull(),
    givenAt: timestampNow(),
    withdrawnAt: timestamptz(),
  },
  (t) => [
    check('volunteer_consents_basis', sql`${t.lawfulBasis} in ('consent','contract','legal_obligation','vital_interests','public_task','legitimate_interests')`),
  ],
);

/** The timeline: every stage change, note, interview, check and document of a volunteer. Append-only in practice. */
export const volunteerEvents = tenantTable(
  'volunteer_events',
  {
    volunteerId: belongsTo(() => volunteers.id),
    at: timestampNow(),
    actorUserId: uuid(),
    /** stage, note, interview, safeguarding, agreement, insurance, document, duplicate, guardian. */
    kind: text().notNull(),
    fromStage: text().$type<Stage>(),
    toStage: text().$type<Stage>(),
    reason: text(),
    detail: jsonObject<Record<string, unknown>>(),
  },
  (t) => [index('volunteer_events_volunteer').on(t.volunteerId, t.at)],
);

/** Interview slots offered by the coordinator, and the interview held in one of them. */
export const interviews = tenantTable(
  'interviews',
  {
    volunteerId: belongsTo(() => volunteers.id),
    startsAt: timestamptz().notNull(),
    minutes: integer().notNull().default(45),
    place: text().notNull(),
    /** offered, scheduled, held, no_show, cancelled. */
    status: text().notNull().default('scheduled'),
    interviewerUserId: uuid(),
    /** Structured notes: motivation, experience, availability, languages, concerns (free text each). */
    notes: jsonObject<Record<string, string>>(),
    /** recommend, recommend_with_conditions, do_not_recommend. */
    recommendation: text().$type<Recommendation>(),
    icsUid: text().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    check('interviews_status', sql`${t.status} in ('offered','scheduled','held','no_show','cancelled')`),
    check('interviews_minutes', sql`${t.minutes} between 5 and 480`),
  ],
);

/**
 * One safeguarding document the law requires before work with minors was seen (never the document itself).
 * PL: `pl_sex_offenders_register` (Rejestr z dostępem ograniczonym and the State Commission's register),
 * `pl_criminal_record` (KRK), and for those who lived abroad `foreign_statement` (the countries of the last 20
 * years) with `foreign_criminal_record` (criminal record of the country of citizenship) or
 * `foreign_record_statement` (the statement the law allows instead); DE: `de_extended_certificate`.
 * Which of them are needed is decided in screening/requirements.ts.
 */
export const safeguardingChecks = tenantTable(
  'safeguarding_checks',
  {
    volunteerId: belongsTo(() => volunteers.id),
    kind: text().$type<SafeguardingKind>().notNull(),
    seenOn: calendarDate().notNull(),
    seenByUserId: uuid().notNull(),
    renewBy: calendarDate().notNull(),
    note: text(),
    createdAt: timestampNow(),
  },
  (t) => [
    check('safeguarding_kind', sql`${t.kind} in ('pl_sex_offenders_register','pl_criminal_record','foreign_statement','foreign_criminal_record','foreign_record_statement','de_extended_certificate')`),
    check('safeguarding_dates', sql`${t.renewBy} > ${t.seenOn}`),
    index('safeguarding_volunteer').on(t.volunteerId),
  ],
);

/** Accident insurance (NNW) of a volunteer for a period. */
export const insuranceRecords = tenantTable(
  'insurance_records',
  {
    volunteerId: belongsTo(() => volunteers.id),
    insurer: text().notNull(),
    policyNumber: text().notNull(),
    validFrom: calendarDate().notNull(),
    validTo: calendarDate().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [check('insurance_dates', sql`${t.validTo} >= ${t.validFrom}`)],
);

/** An organisation's editable template of a document, per kind and language, with {placeholders}. */
export const documentTemplates = tenantTable(
  'document_templates',
  {
    /** agreement, certificate, reference. */
    kind: text().$type<DocumentKind>().notNull(),
    locale: text().$type<DocumentLocale>().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    updatedAt: timestampNow(),
    updatedByUserId: uuid(),
  },
  (t) => [unique('document_templates_kind_locale').on(t.organisationId, t.kind, t.locale)],
);

/**
 * A document issued to a volunteer: the text exactly as generated (kept, so what was accepted can be shown
 * again), its acceptance, and the code behind its public verification link.
 */
export const volunteerDocuments = tenantTable(
  'volunteer_documents',
  {
    volunteerId: belongsTo(() => volunteers.id),
    kind: text().$type<DocumentKind>().notNull(),
    locale: text().$type<DocumentLocale>().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** Agreement fields: scope, place, period, termination. */
    fields: jsonObject<Record<string, string>>(),
    issuedAt: timestampNow(),
    issuedByUserId: uuid(),
    /**
     * `electronic` (accepted in the app: documentary form, Civil Code art. 77²), `paper` (a handwritten signature,
     * recorded by staff) or `qualified` (a document signed with a qualified electronic signature, recorded by staff).
     */
    acceptedHow: text(),
    acceptedAt: timestamptz(),
    /** Random code in the verification link of certificates and references. */
    verificationCode: text().unique(),
    revokedAt: timestamptz(),
  },
  (t) => [
    check('volunteer_documents_kind', sql`${t.kind} in ('agreement','certificate','reference')`),
    check('volunteer_documents_accepted', sql`${t.acceptedHow} is null or ${t.acceptedHow} in ('electronic','paper','qualified')`),
    index('volunteer_documents_volunteer').on(t.volunteerId),
  ],
);

/** Per organisation: which optional fields the application form shows, and the safeguarding renewal period. */
/** Binary column: PGlite returns Uint8Array, the PostgreSQL driver a Buffer; both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * The signed agreement as a file: a document with a qualified electronic signature uploaded by staff (PDF, or an
 * XAdES / ASiC-E container), which makes the agreement's written form. One per agreement; the bytes live here (the
 * application has no other file storage). The signature itself is not verified by Tandem: the staff member confirms
 * they checked it (`signatureChecked`).
 */
export const volunteerDocumentFiles = tenantTable(
  'volunteer_document_files',
  {
    documentId: uuid()
      .notNull()
      .unique()
      .references(() => volunteerDocuments.id, { onDelete: 'cascade' }),
    volunteerId: belongsTo(() => volunteers.id),
    /** pdf, xades, asice (found from the content, not from the name). */
    format: text().notNull(),
    fileName: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    bytes: bytea().notNull(),
    signatureChecked: boolean().notNull(),
    uploadedByUserId: uuid().notNull(),
    uploadedAt: timestampNow(),
  },
  (t) => [
    check('volunteer_document_files_format', sql`${t.format} in ('pdf','xades','asice')`),
    check('volunteer_document_files_checked', sql`${t.signatureChecked}`),
  ],
);

export const volunteerSettings = pgTable(
  'volunteer_settings',
  {
    organisationId: uuid()
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Optional form fields switched off: profession, education, interests, heard_from, preferences, travel. */
    hiddenFields: textList(),
    /** Months until a safeguarding check must be renewed (Germany: typically 60). */
    safeguardingRenewalMonths: integer().notNull().default(60),
    /** Days before expiry when volunteer and coordinator are reminded. */
    reminderDays: integer().notNull().default(30),
    /**
     * Which acceptance of the agreement counts for service over 30 days: `written` (the law's default: paper or a
     * qualified electronic signature) or `electronic` (acceptance in Tandem, on the organisation's lawyer's advice).
     */
    longServiceForm: text().$type<LongServiceForm>().notNull().default('written'),
    /** The lawyer's note that justifies `electronic`, shown wherever the choice matters. */
    longServiceFormNote: text(),
  },
  (t) => [check('volunteer_settings_long_form', sql`${t.longServiceForm} in ('written','electronic')`), tenantPolicy('volunteer_settings')],
).enableRLS();

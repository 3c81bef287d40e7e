import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { restrictivePolicy, tenantPolicy } from '../../core/db/rls.js';
import { people, programmes, tenantKey } from '../../core/tenancy/tenancy.table.js';
import type { LanguageLevel } from '../volunteers/volunteers.table.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { Need, PreferredGender, Purpose, Status, SupportBasis } from './mentees.schemas.js';

/**
 * A person who needs support (SPEC §3.2), as one organisation records them. Name, contact and birth date stay in
 * `people`; this row holds what matching needs. `requested` rows came from the public form and do not count until a
 * social worker reviews them; `waiting` rows are the waiting list, ordered by `waiting_since` (kept when a match ends
 * and the person returns, so nobody loses their place).
 */
export const mentees = pgTable(
  'mentees',
  {
    ...tenantKey(),
    personId: uuid().notNull().references(() => people.id, { onDelete: 'cascade' }),
    programmeId: uuid().references(() => programmes.id, { onDelete: 'set null' }),
    /** requested, waiting, matched, on_hold, closed, declined. */
    status: text().$type<Status>().notNull().default('waiting'),
    statusReason: text(),
    /** `staff` (recorded by a social worker) or `form` (the public request form). */
    source: text().$type<'staff' | 'form'>().notNull().default('staff'),
    locale: text().$type<Locale>().notNull().default('pl'),
    /** language_practice, school_help, everyday_matters, leisure, companionship, job_search, official_matters. */
    needs: text().array().$type<Need[]>().notNull().default(sql`'{}'::text[]`),
    languages: jsonb().$type<LanguageLevel[]>().notNull().default([]),
    /** Weekly grid as for volunteers: "mon-morning" … "sun-evening". */
    availability: text().array().notNull().default(sql`'{}'::text[]`),
    district: text(),
    interests: text().array().notNull().default(sql`'{}'::text[]`),
    /** Who the person would like as a volunteer: any, female, male — a hard constraint when stated. */
    preferredVolunteerGender: text().$type<PreferredGender>(),
    preferredVolunteerAgeMin: integer(),
    preferredVolunteerAgeMax: integer(),
    /** Safeguarding flags: a minor may only be matched with a volunteer whose safeguarding check is valid. */
    minor: boolean().notNull().default(false),
    vulnerableAdult: boolean().notNull().default(false),
    /** A short, non-sensitive description of the request for the matching pages ("homework help for a 12-year-old"). */
    summary: text(),
    /** The social worker responsible for the case. */
    socialWorkerUserId: uuid(),
    waitingSince: timestamp({ withTimezone: true }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedByUserId: uuid(),
    /**
     * SHA-256 of the private link to the request's status page (`/o/:slug/request/status/:token`), mailed to the
     * person who sent the public form and shown on the page after sending. Null for people recorded by staff.
     */
    statusTokenHash: text().unique(),
    /**
     * The earlier mentee of the organisation this one may be (same e-mail, or the same name in any script with the
     * same birth date or phone: `possibleDuplicateOf`), set when the request or intake is written; shown as a
     * marker, never merged automatically.
     */
    duplicateOf: uuid(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('mentees_status', sql`${t.status} in ('requested','waiting','matched','on_hold','closed','declined')`),
    check('mentees_source', sql`${t.source} in ('staff','form')`),
    check('mentees_gender_pref', sql`${t.preferredVolunteerGender} is null or ${t.preferredVolunteerGender} in ('any','female','male')`),
    check(
      'mentees_age_pref',
      sql`(${t.preferredVolunteerAgeMin} is null or ${t.preferredVolunteerAgeMin} between 16 and 120) and (${t.preferredVolunteerAgeMax} is null or ${t.preferredVolunteerAgeMax} between 16 and 120) and (${t.preferredVolunteerAgeMin} is null or ${t.preferredVolunteerAgeMax} is null or ${t.preferredVolunteerAgeMin} <= ${t.preferredVolunteerAgeMax})`,
    ),
    index('mentees_org_status').on(t.organisationId, t.status, t.waitingSince),
    index('mentees_person').on(t.personId),
    tenantPolicy('mentees'),
  ],
).enableRLS();

/** Consent per purpose with its lawful basis, as given on the request form or recorded by the social worker. */
export const menteeConsents = pgTable(
  'mentee_consents',
  {
    ...tenantKey(),
    menteeId: uuid().notNull().references(() => mentees.id, { onDelete: 'cascade' }),
    purpose: text().$type<Purpose>().notNull(),
    lawfulBasis: text().$type<SupportBasis>().notNull(),
    /** The wording shown to the person, in their language (or the basis recorded by staff). */
    text: text().notNull(),
    givenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('mentee_consents_basis', sql`${t.lawfulBasis} in ('consent','contract','legal_obligation','vital_interests','public_task','legitimate_interests')`),
    tenantPolicy('mentee_consents'),
  ],
).enableRLS();

/** The staff members working on a case. Only they may read its case notes (enforced by row-level security too). */
export const menteeCaseStaff = pgTable(
  'mentee_case_staff',
  {
    ...tenantKey(),
    menteeId: uuid().notNull().references(() => mentees.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('mentee_case_staff_once').on(t.menteeId, t.userId), tenantPolicy('mentee_case_staff')],
).enableRLS();

/**
 * Free-text case notes. Besides the tenant policy, a restrictive policy lets the app role see a note only when the
 * current user is on the case's staff: a query that forgets the check still returns nothing.
 */
export const menteeNotes = pgTable(
  'mentee_notes',
  {
    ...tenantKey(),
    menteeId: uuid().notNull().references(() => mentees.id, { onDelete: 'cascade' }),
    authorUserId: uuid().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentee_notes_mentee').on(t.menteeId, t.createdAt),
    tenantPolicy('mentee_notes'),
    restrictivePolicy('mentee_notes_case_staff', sql`exists (select 1 from mentee_case_staff s where s.mentee_id = ${t.menteeId} and s.user_id = app_current_user())`),
  ],
).enableRLS();

/** The timeline of a case: review, status changes, matches made and ended. */
export const menteeEvents = pgTable(
  'mentee_events',
  {
    ...tenantKey(),
    menteeId: uuid().notNull().references(() => mentees.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    /** created, reviewed, status, match, profile. */
    kind: text().notNull(),
    fromStatus: text().$type<Status>(),
    toStatus: text().$type<Status>(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('mentee_events_mentee').on(t.menteeId, t.at), tenantPolicy('mentee_events')],
).enableRLS();

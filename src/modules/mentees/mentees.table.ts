import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, unique, uuid } from 'drizzle-orm/pg-core';
import { restrictivePolicy } from '../../core/db/rls.js';
import { people, programmes, tenantTable } from '../../core/tenancy/tenancy.table.js';
import type { LanguageLevel } from '../volunteers/volunteers.table.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { Need, PreferredGender, Purpose, Status, SupportBasis } from './mentees.schemas.js';
import { belongsTo, jsonList, jsonObject, linkTo, rowVersion, textList, timestampNow, timestamptz } from '../../core/db/columns.js';

/**
 * A person who needs support (SPEC §3.2), as one organisation records them. Name, contact and birth date stay in
 * `people`; this row holds what matching needs. `requested` rows came from the public form and do not count until a
 * social worker reviews them; `waiting` rows are the waiting list, ordered by `waiting_since` (kept when a match ends
 * and the person returns, so nobody loses their place).
 */
export const mentees = tenantTable(
  'mentees',
  {
    personId: belongsTo(() => people.id),
    programmeId: linkTo(() => programmes.id),
    /** requested, waiting, matched, on_hold, closed, declined. */
    status: text().$type<Status>().notNull().default('waiting'),
    statusReason: text(),
    /** `staff` (recorded by a social worker) or `form` (the public request form). */
    source: text().$type<'staff' | 'form'>().notNull().default('staff'),
    locale: text().$type<Locale>().notNull().default('pl'),
    /** language_practice, school_help, everyday_matters, leisure, companionship, job_search, official_matters. */
    needs: text().array().$type<Need[]>().notNull().default(sql`'{}'::text[]`),
    languages: jsonList<LanguageLevel>(),
    /** Weekly grid as for volunteers: "mon-morning" … "sun-evening". */
    availability: textList(),
    district: text(),
    interests: textList(),
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
    waitingSince: timestamptz(),
    reviewedAt: timestamptz(),
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
    version: rowVersion(),
    createdAt: timestampNow(),
    updatedAt: timestampNow(),
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
  ],
);

/** Consent per purpose with its lawful basis, as given on the request form or recorded by the social worker. */
export const menteeConsents = tenantTable(
  'mentee_consents',
  {
    menteeId: belongsTo(() => mentees.id),
    purpose: text().$type<Purpose>().notNull(),
    lawfulBasis: text().$type<SupportBasis>().notNull(),
    /** The wording shown to the person, in their language (or the basis recorded by staff). */
    text: text().notNull(),
    givenAt: timestampNow(),
    withdrawnAt: timestamptz(),
  },
  (t) => [
    check('mentee_consents_basis', sql`${t.lawfulBasis} in ('consent','contract','legal_obligation','vital_interests','public_task','legitimate_interests')`),
  ],
);

/** The staff members working on a case. Only they may read its case notes (enforced by row-level security too). */
export const menteeCaseStaff = tenantTable(
  'mentee_case_staff',
  {
    menteeId: belongsTo(() => mentees.id),
    userId: uuid().notNull(),
    addedAt: timestampNow(),
  },
  (t) => [unique('mentee_case_staff_once').on(t.menteeId, t.userId)],
);

/**
 * Free-text case notes. Besides the tenant policy, a restrictive policy lets the app role see a note only when the
 * current user is on the case's staff: a query that forgets the check still returns nothing.
 */
export const menteeNotes = tenantTable(
  'mentee_notes',
  {
    menteeId: belongsTo(() => mentees.id),
    authorUserId: uuid().notNull(),
    body: text().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    index('mentee_notes_mentee').on(t.menteeId, t.createdAt),
    restrictivePolicy('mentee_notes_case_staff', sql`exists (select 1 from mentee_case_staff s where s.mentee_id = ${t.menteeId} and s.user_id = app_current_user())`),
  ],
);

/** The timeline of a case: review, status changes, matches made and ended. */
export const menteeEvents = tenantTable(
  'mentee_events',
  {
    menteeId: belongsTo(() => mentees.id),
    at: timestampNow(),
    actorUserId: uuid(),
    /** created, reviewed, status, match, profile. */
    kind: text().notNull(),
    fromStatus: text().$type<Status>(),
    toStatus: text().$type<Status>(),
    detail: jsonObject<Record<string, unknown>>(),
  },
  (t) => [index('mentee_events_mentee').on(t.menteeId, t.at)],
);

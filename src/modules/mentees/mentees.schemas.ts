import { z } from 'zod';
import { isoDate, optionalEmail, optionalInt, optionalMultilineText, optionalPhone, optionalText, pageOf, personName, requiredMultilineText, requiredText } from '../../core/http/validation.js';
import { LOCALES } from '../../core/i18n/index.js';
import { AVAILABILITY, LanguageLevelInput, MAX_LANGUAGES } from '../volunteers/index.js';
import { ORG_TIME_ZONE, todayIn } from '../../core/i18n/time-zone.js';

/** What a person may need help with (SPEC §3.2); the matching module reads the same codes. */
export const NEEDS = ['language_practice', 'school_help', 'everyday_matters', 'leisure', 'companionship', 'job_search', 'official_matters'] as const;
export type Need = (typeof NEEDS)[number];
export const STATUSES = ['requested', 'waiting', 'matched', 'on_hold', 'closed', 'declined'] as const;
export type Status = (typeof STATUSES)[number];
export const GENDERS = ['female', 'male', 'other'] as const;
export const PREFERRED_GENDERS = ['any', 'female', 'male'] as const;
export type PreferredGender = (typeof PREFERRED_GENDERS)[number];
/** Lawful bases staff may record for processing for support and matching (GDPR art. 6(1)). */
export const SUPPORT_BASES = ['consent', 'public_task', 'legitimate_interests', 'vital_interests'] as const;
export type SupportBasis = (typeof SUPPORT_BASES)[number];
/** Purposes a consent is recorded for. Contact by e-mail or phone is always by consent. */
export const PURPOSES = ['support', 'contact_email', 'contact_phone'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const MAX_INTERESTS = 20;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional());
/** A whole number typed in a form: Arabic-script digits count (see core validation). */
export { optionalInt };
/**
 * Today for validating dates typed on a form (not in the future, under 18): the calendar of the default zone
 * (Europe/Warsaw, every organisation's zone unless changed), never the UTC date, which lags an hour or two
 * behind it every night.
 */
const today = () => todayIn(ORG_TIME_ZONE);

/** A date of birth: a real date, not in the future, not before 1900. */
export const birthDate = () =>
  z.preprocess(
    blankToUndefined,
    isoDate()
      .refine((d) => d <= today(), { params: { key: 'validation.dateInFuture' } })
      .refine((d) => d >= '1900-01-01', { params: { key: 'validation.dateTooOld' } })
      .optional(),
  );

export const needsField = () => z.array(z.enum(NEEDS)).min(1).max(NEEDS.length);
export const languagesField = () => z.array(LanguageLevelInput).max(MAX_LANGUAGES).default([]);
export const availabilityField = () => z.array(z.enum(AVAILABILITY as unknown as [string, ...string[]])).max(AVAILABILITY.length).default([]);
export const version = () => z.coerce.number().int().min(1).max(2_147_483_647);

/** The profile staff record or correct (everything but consents, which have their own forms). */
const profile = {
  givenName: personName(100),
  familyName: personName(100),
  email: optionalEmail(),
  phone: optionalPhone(),
  birthDate: birthDate(),
  gender: optionalEnum(GENDERS),
  /** The language of messages to the person. */
  locale: z.enum(LOCALES),
  programmeId: z.preprocess(blankToUndefined, z.string().uuid().optional()),
  needs: needsField(),
  languages: languagesField(),
  availability: availabilityField(),
  /** A district of the organisation's list when it keeps one (checked by the service), else free text. */
  district: optionalText(100),
  /** A place outside the list, typed after choosing "another place" (only where the organisation allows it). */
  districtOther: optionalText(100),
  interests: z.array(requiredText(60)).max(MAX_INTERESTS).default([]),
  preferredVolunteerGender: optionalEnum(PREFERRED_GENDERS),
  preferredVolunteerAgeMin: optionalInt(16, 120),
  preferredVolunteerAgeMax: optionalInt(16, 120),
  /** Set as well whenever the birth date says under 18. */
  minor: z.boolean().default(false),
  vulnerableAdult: z.boolean().default(false),
  summary: optionalMultilineText(300),
  /** The responsible social worker (a social worker or coordinator of the organisation); default: whoever records. */
  socialWorkerUserId: z.preprocess(blankToUndefined, z.string().uuid().optional()),
};

function ageRange(v: { preferredVolunteerAgeMin?: number; preferredVolunteerAgeMax?: number }, ctx: z.RefinementCtx) {
  if (v.preferredVolunteerAgeMin !== undefined && v.preferredVolunteerAgeMax !== undefined && v.preferredVolunteerAgeMin > v.preferredVolunteerAgeMax) {
    ctx.addIssue({ code: 'custom', path: ['preferredVolunteerAgeMax'], params: { key: 'mentees.validation.ageRange' } });
  }
}

export const ConsentsInput = z
  .object({
    /** The lawful basis of processing for support and matching. */
    support: z.enum(SUPPORT_BASES),
    contactEmail: z.boolean().default(false),
    contactPhone: z.boolean().default(false),
  })
  .strict();

/**
 * A person recorded by staff (intake page and `POST /api/v1/mentees`). One schema for validation, the type, the
 * OpenAPI document and the form's messages. Programme, district and social worker are checked against the
 * organisation's own lists by the service.
 */
export const MenteeInput = z
  .object({ ...profile, consents: ConsentsInput })
  .strict()
  .superRefine(ageRange);
export type MenteeInput = z.infer<typeof MenteeInput>;

/** A correction of the profile, with the version the editor saw (a stale one is refused: 409). */
export const MenteeUpdate = z
  .object({ ...profile, version: version() })
  .strict()
  .superRefine(ageRange);
export type MenteeUpdate = z.infer<typeof MenteeUpdate>;


/** The waiting list's tabs, filters and page (query string of `/mentees` and the API). */
export const MenteeQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum([...STATUSES, 'all']).default('waiting')),
  q: optionalText(100),
  programme: z.preprocess(blankToUndefined, z.string().uuid().optional()),
  need: optionalEnum(NEEDS),
  district: optionalText(100),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type MenteeQuery = z.infer<typeof MenteeQuery>;

const LanguageOutput = z.object({ code: z.string(), level: z.string() });

/** One row of the waiting list (page and API). */
export const MenteeSummary = z.object({
  id: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  status: z.enum(STATUSES),
  source: z.enum(['staff', 'form']),
  needs: z.array(z.string()),
  languages: z.array(LanguageOutput),
  district: z.string().nullable(),
  programmeId: z.string().uuid().nullable(),
  minor: z.boolean(),
  vulnerableAdult: z.boolean(),
  /** The earlier request or case this one may be the same person as (same e-mail, or same name in any script with the same birth date or phone). */
  duplicateOf: z.string().uuid().nullable(),
  /** When the person joined the waiting list (for a request: null until it is accepted). */
  waitingSince: z.string().nullable(),
  /** Whole days waiting: since `waitingSince`, or since submission for a request; null for closed and declined. */
  daysWaiting: z.number().int().nullable(),
  socialWorker: z.string().nullable(),
  version: z.number().int(),
});
export type MenteeSummary = z.infer<typeof MenteeSummary>;

export const MenteePage = pageOf(MenteeSummary);
export type MenteePage = z.infer<typeof MenteePage>;

/** One person in full (API): the summary, contact details and the profile. Case notes are never part of it. */
export const MenteeOutput = MenteeSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
  locale: z.string(),
  availability: z.array(z.string()),
  interests: z.array(z.string()),
  preferredVolunteerGender: z.string().nullable(),
  preferredVolunteerAgeMin: z.number().int().nullable(),
  preferredVolunteerAgeMax: z.number().int().nullable(),
  summary: z.string().nullable(),
  statusReason: z.string().nullable(),
  socialWorkerUserId: z.string().uuid().nullable(),
  createdAt: z.string(),
  consents: z.array(z.object({ purpose: z.string(), lawfulBasis: z.string(), givenAt: z.string(), withdrawnAt: z.string().nullable() })),
});
export type MenteeOutput = z.infer<typeof MenteeOutput>;

/** A status change from the case page. */
export const StatusInput = z
  .object({
    action: z.enum(['hold', 'resume', 'close', 'reopen']),
    reason: optionalMultilineText(500),
    version: version(),
  })
  .strict();
export type StatusInput = z.infer<typeof StatusInput>;

/** A reviewer's decision on a request from the public form. */
export const AcceptInput = z.object({ version: version() }).strict();
export const DeclineInput = z.object({ reason: requiredMultilineText(500), version: version() }).strict();
export type DeclineInput = z.infer<typeof DeclineInput>;

/** A consent recorded later from the case page; contact by e-mail or phone is only ever by consent. */
export const ConsentInput = z
  .object({ purpose: z.enum(PURPOSES), lawfulBasis: z.enum(SUPPORT_BASES) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.purpose !== 'support' && v.lawfulBasis !== 'consent') ctx.addIssue({ code: 'custom', path: ['lawfulBasis'], params: { key: 'mentees.validation.contactByConsent' } });
  });
export type ConsentInput = z.infer<typeof ConsentInput>;
export const NoteInput = z.object({ body: requiredMultilineText(4000) }).strict();
export const StaffInput = z.object({ userId: z.string().uuid() }).strict();

import { z } from 'zod';
import { email, int, isoDate, orgSlug, optionalEmail, optionalInt, optionalMultilineText, optionalPersonName, optionalPhone, optionalText, personName, requiredText } from '../../../core/http/validation.js';
import { LOCALES } from '../../../core/i18n/index.js';
import { isMinor } from '../volunteers.repository.js';
import { ORG_TIME_ZONE, todayIn } from '../../../core/i18n/time-zone.js';

/** Languages a volunteer can declare (ISO 639-1); names are shown in the viewer's language with Intl.DisplayNames. */
export const LANGUAGE_CODES = ['pl', 'uk', 'ru', 'en', 'de', 'ar', 'fr', 'es', 'it', 'be', 'ka', 'tr', 'fa', 'vi', 'so', 'ti', 'hy', 'ro', 'cs', 'hi', 'ur', 'ps', 'zh'] as const;
export const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SLOTS = ['morning', 'afternoon', 'evening'] as const;
export const AVAILABILITY = DAYS.flatMap((d) => SLOTS.map((s) => `${d}-${s}` as const));
export const ACTIVITIES = ['mentoring', 'language_help', 'school_help', 'errands', 'leisure', 'institution_assistance', 'events'] as const;
export const AGE_GROUPS = ['children', 'teenagers', 'adults', 'seniors'] as const;
export const GENDERS = ['any', 'female', 'male'] as const;
/**
 * The applicant's own gender (optional): woman, man, another, prefer not to say → `people.gender`, where matching
 * reads it. Only female and male satisfy a stated wish for a woman or a man; "other" and "undisclosed" never do.
 */
export const OWN_GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
/**
 * Planned length of service → `volunteers.planned_days` (null: open-ended, treated as over 30 days). The days are
 * what the law's rules read (service of 30 days or less, or longer: stages.ts `isLongService`); 365 only stands for
 * "more than 30 days" and is never shown as a figure — pages show the choice (`plannedLengthOf`).
 */
export const PLANNED_LENGTHS = { up_to_30: 30, over_30: 365, open: null } as const;
export type PlannedLength = keyof typeof PLANNED_LENGTHS;

/** The choice a stored `planned_days` stands for: null → open, up to 30 days → up_to_30, more → over_30. */
export function plannedLengthOf(plannedDays: number | null): PlannedLength {
  if (plannedDays === null) return 'open';
  return plannedDays <= 30 ? 'up_to_30' : 'over_30';
}
export const HEARD_FROM = ['friends_family', 'social_media', 'website', 'poster_leaflet', 'organisation', 'school_university', 'event', 'other'] as const;
export type HeardFrom = (typeof HEARD_FROM)[number];
/** Optional parts of the form an organisation can switch off (`volunteer_settings.hidden_fields`). */
export const OPTIONAL_FIELDS = ['profession', 'education', 'interests', 'heard_from', 'preferences', 'travel'] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

export const MAX_LANGUAGES = 20;
export const MAX_INTERESTS = 20;

/**
 * Today for validating dates typed on a form (not in the future, under 18): the calendar of the default zone
 * (Europe/Warsaw, every organisation's zone unless changed), never the UTC date, which lags an hour or two
 * behind it every night.
 */
const today = () => todayIn(ORG_TIME_ZONE);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional());

export const LanguageLevelInput = z.object({ code: z.enum(LANGUAGE_CODES), level: z.enum(LEVELS) }).strict();

/**
 * An application, from the public form (after `fromForm`) or from staff through the API. One schema for
 * validation, the TypeScript type, the OpenAPI document and the form errors. Every text has a length limit;
 * HTML is kept as typed and escaped wherever it is shown.
 */
export const ApplicationInput = z
  .object({
    givenName: personName(100),
    familyName: personName(100),
    email: email(),
    phone: optionalPhone(),
    birthDate: z.preprocess(
      blankToUndefined,
      isoDate()
        .refine((d) => d <= today(), { params: { key: 'validation.dateInFuture' } })
        .refine((d) => d >= '1900-01-01', { params: { key: 'validation.dateTooOld' } })
        .optional(),
    ),
    gender: optionalEnum(OWN_GENDERS),
    guardianName: optionalPersonName(200),
    guardianEmail: optionalEmail(),
    profession: optionalText(200),
    education: optionalText(200),
    /** Hobbies and interests: each at most 60 characters, at most 20. */
    interests: z.array(requiredText(60)).max(MAX_INTERESTS).default([]),
    languages: z.array(LanguageLevelInput).max(MAX_LANGUAGES).default([]),
    availability: z.array(z.enum(AVAILABILITY as unknown as [string, ...string[]])).max(AVAILABILITY.length).default([]),
    hoursPerMonth: optionalInt(0, 200),
    /** One of the organisation's districts (matched ignoring case and diacritics) or, where it allows, another place. */
    district: optionalText(100),
    /** The place typed when "another place" was chosen (only where the organisation allows it). */
    districtOther: optionalText(100),
    travelKm: optionalInt(0, 200),
    activities: z.array(z.enum(ACTIVITIES)).min(1).max(ACTIVITIES.length),
    preferredAgeGroups: z.array(z.enum(AGE_GROUPS)).max(AGE_GROUPS.length).default([]),
    preferredGender: optionalEnum(GENDERS),
    worksWithMinors: z.boolean().default(false),
    plannedLength: z.enum(Object.keys(PLANNED_LENGTHS) as ['up_to_30', 'over_30', 'open']),
    motivation: optionalMultilineText(2000),
    heardFrom: optionalEnum(HEARD_FROM),
    consents: z
      .object({
        /** Processing of the application (required, lawful basis: consent). */
        application: z.boolean().refine((v) => v, { params: { key: 'volunteers.application.consentRequired' } }),
        newsletter: z.boolean().default(false),
      })
      .strict(),
    /** The applicant's language (mails, stored consent wording). The form uses the page's language. */
    locale: z.enum(LOCALES).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.birthDate || !isMinor(v.birthDate, today())) return;
    if (!v.guardianName) ctx.addIssue({ code: 'custom', path: ['guardianName'], params: { key: 'volunteers.application.guardianRequired' } });
    if (!v.guardianEmail) ctx.addIssue({ code: 'custom', path: ['guardianEmail'], params: { key: 'volunteers.application.guardianRequired' } });
    else if (v.guardianEmail === v.email) ctx.addIssue({ code: 'custom', path: ['guardianEmail'], params: { key: 'volunteers.application.guardianSameEmail' } });
  });
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const ApplicationOutput = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  stage: z.string(),
  source: z.enum(['form', 'staff']),
  duplicateOf: z.string().uuid().nullable(),
  awaitingGuardian: z.boolean(),
});
export type ApplicationOutput = z.infer<typeof ApplicationOutput>;

export const SlugParams = z.object({ slug: orgSlug() });
export const GuardianParams = z.object({ slug: orgSlug(), token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });

/** Organisation settings of the application form and safeguarding renewals. */
export const SettingsInput = z
  .object({
    hiddenFields: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.enum(OPTIONAL_FIELDS)).max(OPTIONAL_FIELDS.length)),
    safeguardingRenewalMonths: int(1, 120, { message: 'validation.wholeNumber' }),
    reminderDays: int(1, 365, { message: 'validation.wholeNumber' }),
  })
  .strict();
export type SettingsInput = z.infer<typeof SettingsInput>;

/** Names of the form's controls (also the keys of its error messages). */
export const languageField = (row: number, part: 'code' | 'level') => `languages.${row}.${part}`;

const list = (v: unknown): string[] => (v === undefined ? [] : [v].flat().map(String));
const str = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** How many language rows the posted form showed (each row posts its two choices, also when empty). */
export function languageRowsShown(body: Record<string, unknown>): number {
  return Object.keys(body).filter((k) => /^languages\.\d{1,3}\.code$/.test(k)).length;
}

/**
 * Turns the flat fields of the posted form into the shape of ApplicationInput, and returns the values to show
 * again when the form is re-rendered (language rows renumbered without the empty ones, so an error's
 * `languages.<n>.<part>` points at the row it is about).
 */
export function fromForm(body: Record<string, unknown>): { input: Record<string, unknown>; values: Record<string, unknown> } {
  const rows = new Map<number, { code: string; level: string }>();
  for (const [key, value] of Object.entries(body)) {
    const m = /^languages\.(\d{1,3})\.(code|level)$/.exec(key);
    if (!m) continue;
    const row = rows.get(Number(m[1])) ?? { code: '', level: '' };
    row[m[2] as 'code' | 'level'] = String(str(value) ?? '').trim();
    rows.set(Number(m[1]), row);
  }
  const languages = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => r)
    .filter((r) => r.code !== '' || r.level !== '');
  const interestsRaw = typeof str(body.interests) === 'string' ? (str(body.interests) as string) : '';
  const interests = interestsRaw
    .split(/[,،，]/) // Latin, Arabic and full-width commas
    .map((s) => s.trim())
    .filter(Boolean);
  const input: Record<string, unknown> = {
    givenName: str(body.givenName) ?? '',
    familyName: str(body.familyName) ?? '',
    email: str(body.email) ?? '',
    phone: str(body.phone),
    birthDate: str(body.birthDate),
    gender: str(body.gender),
    guardianName: str(body.guardianName),
    guardianEmail: str(body.guardianEmail),
    profession: str(body.profession),
    education: str(body.education),
    interests,
    languages,
    availability: list(body.availability),
    hoursPerMonth: str(body.hoursPerMonth),
    district: str(body.district),
    districtOther: str(body.districtOther),
    travelKm: str(body.travelKm),
    activities: list(body.activities),
    preferredAgeGroups: list(body.preferredAgeGroups),
    preferredGender: str(body.preferredGender),
    worksWithMinors: str(body.worksWithMinors) === 'yes',
    plannedLength: str(body.plannedLength),
    motivation: str(body.motivation),
    heardFrom: str(body.heardFrom),
    consents: { application: str(body['consents.application']) === 'yes' ? true : false, newsletter: str(body['consents.newsletter']) === 'yes' },
  };
  const values: Record<string, unknown> = { ...body };
  for (const key of Object.keys(values)) if (/^languages\./.test(key)) delete values[key];
  languages.forEach((r, i) => {
    values[languageField(i, 'code')] = r.code;
    values[languageField(i, 'level')] = r.level;
  });
  values.languageRows = languages.length;
  return { input, values };
}

/** Removes what the organisation switched off, so a hidden field is never stored even if posted. */
export function withoutHidden(input: ApplicationInput, hidden: readonly string[]): ApplicationInput {
  const out = { ...input };
  const h = new Set(hidden);
  if (h.has('profession')) out.profession = undefined;
  if (h.has('education')) out.education = undefined;
  if (h.has('interests')) out.interests = [];
  if (h.has('heard_from')) out.heardFrom = undefined;
  if (h.has('preferences')) {
    out.preferredAgeGroups = [];
    out.preferredGender = undefined;
  }
  if (h.has('travel')) out.travelKm = undefined;
  return out;
}

import { z } from 'zod';
import { optionalInt, optionalMultilineText, optionalText, pageOf } from '../../../core/http/validation.js';
import { STAGES } from './stages.js';

/** The kinds of help a volunteer offers (the application form's `activities`). */
export const ACTIVITIES = ['mentoring', 'language_help', 'school_help', 'errands', 'leisure', 'institution_assistance', 'events'] as const;
export const SORTS = ['name', 'stage', 'waiting', 'applied'] as const;
export type Sort = (typeof SORTS)[number];

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalEnum = <T extends [string, ...string[]]>(values: T) => z.preprocess(emptyToUndefined, z.enum(values).optional());

/**
 * The list's filters, search, sort and page (query string of `/volunteers`, its exports and the API).
 * Unknown keys (`lang`) are ignored; a bad value is answered with 422 on the API and ignored on pages.
 */
export const VolunteerQuery = z.object({
  q: optionalText(100),
  stage: optionalEnum([...STAGES]),
  /** A language code the volunteer speaks (ISO 639-1/-3, as the application stores it). */
  language: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/).optional()),
  district: optionalText(100),
  activity: optionalEnum([...ACTIVITIES]),
  /** Only those waiting more than this many days at their current stage. */
  waitingMin: optionalInt(0, 3650),
  sort: z.preprocess(emptyToUndefined, z.enum(SORTS).default('waiting')),
  dir: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc']).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type VolunteerQuery = z.infer<typeof VolunteerQuery>;

const version = z.coerce.number().int().min(1).max(2_147_483_647);

/** A move of one volunteer (page form and API): the target stage, a reason, and the version the mover saw. */
export const MoveInput = z
  .object({
    stage: z.enum(STAGES),
    reason: optionalMultilineText(500),
    version,
  })
  .strict();
export type MoveInput = z.infer<typeof MoveInput>;

/** A selected row of the list: the volunteer's id and the version shown, `<uuid>:<version>`. */
const Selected = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d{1,10}$/i)
  .transform((s) => {
    const [id, v] = s.split(':') as [string, string];
    return { id: id.toLowerCase(), version: Number(v) };
  });

/** A bulk move from the list: the ticked volunteers, the target stage and one reason for all. */
export const BulkInput = z
  .object({
    ids: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(Selected).min(1).max(200)),
    stage: z.enum(STAGES),
    reason: optionalMultilineText(500),
  })
  .strict();
export type BulkInput = z.infer<typeof BulkInput>;


export const LanguageOutput = z.object({ code: z.string(), level: z.string() });

/** One row of the list (page, exports and API). */
export const VolunteerSummary = z.object({
  id: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  stage: z.enum(STAGES),
  version: z.number().int(),
  appliedAt: z.string(),
  stageChangedAt: z.string(),
  /** Whole days since the last stage change. */
  daysWaiting: z.number().int(),
  languages: z.array(LanguageOutput),
  district: z.string().nullable(),
  activities: z.array(z.string()),
  duplicateOf: z.string().uuid().nullable(),
  awaitingGuardian: z.boolean(),
});
export type VolunteerSummary = z.infer<typeof VolunteerSummary>;

export const VolunteerPage = pageOf(VolunteerSummary);
export type VolunteerPage = z.infer<typeof VolunteerPage>;

/** The state after a move (API). */
export const StageOutput = z.object({
  id: z.string().uuid(),
  stage: z.enum(STAGES),
  stageReason: z.string().nullable(),
  stageChangedAt: z.string(),
  version: z.number().int(),
});
export type StageOutput = z.infer<typeof StageOutput>;

import { z } from 'zod';
import { int, optionalText, requiredMultilineText } from '../../../core/http/validation.js';
import { ComponentOutput } from '../matches.schemas.js';

/** Inputs and outputs of the suggestion pages and their API. */

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const uuid = () => z.string().trim().toLowerCase().uuid();

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SUGGESTION_LIMIT = 20;

/** A checkbox or query flag: "true", "on" or "1" is yes, anything else (or nothing) is no. */
const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/**
 * Filters of a suggestion list. A bad value is answered 422 by the API and dropped by the pages (hand-edited link).
 * `includeFull` also shows volunteers whose places are all taken (marked, without a match button).
 */
export const SuggestionQuery = z.object({
  district: optionalText(100),
  language: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/).optional()),
  weekday: z.preprocess(emptyToUndefined, z.enum(WEEKDAYS).optional()),
  includeFull: flag.default(false),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuery>;

/** The match button of a row on a mentee's page (the volunteer chosen) or a volunteer's page (the mentee chosen). */
export const ChooseVolunteer = z.object({ volunteerId: uuid() }).strict();
export const ChooseMentee = z.object({ menteeId: uuid() }).strict();

/** "Never suggest this pair", with the coordinator's reason. `from` says which page to go back to. */
export const ExclusionInput = z
  .object({
    menteeId: uuid(),
    volunteerId: uuid(),
    reason: requiredMultilineText(500),
    from: z.enum(['mentee', 'volunteer']).default('mentee'),
  })
  .strict();
export type ExclusionInput = z.infer<typeof ExclusionInput>;

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;

/** The volunteer's matching profile (not asked by the volunteer form): places at once and gender. */
export const VolunteerProfileInput = z
  .object({
    capacity: int(1, 20, { message: 'validation.wholeNumber' }),
    gender: z.preprocess(emptyToUndefined, z.enum(GENDERS).optional()),
  })
  .strict();
export type VolunteerProfileInput = z.infer<typeof VolunteerProfileInput>;

const LeftOutOutput = z.object({
  count: z.number().int(),
  byKey: z.record(z.number().int()),
  /** The same in words, in the caller's language. */
  text: z.string(),
});

export const VolunteerSuggestion = z.object({
  volunteerId: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  score: z.number(),
  percent: z.number().int(),
  /** Places taken and offered; `full` only appears when `includeFull` was asked. */
  activeMatches: z.number().int(),
  capacity: z.number().int(),
  full: z.boolean(),
  summary: z.string(),
  components: z.array(ComponentOutput),
  cautions: z.array(z.string()),
});

export const SuggestionsOutput = z.object({
  mentee: z.object({ id: z.string().uuid(), givenName: z.string(), familyName: z.string(), status: z.string(), needs: z.array(z.string()), coveredNeeds: z.array(z.string()), daysWaiting: z.number().int() }),
  items: z.array(VolunteerSuggestion),
  /** Eligible volunteers passing the filters (items are the best of them). */
  eligible: z.number().int(),
  leftOut: LeftOutOutput,
  /**
   * Volunteers left out only because their gender was never recorded while the mentee asked for a woman or a man
   * (with it recorded they would fit); the suggestions page lists the same people with a link to record it.
   * Empty when the mentee stated no such wish. Not counted in `leftOut`.
   */
  genderUnknown: z
    .array(z.object({ volunteerId: z.string().uuid(), givenName: z.string(), familyName: z.string() }))
    .describe('Volunteers excluded only because their gender is unknown while the mentee asked for a woman or a man'),
});
export type SuggestionsOutput = z.infer<typeof SuggestionsOutput>;

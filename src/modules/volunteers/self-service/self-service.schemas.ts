import { z } from 'zod';
import { optionalInt, optionalText, optionalPhone } from '../../../core/http/validation.js';
import { AVAILABILITY, LANGUAGE_CODES, LEVELS, MAX_LANGUAGES } from '../application/application.schemas.js';
import { DocumentOutput } from '../documents/documents.schemas.js';

/**
 * The value sets of the application form (issue point 2), shared so a volunteer edits the same data:
 * a weekly grid of days × parts of the day, and languages (ISO 639-1) with CEFR levels or native.
 */
export { DAYS, LEVELS, SLOTS as DAY_PARTS, AVAILABILITY as AVAILABILITY_SLOTS, LANGUAGE_CODES as LANGUAGE_CHOICES, MAX_LANGUAGES } from '../application/application.schemas.js';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** What a volunteer may change about themself. */
export const ProfileInput = z
  .object({
    phone: optionalPhone(),
    district: optionalText(100),
    hoursPerMonth: optionalInt(0, 744),
    availability: z.preprocess(list, z.array(z.enum(AVAILABILITY as unknown as [string, ...string[]])).max(AVAILABILITY.length)),
    languages: z
      .array(z.object({ code: z.enum(LANGUAGE_CODES), level: z.enum(LEVELS) }).strict())
      .max(MAX_LANGUAGES)
      .refine((l) => new Set(l.map((x) => x.code)).size === l.length, { params: { key: 'volunteers.self-service.profile.languageTwice' } }),
  })
  .strict();
export type ProfileInput = z.infer<typeof ProfileInput>;

/**
 * The posted profile form as ProfileInput's shape: `lang_<code>` selects (empty = not spoken) become the
 * languages list; every other field passes through (unknown ones are refused by the strict schema).
 */
export function profileFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const languages: { code: string; level: unknown }[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('lang_')) {
      if (value !== '' && value !== undefined) languages.push({ code: key.slice(5), level: value });
    } else rest[key] = value;
  }
  return { ...rest, languages };
}

/** Accepting the agreement: the box "I have read and accept…" must be ticked (the form sends `"true"`, JSON `true`). */
export const AcceptInput = z
  .object({ confirm: z.unknown().refine((v) => v === 'true' || v === true, { params: { key: 'volunteers.self-service.accept.confirmRequired' } }).describe('`true`: the volunteer read the agreement and accepts it') })
  .strict();

/** One of the volunteer's own documents (revoked ones are not shown to them). */
export const OwnDocumentOutput = DocumentOutput.pick({ id: true, kind: true, locale: true, title: true, body: true, issuedAt: true, acceptedHow: true, acceptedAt: true }).extend({
  /** Read with an agreement: the organisation's lawyer's note when it accepts electronic acceptance for long service. */
  lawyerNote: z.string().nullable().optional(),
});
export type OwnDocumentOutput = z.infer<typeof OwnDocumentOutput>;

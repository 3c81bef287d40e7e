import { z } from 'zod';
import { optionalText } from '../../../core/http/validation.js';

/**
 * The value sets of the application form (issue point 2), reused here so a volunteer edits the same data:
 * a weekly grid of days × parts of the day, and languages with CEFR levels or native.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export const AVAILABILITY_SLOTS = DAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}-${p}` as const));
export const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;

/** Languages offered on the profile form (ISO 639-1); a language the volunteer already has is always shown too. */
export const LANGUAGE_CHOICES = ['pl', 'uk', 'ru', 'be', 'en', 'de', 'fr', 'es', 'it', 'ar', 'fa', 'ps', 'ku', 'tr', 'ka', 'hy', 'ro', 'vi', 'zh', 'ti', 'so'] as const;

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** What a volunteer may change about themself. */
export const ProfileInput = z
  .object({
    phone: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .trim()
        .max(30)
        .refine((s) => /^\+?[0-9 ()-]{6,30}$/.test(s), { params: { key: 'validation.phone' } })
        .optional(),
    ),
    district: optionalText(100),
    hoursPerMonth: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(0).max(744).optional()),
    availability: z.preprocess(list, z.array(z.enum(AVAILABILITY_SLOTS as [string, ...string[]])).max(AVAILABILITY_SLOTS.length)),
    languages: z
      .array(z.object({ code: z.string().regex(/^[a-z]{2,3}$/), level: z.enum(LEVELS) }).strict())
      .max(20)
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

/** Accepting the agreement: the box "I have read and accept…" must be ticked. */
export const AcceptInput = z
  .object({ confirm: z.unknown().refine((v) => v === 'true', { params: { key: 'volunteers.self-service.accept.confirmRequired' } }) })
  .strict();

import { z } from 'zod';
import { LOCALES } from '../../core/i18n/index.js';
import { isoDate, optionalEmail, optionalText, optionalPhone, pageOf, personName } from '../../core/http/validation.js';
import { ROLES } from '../../core/tenancy/tenancy.table.js';
import { ORG_TIME_ZONE, todayIn } from '../../core/i18n/time-zone.js';

/**
 * Today for validating dates typed on a form (not in the future, under 18): the calendar of the default zone
 * (Europe/Warsaw, every organisation's zone unless changed), never the UTC date, which lags an hour or two
 * behind it every night.
 */
const today = () => todayIn(ORG_TIME_ZONE);

/** A person as staff enter them (form and API). */
export const PersonInput = z
  .object({
    givenName: personName(100),
    familyName: personName(100),
    email: optionalEmail(),
    phone: optionalPhone(),
    birthDate: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      isoDate()
        .refine((d) => d <= today(), { params: { key: 'validation.dateInFuture' } })
        .refine((d) => d >= '1900-01-01', { params: { key: 'validation.dateTooOld' } })
        .optional(),
    ),
    locale: z.enum(LOCALES),
  })
  .strict();
export type PersonInput = z.infer<typeof PersonInput>;

/** Partial update through the API. */
export const PersonPatch = PersonInput.partial().strict();

export const PersonOutput = z.object({
  id: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  locale: z.enum(LOCALES),
  roles: z.array(z.enum(ROLES)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonOutput = z.infer<typeof PersonOutput>;

export const PeopleQuery = z.object({
  q: optionalText(100),
  role: z.enum(ROLES).optional().or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PeoplePage = pageOf(PersonOutput);


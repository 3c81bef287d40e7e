import { z } from 'zod';
import { LOCALES } from '../../../core/i18n/index.js';
import { optionalText, requiredText } from '../../../core/http/validation.js';
import { COUNTRIES } from './countries.js';

/** What an administrator may change about their organisation (the slug is fixed: it is in public addresses). */
export const OrganisationInput = z
  .object({
    name: requiredText(200),
    city: optionalText(100),
    country: z.enum(COUNTRIES),
    defaultLocale: z.enum(LOCALES),
  })
  .strict();
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const OrganisationOutput = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  country: z.string(),
  defaultLocale: z.enum(LOCALES),
});
export type OrganisationOutput = z.infer<typeof OrganisationOutput>;

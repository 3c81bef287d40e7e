import { z } from 'zod';
import { optionalMultilineText, requiredText } from '../../../core/http/validation.js';

/** A checkbox from a form ("on"/"true"/"false") or a JSON boolean. */
const flag = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** A programme as staff enter it (form and API). A name is unique in the organisation (ignoring case). */
export const ProgrammeInput = z
  .object({
    name: requiredText(120),
    description: optionalMultilineText(2000).transform((v) => v ?? ''),
    active: flag.default(true),
  })
  .strict();
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

export const ProgrammeOutput = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ProgrammeOutput = z.infer<typeof ProgrammeOutput>;

export const ProgrammeList = z.object({ items: z.array(ProgrammeOutput) });

import { z, type ZodIssue, type ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { AppError, type FieldErrors } from './errors.js';

/** Maps a zod issue to a catalogue key and its parameters, so form errors appear in the user's language. */
export function issueMessage(issue: ZodIssue): { key: string; params?: Record<string, string | number> } {
  if (issue.code === 'custom' && typeof issue.params?.key === 'string') return { key: issue.params.key };
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' || issue.received === 'null' ? { key: 'validation.required' } : { key: 'validation.invalid' };
    case 'too_small':
      if (issue.type === 'string' && Number(issue.minimum) <= 1) return { key: 'validation.required' };
      if (issue.type === 'string') return { key: 'validation.tooShort', params: { min: Number(issue.minimum) } };
      if (issue.type === 'array') return { key: 'validation.chooseAtLeast', params: { min: Number(issue.minimum) } };
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.type === 'string') return { key: 'validation.tooLong', params: { max: Number(issue.maximum) } };
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_string':
      if (issue.validation === 'email') return { key: 'validation.email' };
      return { key: 'validation.invalid' };
    case 'invalid_enum_value':
    case 'invalid_literal':
      return { key: 'validation.choice' };
    case 'invalid_date':
      return { key: 'validation.date' };
    case 'unrecognized_keys':
      return { key: 'validation.unknownFields', params: { fields: issue.keys.join(', ') } };
    default:
      return { key: 'validation.invalid' };
  }
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.join('.') || '_form';
    fields[name] ??= issueMessage(issue);
  }
  return fields;
}

/** Parses input with a schema or throws VALIDATION with per-field message keys. */
export function parseInput<S extends ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('VALIDATION', 'error.validation', fieldErrors(result.error));
  return result.data;
}

/** JSON Schema of a zod schema, for the OpenAPI document. */
export function jsonSchema(schema: ZodTypeAny): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = zodToJsonSchema(schema, { target: 'openApi3', $refStrategy: 'none' }) as Record<string, unknown>;
  return rest;
}

// --- Reusable field schemas ---------------------------------------------------------------

/** A text field from a form or JSON: trimmed, without control characters, with a length limit. */
export const text = (max = 200) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max)
        .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { params: { key: 'validation.controlChars' } }),
    );
export const requiredText = (max = 200) => text(max).pipe(z.string().min(1));
/** An optional text field: empty strings become undefined. */
export const optionalText = (max = 200) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max).optional());
export const email = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .email();
export const optionalEmail = () => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), email().optional());

/** A calendar date YYYY-MM-DD that exists (no 31 February). */
export const isoDate = () =>
  z
    .string()
    .trim()
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      params: { key: 'validation.date' },
    });
export const uuidParam = () => z.string().uuid();

/** An optional phone number: digits, spaces, brackets and hyphens, optionally starting with +. */
export const optionalPhone = () =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .max(30)
      .refine((s) => /^\+?[0-9 ()-]{6,30}$/.test(s), { params: { key: 'validation.phone' } })
      .optional(),
  );

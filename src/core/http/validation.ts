import { z, type ZodIssue, type ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { AppError, type FieldErrors } from './errors.js';
import { dynamicKey } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/message-keys.js';

/** Maps a zod issue to a catalogue key and its parameters, so form errors appear in the user's language. */
export function issueMessage(issue: ZodIssue): { key: MessageKey; params?: Record<string, string | number> } {
  // dynamicKey: a refinement's key travels in zod's untyped `params` (`{ params: { key: 'validation.date' } }`).
  if (issue.code === 'custom' && typeof issue.params?.key === 'string') return { key: dynamicKey(issue.params.key), params: issue.params.values as Record<string, string | number> | undefined };
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

/**
 * A page's query string read leniently: a bad value (a hand-edited link, a typo in a filter) is dropped rather than
 * refused, so the page still shows; `ignored` names each dropped parameter with what was typed (at most 100
 * characters), for a page that says which filter it left out. The API parses strictly instead (422).
 */
export function lenientQuery<S extends ZodTypeAny>(schema: S, input: unknown): { query: z.output<S>; ignored: Record<string, string> } {
  const raw = { ...((input ?? {}) as Record<string, unknown>) };
  const ignored: Record<string, string> = {};
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { query: parsed.data, ignored };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      ignored[field] = String([raw[field]].flat()[0] ?? '').slice(0, 100);
      delete raw[field];
    }
  }
  return { query: schema.parse({}), ignored };
}

/** JSON Schema of a zod schema, for the OpenAPI document. */
export function jsonSchema(schema: ZodTypeAny): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = zodToJsonSchema(schema, { target: 'jsonSchema2019-09', $refStrategy: 'none' }) as Record<string, unknown>;
  return pipesAsEither(rest) as Record<string, unknown>;
}

/**
 * A pipe that changes the type (text of digits → a number) comes out as `allOf: [string, number]`, which no value
 * satisfies; the field accepts either, so it is documented as `anyOf`. Pipes within one type stay `allOf`.
 */
function pipesAsEither(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pipesAsEither);
  if (typeof node !== 'object' || node === null) return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, pipesAsEither(v)]));
  const parts = out.allOf;
  if (Array.isArray(parts) && parts.length === 2) {
    const types = parts.map((p: { type?: unknown }) => [p.type ?? []].flat());
    if (types.every((t) => t.length > 0) && !types[0]!.some((t) => types[1]!.includes(t))) {
      const { allOf: _pipe, ...rest } = out;
      return { ...rest, anyOf: parts };
    }
  }
  return out;
}

// --- Reusable field schemas ---------------------------------------------------------------

/**
 * Characters no text field accepts: the C0 controls but tab, line feed and carriage return, DEL, and the C1
 * controls (which include NEL, U+0085, a line break to some parsers).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * What a single-line field refuses on top: tab, line feed, carriage return and the Unicode line and paragraph
 * separators. A name, title or place is repeated in mail subjects and greetings, calendar files, CSV and PDFs,
 * where a line break would start a new header, property or row.
 */
const SINGLE_LINE_BREAK = /[\t\n\r\u2028\u2029]/;
/** Every way of breaking a line: CRLF, CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/**
 * The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). In a single-line
 * field they are removed, not refused: an override can make a name read backwards wherever it is shown next to
 * other text (a mail greeting, a list, the calendar), yet the embeddings and isolates come in unseen when a name
 * is copied from a messenger or a phone's contacts, and the visible text is the same without them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** The invisible direction marks (LRM, RLM, ALM): kept in text, where they shape its display, removed from numbers. */
const DIRECTION_MARKS = /[\u200e\u200f\u061c]/g;
const noControlChars = { params: { key: 'validation.controlChars' } };
const singleLine = (s: string) => s.replace(BIDI_CONTROLS, '').trim();
const multiLine = (s: string) => s.replace(LINE_BREAKS, '\n').trim();
/** For optional fields: a string that is empty once normalised counts as absent. */
const blankAs = (normalise: (s: string) => string) => (v: unknown) => (typeof v === 'string' && normalise(v) === '' ? undefined : v);

/**
 * A single-line text field from a form or JSON (names, titles, places, search terms): trimmed, at most `max`
 * characters, without bidirectional controls (removed), and without line breaks, tabs or other control characters
 * (refused with `validation.controlChars`). Text typed in a textarea uses `multilineText` instead.
 */
export const text = (max = 200) =>
  z
    .string()
    .transform(singleLine)
    .pipe(
      z
        .string()
        .max(max)
        .refine((s) => !CONTROL.test(s) && !SINGLE_LINE_BREAK.test(s), noControlChars),
    );
export const requiredText = (max = 200) => text(max).pipe(z.string().min(1));
/** An optional text field: empty strings become undefined. */
export const optionalText = (max = 200) => z.preprocess(blankAs(singleLine), text(max).optional());

/**
 * A multi-line text field (what a textarea sends: notes, reasons, descriptions): every kind of line break becomes
 * `\n` (so a browser's CRLF counts as one character, as the textarea's maxlength does), then trimmed, at most `max`
 * characters; tabs are kept and other control characters refused with `validation.controlChars`.
 */
export const multilineText = (max = 2000) =>
  z
    .string()
    .transform(multiLine)
    .pipe(z.string().max(max).refine((s) => !CONTROL.test(s), noControlChars));
export const requiredMultilineText = (max = 2000) => multilineText(max).pipe(z.string().min(1));
/** An optional multi-line field: empty strings become undefined. */
export const optionalMultilineText = (max = 2000) => z.preprocess(blankAs(multiLine), multilineText(max).optional());

/**
 * Text no one writes in a person's name but a spammer does: a web address (`://`, `www.`) or an e-mail address
 * (`@`). The public forms mail a confirmation that repeats the name to whatever address was typed in.
 */
const LINK_LIKE = /:\/\/|www\.|@/i;
const notLinkLike = { params: { key: 'validation.personName' } };
/** A person's given or family name (or a full name): a required single-line text without links or addresses. */
export const personName = (max = 100) => requiredText(max).refine((s) => !LINK_LIKE.test(s), notLinkLike);
/** An optional person's name (a guardian, a carer): empty strings become undefined. */
export const optionalPersonName = (max = 200) =>
  z.preprocess(blankAs(singleLine), text(max).refine((s) => !LINK_LIKE.test(s), notLinkLike).optional());

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
/** The route parameters of a resource addressed by its id (`/…/:id`): one definition for every module's routes and OpenAPI. */
export const IdParams = z.object({ id: uuidParam() });

/** One page of a list as the API answers it: the items, the total over all pages, the page number (from 1) and its size. */
export const pageOf = <T extends ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
/** An organisation's short address name, as in /o/<slug>: anything else (a NUL byte, a slash…) is not one. */
export const orgSlug = () => z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);

/**
 * Digits of the Arabic script as ASCII digits: the Arabic-Indic (U+0660–U+0669, "٠١٢٣") and the Extended
 * Arabic-Indic ones (U+06F0–U+06F9, "۰۱۲۳", Persian and Urdu). An Arabic phone keyboard types them; Tandem stores
 * and shows numbers in ASCII digits. Other characters are left as they are: `asciiDigits("+٤٨ ٦٠١")` is "+48 601".
 */
export const asciiDigits = (s: string) => s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));

/**
 * What a number field sends, read as a number: trimmed, without the invisible direction marks that text copied from a
 * right-to-left context carries (U+200E, U+200F, U+061C and the bidi embeddings and isolates), digits in any of the
 * scripts `asciiDigits` knows; blank is absent (undefined); anything but digits with an optional leading minus ("1.5",
 * "1e3", "0x1f", a word) is NaN, so it is refused rather than read some other way. Numbers (JSON) and other types are
 * left to the schema.
 */
const typedInt = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const s = asciiDigits(singleLine(v.replace(DIRECTION_MARKS, '')));
  return s === '' ? undefined : /^-?\d+$/.test(s) ? Number(s) : NaN;
};

/**
 * The check behind `int` and `optionalInt`. Without `message`: a word or fraction is `validation.invalid`, out of
 * range `validation.tooSmall`/`tooBig` (with the bound), and the OpenAPI document shows an integer with its bounds
 * (the JSON API and the list filters use this). With `message` (a catalogue key, given `{min}` and `{max}`: the
 * generic `validation.wholeNumber`, "Enter a whole number from 15 to 480.", or one of the field's own that says what
 * the number counts), every wrong value but a missing one gets that one message — for form fields, where one sentence
 * that states the range helps more than three different ones.
 */
const wholeNumber = (min: number, max: number, message?: string) => {
  if (message === undefined) return z.number().int().min(min).max(max);
  return z.unknown().transform((n, ctx) => {
    if (n === undefined || n === null) {
      ctx.addIssue({ code: 'custom', params: { key: 'validation.required' } });
      return z.NEVER;
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', params: { key: message, values: { min, max } } });
      return z.NEVER;
    }
    return n;
  });
};

/**
 * A required whole number from `min` to `max` typed in a form field (minutes, days, a weight) or sent as JSON:
 * `int(5, 480).parse(" ٣٠ ")` is 30; blank is `validation.required`; "1.5" or a word is refused (see `wholeNumber`
 * for the messages, and `{ message }` for one message of the field's own).
 * The field is a text input with `inputMode="numeric"`, not `type="number"`: Chromium's number input silently
 * empties a value typed in Arabic-Indic digits, so the server would never see it.
 */
export const int = (min: number, max: number, opts: { message?: string } = {}) => z.preprocess(typedInt, wholeNumber(min, max, opts.message));

/**
 * An optional whole number typed in a form field (age, hours a month, kilometres): like `int`, but blank is absent
 * (undefined). The same text input with `inputMode="numeric"`.
 */
export const optionalInt = (min: number, max: number, opts: { message?: string } = {}) => z.preprocess(typedInt, wholeNumber(min, max, opts.message).optional());

/**
 * An optional phone number: digits, spaces, brackets and hyphens, optionally starting with +. Digits typed in the
 * Arabic script are stored as ASCII digits (`asciiDigits`).
 */
export const optionalPhone = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : asciiDigits(v)) : v),
    z
      .string()
      .trim()
      .max(30)
      .refine((s) => /^\+?[0-9 ()-]{6,30}$/.test(s), { params: { key: 'validation.phone' } })
      .optional(),
  );

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodType, ZodTypeAny } from 'zod';
import type { FormState } from '../ui/form.js';
import type { MessageKey } from '../i18n/index.js';
import { setFlash } from '../ui/render.js';
import { AppError, type FieldErrors } from './errors.js';
import { formBody, formErrorsOf } from './route-helpers.js';
import { fieldErrors } from './validation.js';

/** The message shown on the next page: a catalogue key (translated there, in the reader's language). */
export type Flash = MessageKey | { key: MessageKey; params?: Record<string, string | number>; kind?: 'success' | 'info' | 'error' };

/** Where a saved form goes: the page to redirect to (303) and the message it shows, if any. */
export interface FormOutcome {
  redirect: string;
  flash?: Flash;
}

/** Which step refused the form: the schema (`input`) or the action (`action`). */
export type RefusedBy = 'input' | 'action';

/**
 * Thrown by a form's action to show the form again with messages and a status other than 422's plain field
 * refusal: a wrong password (401), a sending limit (429), a locked account (423) — or, with no messages and 200, a
 * form shown again on purpose (a preview). `values`, when given, replace what the form shows (a password is never
 * shown again). Nothing is written.
 */
export class FormRefused extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly status: number,
    readonly values?: Record<string, unknown>,
  ) {
    super('form refused');
  }
}

interface FormSpecBase<S extends ZodTypeAny, R> {
  /** The schema of what is posted; without one the action gets the posted form as it is (its service parses it). */
  schema?: S;
  /** What is parsed, when not the posted form itself (a default for an unticked box, rows gathered into a list). */
  input?: unknown;
  /** What the form shows again, when not the posted form itself (never a password). */
  values?: Record<string, unknown>;
  /** Adjusts the schema's messages before they are shown (a hidden field's error as the whole form's). */
  inputErrors?: (errors: FieldErrors) => FieldErrors;
  /**
   * Renders the form again with what was typed and why it was refused, at the given status; `error` is what the
   * action threw, for a view that shows more of a refusal than its messages. Without a view (a button, no form to
   * show) a refusal goes on to the error page.
   */
  view?: (form: FormState, status: number, refusedBy: RefusedBy, error?: unknown) => unknown;
  /** Runs the service. Its refusals with field messages (AppError VALIDATION) show the form again (422). */
  action: (input: z.output<S>) => Promise<R>;
  /**
   * Answers a CONFLICT from the action (someone else changed it first) with a page of the form's own, usually 409;
   * without it, or when it rethrows, the error page answers 409.
   */
  conflict?: (err: AppError, form: FormState) => unknown;
}

/** A page form: either a redirect after success (`success`) or a page of its own (`respond`, e.g. a result shown once). */
export type FormSpec<S extends ZodTypeAny, R> = FormSpecBase<S, R> & ({ success: (result: R) => FormOutcome; respond?: never } | { respond: (result: R) => unknown; success?: never });

/**
 * The one way a page handles a posted form: parse with the schema → on bad input the form again with the messages
 * next to the fields (422, nothing written) → run the action → its field refusals the same way (422; `FormRefused`
 * with its own status), a conflict via `conflict` (409) → flash → redirect (303). Messages are catalogue keys, shown
 * in the request's language; any other error goes on to the error handler.
 *
 * @example
 * app.post('/pairs/covers', { config }, async (req, reply) =>
 *   submitForm(req, reply, {
 *     schema: coverInput,
 *     view: (form, status) => page(req, reply, form, status),
 *     action: (input) => createCover(db, actorOf(req), input),
 *     success: () => ({ flash: 'pairs.covers.flash.created', redirect: '/pairs/covers' }),
 *   }));
 */
export async function submitForm<S extends ZodTypeAny = ZodType<Record<string, unknown>>, R = unknown>(req: FastifyRequest, reply: FastifyReply, spec: FormSpec<S, R>): Promise<unknown> {
  const body = formBody(req);
  const values = spec.values ?? body;
  const source = spec.input === undefined ? body : spec.input;
  let input: z.output<S>;
  if (spec.schema) {
    const parsed = spec.schema.safeParse(source);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      if (!spec.view) throw new AppError('VALIDATION', 'error.validation', errors);
      return spec.view({ values, errors: spec.inputErrors ? spec.inputErrors(errors) : errors }, 422, 'input');
    }
    input = parsed.data as z.output<S>;
  } else input = source as z.output<S>;
  let result: R;
  try {
    result = await spec.action(input);
  } catch (err) {
    if (spec.conflict && err instanceof AppError && err.code === 'CONFLICT') return spec.conflict(err, { values, errors: {} });
    if (!spec.view) throw err;
    if (err instanceof FormRefused) return spec.view({ values: err.values ?? values, errors: err.errors }, err.status, 'action', err);
    const errors = formErrorsOf(err);
    if (!errors) throw err;
    return spec.view({ values, errors }, 422, 'action', err);
  }
  if (spec.respond) return spec.respond(result);
  const outcome = spec.success(result);
  if (outcome.flash !== undefined) showFlash(reply, outcome.flash);
  return reply.redirect(outcome.redirect, 303);
}

/** Sets the flash of the next page (a bare key is a success message). */
export function showFlash(reply: FastifyReply, flash: Flash) {
  const f = typeof flash === 'string' ? { key: flash } : flash;
  setFlash(reply, f.kind ?? 'success', f.key, f.params);
}

/** A conflict answered with its message as an error flash on the page it came from (303), for buttons without a form page. */
export function flashConflict(reply: FastifyReply, to: string) {
  return (err: AppError) => {
    setFlash(reply, 'error', err.messageKey);
    return reply.redirect(to, 303);
  };
}

/**
 * For `inputErrors`: the optimistic version is a hidden field, so a tampered one is a problem of the whole form
 * (`_form` with `key`), not of a field the person can see.
 */
export const versionAsForm =
  (key: MessageKey) =>
  (errors: FieldErrors): FieldErrors => {
    const { version, ...rest } = errors;
    return version ? { ...rest, _form: { key } } : rest;
  };

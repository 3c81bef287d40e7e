import type { MessageKey } from '../i18n/message-keys.js';

/** The closed list of error codes the app and the API answer with. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
/** `NOT_FOUND` → `not_found`: each code has its message `error.<code>` and page title `error.title.<code>`. */
export const lowerCode = (code: ErrorCode) => code.toLowerCase() as Lowercase<ErrorCode>;

/** Field name → message key (translated when shown). */
export type FieldErrors = Record<string, { key: MessageKey; params?: Record<string, string | number> }>;

/**
 * The one error class. `messageKey` is a catalogue key shown to the user in their language;
 * the code is stable for API clients.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey = `error.${lowerCode(code)}`,
    readonly fields?: FieldErrors,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

/** What a read found, or NOT_FOUND when it found nothing (an unknown id, or another organisation's: RLS hides it). */
export function found<T>(row: T | undefined): T {
  if (row === undefined) throw notFound();
  return row;
}

/**
 * What of an unexpected error may go into the log: its type, message, database error code and stack, without the
 * values that came with it. A failed query's message ends with its parameters (typed e-mail addresses, names…) and
 * a database error's `detail` repeats the offending value, so both are left out: logs hold no personal data.
 */
export function loggableError(err: unknown): { type: string; message: string; code?: string; stack?: string } {
  const e = err as Error & { cause?: Error & { code?: string } };
  const strip = (text: string | undefined) => (text ?? '').split('\nparams:')[0]!;
  const message = strip(e?.message);
  const cause = e?.cause?.message ? ` (${e.cause.message})` : '';
  const stack = e?.stack ? `${message}\n${e.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n')}` : undefined;
  return { type: e?.name ?? typeof err, message: `${message}${cause}`, code: e?.cause?.code, stack };
}
